"""The monthly digest: each coordinator's area, last month beside the month before, who needs a
call, and the dashboard's one-page PDF attached; once per coordinator and month."""

from django.core import mail

from inklusi.notifications.models import Notification
from inklusi.reminders import digest
from inklusi.testing.factories import MonthlyReportFactory

from .conftest import OCTOBER, day


def test_each_coordinator_gets_their_area_once_with_the_pdf(people, in_programme, run):
    MonthlyReportFactory(library=in_programme.air_batu, month=OCTOBER)
    assert run(digest.digest_reminders(day(11))) == 3  # the province and two regencies
    assert run(digest.digest_reminders(day(12))) == 0
    reached = sorted(m.to[0] for m in mail.outbox)
    assert reached == sorted([people.province.email, people.regency.email, people.charlie.email])
    (message,) = [m for m in mail.outbox if m.to == [people.regency.email]]
    assert message.subject == "Inklusi: Kabupaten Banyuasin pada Oktober 2026"
    assert "Oktober 2026, dengan September 2026 dalam kurung:" in message.body
    assert "Pengunjung" in message.body
    assert "Perpustakaan yang perlu ditelepon:" in message.body
    assert "Perpustakaan Daerah Banyuasin" in message.body  # it has not reported
    ((name, content, mimetype),) = message.attachments
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert name == "pantauan-kabupaten-banyuasin-2026-10-2026-10.pdf"


def test_facilitators_managers_and_viewers_get_no_digest(people, in_programme, run):
    run(digest.digest_reminders(day(11)))
    for who in ["facilitator", "manager", "viewer", "admin"]:
        assert not Notification.objects.filter(recipient=getattr(people, who)).exists()


def test_the_digest_names_the_stories_chosen_in_the_month(people, in_programme, run):
    import datetime

    from django.utils import timezone

    from inklusi.stories.models import Selection
    from inklusi.stories.tests.helpers import choose_up_to, make_story

    story = make_story(in_programme.air_batu, people.manager, who="Seorang petani karet")
    elsewhere = make_story(in_programme.kemang_manis, people.charlie, who="Seorang kader")
    choose_up_to(story, ["16.07", "16"], people)
    choose_up_to(elsewhere, ["16.71"], people)
    in_october = timezone.make_aware(datetime.datetime(2026, 10, 20, 9))
    Selection.objects.update(chosen_at=in_october)
    run(digest.digest_reminders(day(11)))
    (message,) = [m for m in mail.outbox if m.to == [people.regency.email]]
    assert "Cerita perubahan yang dipilih:" in message.body
    assert "- Seorang petani karet (Kabupaten/kota, Kabupaten Banyuasin)" in message.body
    assert "Seorang kader" not in message.body
