"""A mail server that is down: nothing lost, retried with back-off, never sent twice, and the
national admin sees what failed for good. Also a broker that is down and a killed worker."""

from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db.models import Q
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from inklusi.notifications import services, tasks
from inklusi.notifications.models import EmailState, Notification

SEND = "django.core.mail.message.EmailMessage.send"


def notify(people, who="manager"):
    return services.notify([getattr(people, who)], "comment", "Komentar baru", "/kegiatan/")[0]


def later(minutes):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes)
    )


def test_failed_mail_waits_is_retried_and_sent_once(people):
    row = notify(people)
    with mock.patch(SEND, side_effect=ConnectionRefusedError("smtp down")):
        tasks.send_email.apply(args=[row.pk])
    row.refresh_from_db()
    assert (row.email, row.email_attempts) == (EmailState.WAITING, 1)
    assert "smtp down" in row.email_error
    assert row.email_next_try_at > timezone.now()
    assert Notification.objects.for_user(people.manager).count() == 1  # the inbox has it

    tasks.send_email.apply(args=[row.pk])  # too early: the back-off holds
    assert mail.outbox == []
    with later(2):
        tasks.send_email.apply(args=[row.pk])
        tasks.send_email.apply(args=[row.pk])
        tasks.sweep.apply()
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.email == EmailState.SENT and row.email_error == ""


def test_back_off_doubles_up_to_an_hour():
    assert [services.backoff(n).seconds // 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]


@override_settings(NOTIFICATION_EMAIL_ATTEMPTS=3)
def test_gives_up_after_the_last_try_and_the_admin_sees_it(people, login):
    row = notify(people)
    with mock.patch(SEND, side_effect=OSError("no route")):
        for minutes in [0, 2, 5]:
            with later(minutes):
                tasks.send_email.apply(args=[row.pk])
    row.refresh_from_db()
    assert (row.email, row.email_attempts) == (EmailState.FAILED, 3)
    with later(120):
        tasks.sweep.apply()
    assert mail.outbox == []

    home = login(people.admin).get(reverse("home:home")).content.decode()
    assert "1 e-mail notifikasi gagal dikirim" in home
    page = login(people.admin).get(reverse("notifications:failures")).content.decode()
    assert "Komentar baru" in page and people.manager.email in page and "no route" in page
    login(people.admin).post(reverse("notifications:failures"))  # send all again
    row.refresh_from_db()
    assert row.email == EmailState.WAITING


@pytest.mark.parametrize("who", ["province", "regency", "manager", "viewer", "nobody"])
def test_failures_page_is_for_the_national_admin_only(people, login, who):
    client = login(getattr(people, who))
    assert client.get(reverse("notifications:failures")).status_code == 403
    assert client.post(reverse("notifications:failures")).status_code == 403
    assert "gagal dikirim" not in client.get(reverse("home:home")).content.decode()


def test_a_worker_retries_through_celery_not_in_process(people):
    row = notify(people)
    tasks.send_email.push_request(is_eager=False, retries=0, called_directly=False)
    try:
        with (
            mock.patch(SEND, side_effect=OSError("down")),
            mock.patch.object(tasks.send_email, "retry", side_effect=Retry("later")) as retry,
        ):
            with pytest.raises(Retry):
                tasks.send_email.run(row.pk)
    finally:
        tasks.send_email.pop_request()
    assert retry.call_args.kwargs["countdown"] == 60


def test_two_workers_never_send_one_row_twice(people):
    row = notify(people)
    assert services.deliver(Q(pk=row.pk), digest=False).sent == 1
    assert services.deliver(Q(pk=row.pk), digest=False).sent == 0
    assert len(mail.outbox) == 1


def test_a_row_claimed_by_a_killed_worker_is_sent_by_the_sweep(people):
    row = notify(people)
    Notification.objects.filter(pk=row.pk).update(
        email=EmailState.SENDING, email_claimed_at=timezone.now()
    )
    tasks.sweep.apply()  # the worker may still be sending: wait
    assert mail.outbox == []
    with later(20):
        tasks.sweep.apply()
    assert len(mail.outbox) == 1


def test_a_broker_outage_never_breaks_the_page(people, login, django_capture_on_commit_callbacks):
    """The lesson of a lost attempt: publishing a task failed and the page answered 500."""
    with mock.patch("inklusi.core.tasks.submit", side_effect=OSError("redis down")):
        with django_capture_on_commit_callbacks(execute=True):
            row = notify(people)
    assert mail.outbox == []
    row.refresh_from_db()
    assert row.email == EmailState.WAITING
    with later(2):
        tasks.sweep.apply()
    assert len(mail.outbox) == 1


def test_unsubscribed_after_queueing_gets_no_mail(people):
    row = notify(people)
    services.unsubscribe(people.manager, "comment")
    tasks.send_email.apply(args=[row.pk])
    assert mail.outbox == []
    row.refresh_from_db()
    assert row.email == EmailState.NONE


def test_the_sweep_forgets_read_notifications_after_a_year(people):
    old_read, old_unread, recent_read = (notify(people) for _ in range(3))
    year_ago = timezone.now() - timedelta(days=366)
    Notification.objects.filter(pk__in=[old_read.pk, old_unread.pk]).update(created_at=year_ago)
    Notification.objects.filter(pk__in=[old_read.pk, recent_read.pk]).update(read_at=timezone.now())
    tasks.sweep.apply()
    assert set(Notification.objects.values_list("pk", flat=True)) == {old_unread.pk, recent_read.pk}
