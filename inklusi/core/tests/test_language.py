from django.conf import settings
from django.urls import reverse


def test_indonesian_by_default_even_for_an_english_browser(client, db):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert "Masuk" in response.text


def test_english_when_chosen_with_the_switch(client, db):
    response = client.post(
        reverse("accounts:set_language"), {"language": "en", "next": "/akun/masuk/"}
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get(reverse("accounts:login"))
    assert response["Content-Language"] == "en"
    assert "Log in" in response.text


def test_unknown_language_cookie_falls_back_to_indonesian(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get(reverse("accounts:login"))["Content-Language"] == "id"
