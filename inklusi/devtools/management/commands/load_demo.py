from django.core.management.base import BaseCommand

from inklusi.accounts.models import Role, User
from inklusi.devtools.demo import DEMO_PASSWORD, load_demo
from inklusi.devtools.demo_activities import load_demo_records
from inklusi.devtools.demo_notifications import load_demo_notifications
from inklusi.devtools.demo_partners import load_demo_partners
from inklusi.devtools.demo_plans import load_demo_plans
from inklusi.devtools.demo_scores import load_demo_scores
from inklusi.devtools.demo_stories import load_demo_stories
from inklusi.devtools.demo_surveys import load_demo_surveys
from inklusi.devtools.demo_talk import load_demo_talk
from inklusi.devtools.demo_trainings import load_demo_trainings
from inklusi.devtools.demo_twofactor import DEMO_TOTP_KEY, load_demo_twofactor


class Command(BaseCommand):
    help = (
        "Load the demo province (Sumatera Selatan): libraries, one user for each role, a year "
        "of monthly reports, activities with photos, partners, advocacy meetings, work plans and "
        "the Bimtek of July 2020 with its forty participants, announcements, questions, "
        "comments, stories of change, outcome-survey answers and follow-ups, and the KPI cards "
        "of the last two quarters."
    )

    def handle(self, *args, **options):
        libraries, users = load_demo()
        manager = User.objects.get(email="pengelola@inklusi.id")
        reports, activities = load_demo_records(manager)
        partners, meetings = load_demo_partners()
        plans = load_demo_plans()
        training = load_demo_trainings()
        talk = load_demo_talk()
        notifications = load_demo_notifications()
        stories = load_demo_stories()
        surveys = load_demo_surveys()
        admin_device = load_demo_twofactor()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {len(libraries)} libraries, {reports} new monthly reports, "
                f"{activities} new activities, {partners} partners, {meetings} advocacy meetings, "
                f"{len(plans)} work plans, and “{training}” with "
                f"{training.registrations.count()} participants; {talk[0]} announcements, "
                f"{talk[1]} questions, {talk[2]} comments, {notifications} notifications, "
                f"{stories} stories of change; "
                f"{surveys[3]} survey answers ({surveys[1]} follow-ups answered now, "
                f"{surveys[2]} contacts waiting for theirs)."
            )
        )
        # Last: the KPI cards are scored from all the records above.
        cards = load_demo_scores()
        self.stdout.write(
            "KPI cards of the last complete quarter: "
            + ", ".join(f"{n} {colour}" for colour, n in cards.items())
        )
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, name, role in users:
            self.stdout.write(f"  {email:26} {Role(role).label:26} {name}")
        self.stdout.write(
            f"{admin_device.user.email} signs in in two steps: its authenticator key is "
            f"{DEMO_TOTP_KEY}; `manage.py totp_code {admin_device.user.email}` prints the code."
        )
