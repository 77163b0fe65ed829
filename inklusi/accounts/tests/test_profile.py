"""The user's own profile."""

from django.urls import reverse

from inklusi.accounts.models import Role

URL = reverse("accounts:profile")


def test_it_works(login, people):
    response = login(people.manager).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert people.manager.email in body
    assert "Perpustakaan Desa Air Batu" in body  # the role's scope


def test_outsider_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_wrong_method(login, people):
    assert login(people.manager).put(URL).status_code == 405


def test_it_saves_name_phone_and_language(login, people):
    user = people.manager
    response = login(user).post(
        URL, {"full_name": "Siti Aminah", "phone": "0812 3456 7890", "language": "en"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.language) == ("Siti Aminah", "6281234567890", "en")


def test_language_switch_sets_the_cookie_and_the_interface(login, people):
    client = login(people.manager)
    response = client.post(URL, {"full_name": "Siti", "phone": "", "language": "en"})
    assert response.cookies["django_language"].value == "en"
    page = client.get(URL)
    assert page.headers["Content-Language"] == "en"
    assert "Your profile" in page.content.decode()
    assert "Your profile was saved." in page.content.decode()
    response = client.post(URL, {"full_name": "Siti", "phone": "", "language": "id"})
    assert response.cookies["django_language"].value == "id"
    assert client.get(URL).headers["Content-Language"] == "id"


def test_bad_input_keeps_what_was_typed(login, people):
    response = login(people.manager).post(URL, {"full_name": "", "phone": "0812", "language": "xx"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="0812"' in body
    assert body.count('class="error"') == 3  # name, an impossible number, language
    people.manager.refresh_from_db()
    assert people.manager.full_name


def test_the_email_cannot_be_changed_here(login, people):
    login(people.manager).post(
        URL, {"full_name": "X", "phone": "", "language": "id", "email": "lain@example.id"}
    )
    people.manager.refresh_from_db()
    assert people.manager.email == "pengelola@example.id"


def test_it_lists_every_role(login, people):
    people.manager.roles.create(role=Role.VIEWER, region=people.regency.roles.get().region)
    body = login(people.manager).get(URL).content.decode()
    assert "Perpustakaan Desa Air Batu" in body
    assert "Banyuasin" in body


SET_LANGUAGE = reverse("accounts:set_language")


def test_set_language_keeps_the_choice_for_the_next_login(login, people):
    client = login(people.manager)
    response = client.post(SET_LANGUAGE, {"language": "en", "next": URL})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    people.manager.refresh_from_db()
    assert people.manager.language == "en"


def test_set_language_for_anonymous_sets_only_the_cookie(client, db):
    response = client.post(SET_LANGUAGE, {"language": "en", "next": "/"})
    assert response.cookies["django_language"].value == "en"


def test_set_language_refuses_unknown_languages_and_get(login, people):
    client = login(people.manager)
    client.post(SET_LANGUAGE, {"language": "xx", "next": URL})
    people.manager.refresh_from_db()
    assert people.manager.language == "id"
    assert client.get(SET_LANGUAGE).status_code == 405
