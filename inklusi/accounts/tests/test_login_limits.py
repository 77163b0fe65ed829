"""Login limits (django-axes): ten wrong passwords for one account or from one address pause
logging in for 30 minutes, with a clear message and a way back; password reset requests are
rate limited too."""

import datetime
import re

from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from inklusi.testing.factories import UserFactory

LOGIN = reverse("accounts:login")
RESET = reverse("accounts:password_reset")
PASSWORD = "rahasia-123"  # UserFactory's


def _fail(client, email, times, **extra):
    for _ in range(times):
        client.post(LOGIN, {"username": email, "password": "salah"}, **extra)


def _login(client, email, **extra):
    return client.post(LOGIN, {"username": email, "password": PASSWORD}, **extra)


def test_nine_wrong_passwords_still_let_the_right_one_in(client, db):
    UserFactory(email="siti@example.id")
    _fail(client, "siti@example.id", 9)
    assert _login(client, "siti@example.id").status_code == 302


def test_ten_wrong_passwords_pause_the_account_with_a_clear_message(client, db):
    UserFactory(email="siti@example.id")
    _fail(client, "siti@example.id", 10)
    response = _login(client, "Siti@Example.id")  # the case of the e-mail does not matter
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    body = response.content.decode()
    assert "Masuk dijeda" in body
    assert "30 menit" in body
    assert reverse("accounts:password_reset") in body


def test_the_account_is_paused_from_another_address_too(client, db):
    UserFactory(email="siti@example.id")
    _fail(client, "siti@example.id", 10, REMOTE_ADDR="198.51.100.1")
    assert _login(client, "siti@example.id", REMOTE_ADDR="198.51.100.2").status_code == 429


def test_ten_failures_from_one_address_pause_that_address(client, db):
    UserFactory(email="siti@example.id")
    for n in range(10):
        client.post(
            LOGIN, {"username": f"tebak{n}@example.id", "password": "x"}, REMOTE_ADDR="192.0.2.9"
        )
    assert _login(client, "siti@example.id", REMOTE_ADDR="192.0.2.9").status_code == 429
    assert _login(client, "siti@example.id", REMOTE_ADDR="192.0.2.10").status_code == 302


def test_the_pause_ends_after_30_minutes(client, db):
    UserFactory(email="siti@example.id")
    _fail(client, "siti@example.id", 10)
    assert _login(client, "siti@example.id").status_code == 429
    earlier = datetime.timedelta(minutes=31)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - earlier
        )
    assert _login(client, "siti@example.id").status_code == 302


def test_the_reset_email_still_works_and_lifts_the_pause(client, db):
    UserFactory(email="siti@example.id")
    _fail(client, "siti@example.id", 10)
    assert client.post(RESET, {"email": "siti@example.id"}).status_code == 302
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    new = "kata-sandi-baru-77"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    response = client.post(LOGIN, {"username": "siti@example.id", "password": new})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_national_admin_sees_and_lifts_pauses_in_the_admin(client, people, login):
    _fail(client, "siti@example.id", 10)
    attempt = AccessAttempt.objects.get()
    admin = login(people.admin)
    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    assert "siti@example.id" in listing.content.decode()
    admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()


def test_reset_requests_are_rate_limited_per_email(client, db):
    UserFactory(email="siti@example.id")
    for _ in range(3):
        assert client.post(RESET, {"email": "siti@example.id"}).status_code == 302
    response = client.post(RESET, {"email": "SITI@example.id"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert len(mail.outbox) == 3


def test_reset_requests_are_rate_limited_per_address(client, db, settings):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = (2, 3600)
    for n in range(2):
        assert client.post(RESET, {"email": f"orang{n}@example.id"}).status_code == 302
    assert client.post(RESET, {"email": "lain@example.id"}).status_code == 200


def test_behind_the_proxy_the_address_nginx_saw_counts(client, db, settings):
    """nginx appends the real address to X-Forwarded-For; what the client sent before it
    may be made up, so ten failures with made-up addresses still pause the real one."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    UserFactory(email="siti@example.id")
    for n in range(10):
        client.post(
            LOGIN,
            {"username": f"tebak{n}@example.id", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9",
            REMOTE_ADDR="127.0.0.1",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.9").count() == 10
    blocked = _login(client, "siti@example.id", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert blocked.status_code == 429
    other = _login(client, "siti@example.id", HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert other.status_code == 302
