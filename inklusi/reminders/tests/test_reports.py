"""Monthly report reminders: 3 days before, on the day, overdue, then the regency coordinator;
each once, whatever runs twice."""

from django.core import mail
from django.test import override_settings

from inklusi.notifications.models import Notification
from inklusi.notifications.services import unsubscribe
from inklusi.reminders.models import SentReminder
from inklusi.reminders.services import report_reminders
from inklusi.testing.factories import MonthlyReportFactory

from .conftest import OCTOBER, day


def test_nothing_before_the_three_days(in_programme, run):
    assert report_reminders(day(6)) == []


def test_due_soon_reaches_the_manager_once(people, in_programme, run):
    assert run(report_reminders(day(7))) == 1
    assert run(report_reminders(day(7))) == 0
    assert run(report_reminders(day(9))) == 0  # the same stage, a later run
    assert [m.to for m in mail.outbox] == [[people.manager.email]]
    assert "Oktober 2026" in mail.outbox[0].subject
    assert "10 November 2026" in mail.outbox[0].subject
    note = Notification.objects.get(recipient=people.manager)
    assert note.url == f"/laporan/baru/?library={in_programme.air_batu.pk}&month=2026-10"


def test_each_stage_once(people, in_programme, run):
    for d in [7, 8, 10, 10, 11, 12, 13]:
        run(report_reminders(day(d)))
    stages = SentReminder.objects.filter(recipient=people.manager).values_list("kind", flat=True)
    assert sorted(stages) == ["report_due_soon", "report_due_today", "report_overdue"]
    assert len(mail.outbox) == 3


def test_a_filed_report_stops_the_reminders(people, in_programme, run):
    MonthlyReportFactory(library=in_programme.air_batu, month=OCTOBER)
    assert run(report_reminders(day(10))) == 0
    assert mail.outbox == []


@override_settings(REPORT_ESCALATION_DAYS=7)
def test_overdue_goes_to_the_regency_coordinator_after_the_set_days(people, in_programme, run):
    run(report_reminders(day(16)))
    assert not SentReminder.objects.filter(kind="report_escalated").exists()
    run(report_reminders(day(17)))
    run(report_reminders(day(18)))
    escalated = SentReminder.objects.filter(kind="report_escalated")
    assert sorted(escalated.values_list("recipient__email", flat=True)) == [
        people.regency.email,  # Banyuasin's two
        people.charlie.email,  # Palembang's library
    ]
    note = Notification.objects.get(recipient=people.regency)
    assert note.title == "2 perpustakaan belum melapor untuk Oktober 2026"
    assert "Air Batu" in note.body
    assert note.url.startswith("/laporan/kepatuhan/?month=2026-10&region=16.07")
    # The province coordinator and the facilitator are not chased.
    assert not Notification.objects.filter(recipient__in=[people.province, people.facilitator])


def test_an_unsubscribed_manager_gets_no_email_but_the_inbox_has_it(people, in_programme, run):
    unsubscribe(people.manager, "report_due")
    assert run(report_reminders(day(10))) == 1
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=people.manager).count() == 1


def test_the_manager_reads_it_in_their_language(people, in_programme, run):
    people.manager.language = "en"
    people.manager.save()
    run(report_reminders(day(10)))
    assert Notification.objects.get().title == "The report for October 2026 is due today"
