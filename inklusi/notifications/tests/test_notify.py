"""notify(): the inbox row, the e-mail once the transaction commits, preferences, unsubscribe."""

from email.utils import parseaddr

import pytest
from django.core import mail
from django.urls import reverse

from inklusi.notifications import services, tasks
from inklusi.notifications.models import Delivery, EmailSettings, EmailState, Notification
from inklusi.testing.factories import UserFactory


def send(recipients, kind="announcement", **extra):
    extra.setdefault("title", "Rapat koordinasi Jumat")
    extra.setdefault("url", "/kegiatan/")
    return services.notify(recipients, kind, **extra)


def test_notify_keeps_a_row_and_emails_once_committed(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = send([people.manager, people.viewer], body="Bawa laporan.")
    assert {n.recipient for n in created} == {people.manager, people.viewer}
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == [people.manager.email])
    assert message.subject == "Inklusi: Rapat koordinasi Jumat"
    assert "Bawa laporan." in message.body
    assert "http://testserver/kegiatan/" in message.body or "/kegiatan/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifikasi/berhenti/" in message.extra_headers["List-Unsubscribe"]
    assert set(Notification.objects.values_list("email", flat=True)) == {EmailState.SENT}


def test_no_email_before_commit(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send([people.manager])
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_actor_inactive_and_duplicates_are_left_out(people):
    people.viewer.is_active = False
    people.viewer.save()
    created = send(
        [people.manager, people.manager, people.viewer, people.regency], actor=people.regency
    )
    assert [n.recipient for n in created] == [people.manager]
    assert created[0].actor == people.regency


def test_unknown_kind_fails_loudly(people):
    with pytest.raises(KeyError):
        send([people.manager], kind="gossip")


def test_muted_kind_gets_inbox_but_no_email(people, django_capture_on_commit_callbacks):
    EmailSettings.objects.create(user=people.manager, muted_kinds=["announcement"])
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = send([people.manager])
        send([people.manager], kind="comment")
    assert row.email == EmailState.NONE
    assert [m.subject for m in mail.outbox] == ["Inklusi: Rapat koordinasi Jumat"]
    assert Notification.objects.filter(recipient=people.manager).count() == 2


def test_daily_digest_gathers_the_day_in_one_email(people, django_capture_on_commit_callbacks):
    EmailSettings.objects.create(user=people.manager, delivery=Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        send([people.manager], title="Satu")
        send([people.manager], kind="comment", title="Dua")
    assert mail.outbox == []
    tasks.send_daily_digests.apply()
    tasks.send_daily_digests.apply()  # a second run finds nothing left
    assert len(mail.outbox) == 1
    assert "Satu" in mail.outbox[0].body and "Dua" in mail.outbox[0].body
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def test_email_in_recipients_language(people, django_capture_on_commit_callbacks):
    people.manager.language = "en"
    people.manager.save()
    with django_capture_on_commit_callbacks(execute=True):
        send([people.manager])
    assert "Hello" in mail.outbox[0].body
    people.viewer.language = "id"
    with django_capture_on_commit_callbacks(execute=True):
        send([people.viewer])
    assert "Halo" in mail.outbox[1].body
    assert parseaddr(mail.outbox[1].to[0])[1] == people.viewer.email


def test_unsubscribe_link_asks_first_then_stops_that_kind(
    client, people, django_capture_on_commit_callbacks
):
    url = services.unsubscribe_url(people.manager, "announcement").removeprefix(
        "http://127.0.0.1:8000"
    )
    page = client.get(url)
    assert page.status_code == 200
    assert "Pengumuman" in page.content.decode()
    assert not EmailSettings.objects.filter(user=people.manager).exists()  # a GET changes nothing
    assert client.post(url).status_code == 200
    assert EmailSettings.objects.get(user=people.manager).muted_kinds == ["announcement"]
    with django_capture_on_commit_callbacks(execute=True):
        send([people.manager])
        send([people.manager], kind="comment")
    assert len(mail.outbox) == 1  # only the comment


def test_one_click_unsubscribe_from_a_mail_client(client, people):
    url = services.unsubscribe_url(people.viewer, "comment").removeprefix("http://127.0.0.1:8000")
    response = client.post(url, {"List-Unsubscribe": "One-Click"})  # no session, no CSRF token
    assert response.status_code == 200
    assert EmailSettings.objects.get(user=people.viewer).muted_kinds == ["comment"]


@pytest.mark.parametrize("token", ["x", "eyJ1IjoxLCJrIjoiYW5ub3VuY2VtZW50In0:bad:sig"])
def test_forged_unsubscribe_token_is_404(client, db, token):
    assert client.get(reverse("notifications:unsubscribe", args=[token])).status_code == 404
    assert client.post(reverse("notifications:unsubscribe", args=[token])).status_code == 404


def test_settings_page_saves_choices(login, people):
    client = login(people.manager)
    url = reverse("notifications:settings")
    assert client.get(url).status_code == 200
    response = client.post(url, {"delivery": "daily", "emailed_kinds": ["comment", "mention"]})
    assert response.status_code == 302
    saved = EmailSettings.objects.get(user=people.manager)
    assert saved.delivery == "daily"
    assert "comment" not in saved.muted_kinds and "announcement" in saved.muted_kinds


def test_settings_page_refuses_nonsense(login, people):
    response = login(people.manager).post(
        reverse("notifications:settings"), {"delivery": "hourly", "emailed_kinds": ["gossip"]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_whatsapp_link(people):
    assert services.whatsapp_link("0812-3456-7890", "Halo semua") == (
        "https://wa.me/6281234567890?text=Halo%20semua"
    )
    assert services.whatsapp_link("", "x") == ""
    assert services.whatsapp_link("12345", "x") == ""


def test_user_without_email_gets_inbox_only(db):
    user = UserFactory(email="")
    (row,) = send([user])
    assert row.email == EmailState.NONE
