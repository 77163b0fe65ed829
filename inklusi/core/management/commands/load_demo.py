from django.core.management.base import BaseCommand

from inklusi.accounts.models import Role, User
from inklusi.core.demo import DEMO_PASSWORD, load_demo
from inklusi.core.demo_activities import load_demo_records


class Command(BaseCommand):
    help = (
        "Load the demo province (Sumatera Selatan): libraries, one user for each role, a year "
        "of monthly reports and activities with photos."
    )

    def handle(self, *args, **options):
        libraries, users = load_demo()
        manager = User.objects.get(email="pengelola@inklusi.id")
        reports, activities = load_demo_records(manager)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {len(libraries)} libraries, {reports} new monthly reports, "
                f"{activities} new activities."
            )
        )
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, name, role in users:
            self.stdout.write(f"  {email:26} {Role(role).label:26} {name}")
