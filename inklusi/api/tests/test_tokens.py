"""Personal access tokens: made on the profile and shown once, stored hashed, revoked,
expired, read-only; a token acts as its owner."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from inklusi.api.models import ApiToken, hash_token
from inklusi.api.services import LAST_USED_STEP, create_token

pytestmark = pytest.mark.django_db


def bearer(raw):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def test_a_token_is_shown_once_and_stored_hashed(login, people):
    client = login(people.manager)
    response = client.post("/akun/token/", {"name": "Power BI", "days": "90", "read_only": "on"})
    assert response.status_code == 200
    raw = response.context["created"]["raw"]
    assert raw.startswith("ink_") and raw in response.text
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    assert raw.startswith(token.shown) and token.read_only
    assert 89 <= (token.expires_at - timezone.now()).days <= 90
    again = client.get("/akun/token/")
    assert raw not in again.text and token.shown in again.text
    assert bearer(raw).get("/api/v1/libraries/").status_code == 200


def test_a_bad_token_form_is_refused(login, people):
    response = login(people.manager).post("/akun/token/", {"name": "", "days": "7"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_profile_links_to_the_tokens(login, people):
    assert "/akun/token/" in login(people.manager).get("/akun/profil/").text


def test_the_token_pages_need_a_login(client, db):
    assert client.get("/akun/token/").status_code == 302


def test_a_revoked_token_no_longer_works(login, people):
    token, raw = create_token(people.manager, "skrip", days=30, read_only=True)
    assert bearer(raw).get("/api/v1/activities/").status_code == 200
    login(people.manager).post(f"/akun/token/{token.pk}/cabut/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    response = bearer(raw).get("/api/v1/activities/")
    assert response.status_code == 401
    assert "dicabut" in response.json()["detail"]


def test_someone_elses_token_cannot_be_revoked(login, people):
    token, _raw = create_token(people.manager, "skrip", days=30, read_only=True)
    response = login(people.charlie).post(f"/akun/token/{token.pk}/cabut/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_expired_token_no_longer_works(people):
    token, raw = create_token(people.manager, "skrip", days=30, read_only=True)
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert bearer(raw).get("/api/v1/activities/").status_code == 401


def test_a_token_of_a_deactivated_user_no_longer_works(people):
    _token, raw = create_token(people.manager, "skrip", days=30, read_only=True)
    people.manager.is_active = False
    people.manager.save()
    assert bearer(raw).get("/api/v1/activities/").status_code == 401


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer a b", "Bearer ink_nope", "Bearer \u00e9t\u00e9", "Bearer x"]
)
def test_a_malformed_header_is_a_401_with_a_message(db, header):
    client = APIClient()
    response = client.get(
        "/api/v1/activities/", HTTP_AUTHORIZATION=header.encode().decode("latin-1")
    )
    assert response.status_code == 401
    assert response.json()["detail"]


def test_last_use_is_noted_at_most_every_few_minutes(people):
    token, raw = create_token(people.manager, "skrip", days=30, read_only=True)
    bearer(raw).get("/api/v1/activities/")
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    bearer(raw).get("/api/v1/activities/")
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - LAST_USED_STEP * 2)
    bearer(raw).get("/api/v1/activities/")
    token.refresh_from_db()
    assert token.last_used_at > first - LAST_USED_STEP


def test_a_token_sees_what_its_owner_sees(people, libraries):
    _token, raw = create_token(people.charlie, "skrip", days=30, read_only=True)
    response = bearer(raw).get("/api/v1/libraries/")
    names = {row["name"] for row in response.json()["results"]}
    assert names == {libraries.kemang_manis.name}
    assert bearer(raw).get(f"/api/v1/libraries/{libraries.air_batu.pk}/").status_code == 404


def test_session_writes_need_the_csrf_token(people, libraries):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people.manager)
    response = client.post("/api/v1/activities/", {"title": "x"})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_the_token_page_fits_the_phone_budget(login, people):
    from inklusi.devtools.pageweight import page_weight

    create_token(people.manager, "skrip", days=30, read_only=True)
    weight = page_weight(login(people.manager), "/akun/token/")
    assert weight.compressed < 150 * 1024, weight.parts


def test_messages_come_in_the_owners_language(people, libraries):
    _token, raw = create_token(people.manager, "skrip", days=30, read_only=True)
    message = bearer(raw).get("/api/v1/activities/", {"month": "maret"}).json()["month"][0]
    assert message == "Pilih bulan, misalnya 2025-03."
    people.manager.language = "en"
    people.manager.save()
    message = bearer(raw).get("/api/v1/activities/", {"month": "maret"}).json()["month"][0]
    assert message == "Pick a month, for example 2025-03."
