"""Password reset by e-mail."""

import re

from django.core import mail
from django.urls import reverse

from inklusi.testing.factories import UserFactory

URL = reverse("accounts:password_reset")


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_it_works(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_wrong_method(client, db):
    assert client.delete(URL).status_code == 405


def test_it_sends_a_mail_with_a_working_link(client, db):
    UserFactory(email="siti@example.id")
    response = client.post(URL, {"email": "SITI@example.id"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti@example.id"]
    assert "\n" not in message.subject
    assert "Inklusi" in message.subject
    page = client.get(link_in(message), follow=True)
    assert page.status_code == 200
    assert 'name="new_password1"' in page.content.decode()


def test_full_reset_flow(client, db):
    user = UserFactory(email="siti@example.id")
    client.post(URL, {"email": "siti@example.id"})
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 302  # to the set-password URL, token kept in the session
    form_url = response.url
    response = client.post(
        form_url, {"new_password1": "perpus-desa-2024!", "new_password2": "perpus-desa-2024!"}
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_complete")
    assert client.get(response.url).status_code == 200
    user.refresh_from_db()
    assert user.check_password("perpus-desa-2024!")
    # The link works only once.
    page = client.get(link_in(mail.outbox[0]), follow=True)
    assert 'name="new_password1"' not in page.content.decode()
    # And the new password logs in.
    client.logout()
    response = client.post(
        reverse("accounts:login"),
        {"username": "siti@example.id", "password": "perpus-desa-2024!"},
    )
    assert response.status_code == 302


def test_mismatched_passwords_show_an_error(client, db):
    UserFactory(email="siti@example.id")
    client.post(URL, {"email": "siti@example.id"})
    form_url = client.get(link_in(mail.outbox[0])).url
    response = client.post(
        form_url, {"new_password1": "perpus-desa-2024!", "new_password2": "lain-sekali-99"}
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()


def test_unknown_email_shows_the_same_page(client, db):
    response = client.post(URL, {"email": "siapa@example.id"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_inactive_user_gets_no_mail(client, db):
    UserFactory(email="lama@example.id", is_active=False)
    client.post(URL, {"email": "lama@example.id"})
    assert mail.outbox == []


def test_a_broken_link_says_so(client, db):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "bukan-token"]))
    assert response.status_code == 200
    assert 'name="new_password1"' not in response.content.decode()
