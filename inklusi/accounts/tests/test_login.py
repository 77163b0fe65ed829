"""E-mail login and logout."""

from django.urls import reverse

from inklusi.accounts.models import User
from inklusi.testing.factories import UserFactory

URL = reverse("accounts:login")
PASSWORD = "rahasia-123"  # UserFactory's


def test_it_works(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_it_logs_in_with_the_email_in_any_case(client, db):
    user = UserFactory(email="siti@example.id")
    response = client.post(URL, {"username": "Siti@Example.ID", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home:home")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_follows_next(client, db):
    UserFactory(email="siti@example.id")
    target = reverse("accounts:profile")
    response = client.post(
        URL, {"username": "siti@example.id", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response.url == target


def test_wrong_password_shows_a_message_and_keeps_the_email(client, db):
    UserFactory(email="siti@example.id")
    response = client.post(URL, {"username": "siti@example.id", "password": "salah"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body
    assert 'value="siti@example.id"' in body
    assert "_auth_user_id" not in client.session


def test_the_message_is_in_the_users_language(client, db):
    UserFactory(email="siti@example.id")
    client.cookies["django_language"] = "en"
    response = client.post(URL, {"username": "siti@example.id", "password": "salah"})
    assert "The e-mail or password is not right" in response.content.decode()


def test_inactive_user_is_refused(client, db):
    UserFactory(email="lama@example.id", is_active=False)
    response = client.post(URL, {"username": "lama@example.id", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_unknown_email_is_refused(client, db):
    response = client.post(URL, {"username": "siapa@example.id", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_not_an_email_is_refused_without_error(client, db):
    response = client.post(URL, {"username": "bukan email", "password": "x"})
    assert response.status_code == 200


def test_logged_in_user_is_sent_on(client, db):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 302


def test_login_uses_the_users_language(client, db):
    UserFactory(email="en@example.id", language="en")
    response = client.post(URL, {"username": "en@example.id", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    page = client.get(reverse("accounts:profile"))
    assert page.headers["Content-Language"] == "en"
    assert "Your profile" in page.content.decode()


def test_login_in_indonesian_replaces_an_english_cookie(client, db):
    UserFactory(email="id@example.id", language="id")
    client.cookies["django_language"] = "en"
    response = client.post(URL, {"username": "id@example.id", "password": PASSWORD})
    assert response.cookies["django_language"].value == "id"


def test_logout_is_post(client, db):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == URL
    assert "_auth_user_id" not in client.session


def test_create_user_lowercases_the_email(db):
    user = User.objects.create_user("Budi@Example.ID", "x", full_name="Budi")
    assert user.email == "budi@example.id"
