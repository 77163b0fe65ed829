"""Advocacy follow-ups, agreements ending, training sessions, and the hourly task."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from inklusi.advocacy.tests.helpers import MeetingFactory
from inklusi.notifications.models import Notification
from inklusi.partners.tests.helpers import AgreementFactory, PartnerFactory, days
from inklusi.reminders import services, tasks
from inklusi.reminders.models import SentReminder
from inklusi.trainings.tests.helpers import add_session, make_training, register


def titles(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_follow_up_due_reaches_who_logged_the_meeting(people, regions, run):
    MeetingFactory(region=regions["16.07"], created_by=people.facilitator, follow_up_on=days(0))
    MeetingFactory(region=regions["16.07"], created_by=people.facilitator, follow_up_on=days(1))
    done = MeetingFactory(region=regions["16.07"], created_by=people.facilitator)
    done.follow_up_on, done.follow_up_done = days(0), True
    done.save()
    today = timezone.localdate()
    assert run(services.follow_up_reminders(today)) == 1
    assert run(services.follow_up_reminders(today + timedelta(days=1))) == 1  # the other one
    assert run(services.follow_up_reminders(today + timedelta(days=1))) == 0
    assert titles(people.facilitator) == ["Tindak lanjut hari ini: Bappeda Kabupaten Banyuasin"] * 2


def test_follow_up_without_its_author_goes_to_the_coordinators(people, regions, run):
    MeetingFactory(region=regions["16.07"], created_by=None, follow_up_on=days(0))
    run(services.follow_up_reminders(timezone.localdate()))
    reached = set(Notification.objects.values_list("recipient__email", flat=True))
    assert reached == {people.regency.email, people.province.email}


def test_agreement_ending_in_90_then_30_days(people, libraries, run):
    partner = PartnerFactory(region=libraries.regions["16.07"], created_by=people.facilitator)
    agreement = AgreementFactory(partner=partner, ends_on=days(80))
    today = timezone.localdate()
    run(services.agreement_reminders(today))
    run(services.agreement_reminders(today + timedelta(days=1)))
    run(services.agreement_reminders(today + timedelta(days=55)))
    run(services.agreement_reminders(today + timedelta(days=56)))
    kinds = SentReminder.objects.filter(recipient=people.regency).values_list("kind", flat=True)
    assert sorted(kinds) == ["agreement_30", "agreement_90"]
    assert f"{agreement.title} berakhir dalam 80 hari" in titles(people.facilitator)
    assert not Notification.objects.filter(recipient=people.charlie).exists()


def test_session_tomorrow_and_within_the_hour_to_registered_people_only(people, libraries, run):
    training = make_training(libraries.banyuasin)
    session = add_session(training, starts_in=timedelta(hours=20))
    register(training, people.manager, libraries.air_batu)
    now = timezone.now()
    run(services.session_reminders(now))
    run(services.session_reminders(now + timedelta(hours=1)))
    run(services.session_reminders(now + timedelta(hours=19, minutes=30)))
    run(services.session_reminders(now + timedelta(hours=19, minutes=45)))
    notes = Notification.objects.filter(recipient=people.manager).order_by("pk")
    assert [n.title for n in notes] == [
        "Besok: Strategi pengembangan",
        "Dimulai dalam satu jam: Strategi pengembangan",
    ]
    assert "https://zoom.us/j/8123456789" in notes[0].body and "sumsel20" in notes[0].body
    assert Notification.objects.exclude(recipient=people.manager).count() == 0
    assert session.training.meeting_url not in "".join(
        m.body for m in mail.outbox if people.manager.email not in m.to
    )


def test_a_rescheduled_session_is_reminded_again(people, libraries, run):
    training = make_training(libraries.banyuasin)
    session = add_session(training, starts_in=timedelta(minutes=30))
    register(training, people.manager, libraries.air_batu)
    run(services.session_reminders(timezone.now()))
    session.starts_at += timedelta(hours=2)
    session.ends_at += timedelta(hours=2)
    session.save()
    run(services.session_reminders(timezone.now() + timedelta(hours=2)))
    assert Notification.objects.filter(recipient=people.manager).count() == 2


def test_the_scheduled_task_runs_everything_due_once(
    people, libraries, django_capture_on_commit_callbacks
):
    MeetingFactory(
        region=libraries.regions["16.07"], created_by=people.facilitator, follow_up_on=days(0)
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_due_reminders.apply()
    sent = len(mail.outbox)
    assert people.facilitator.email in [m.to[0] for m in mail.outbox]
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_due_reminders.apply()
    assert len(mail.outbox) == sent
