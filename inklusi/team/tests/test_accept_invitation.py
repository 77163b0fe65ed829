"""Accepting an invitation: a new person sets a password; an existing user logs in first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.accounts.models import Invitation, Role, RoleAssignment, User

PASSWORD = "perpus-desa-2024!"


@pytest.fixture
def invitation(people, libraries):
    return Invitation.objects.create(
        email="nur@example.id",
        full_name="Nur",
        role=Role.LIBRARY_MANAGER,
        library=libraries.sukajadi,
        invited_by=people.regency,
    )


def url(invitation):
    return reverse("team:accept_invitation", args=[invitation.token])


def new_person(full_name="Nur Aini"):
    return {"full_name": full_name, "password1": PASSWORD, "password2": PASSWORD}


def test_it_works(client, invitation):
    response = client.get(url(invitation))
    assert response.status_code == 200
    body = response.content.decode()
    assert "nur@example.id" in body
    assert "Perpustakaan Desa Sukajadi" in body
    assert 'value="Nur"' in body  # the name the inviter typed


def test_wrong_method(client, invitation):
    assert client.put(url(invitation)).status_code == 405


def test_new_person_sets_name_and_password_and_is_logged_in(client, invitation, libraries):
    response = client.post(url(invitation), new_person())
    assert response.status_code == 302
    user = User.objects.get(email="nur@example.id")
    assert user.full_name == "Nur Aini"
    assert user.check_password(PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)
    role = user.roles.get()
    assert (role.role, role.library) == (Role.LIBRARY_MANAGER, libraries.sukajadi)
    assert role.created_by == invitation.invited_by
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at


def test_new_person_gets_the_language_they_read_the_page_in(client, invitation):
    client.cookies["django_language"] = "en"
    client.post(url(invitation), new_person())
    assert User.objects.get(email="nur@example.id").language == "en"


def test_bad_password_keeps_the_name_and_saves_nothing(client, invitation):
    response = client.post(
        url(invitation), {"full_name": "Nur Aini", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 200
    assert 'value="Nur Aini"' in response.content.decode()
    assert not User.objects.filter(email="nur@example.id").exists()
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_different_passwords(client, invitation):
    response = client.post(
        url(invitation), {"full_name": "Nur", "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="nur@example.id").exists()


def test_existing_user_must_log_in_first(client, people, libraries):
    invitation = Invitation.objects.create(
        email="Charlie@Example.id",
        role=Role.VIEWER,
        region=libraries.regions["16.07"],
        invited_by=people.province,
    )
    response = client.get(url(invitation))
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url(invitation)}"
    response = client.post(url(invitation), new_person())
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="charlie@example.id").count() == 1
    assert people.charlie.roles.count() == 1

    # Logged in as charlie: a confirmation page, then the role.
    client.force_login(people.charlie)
    response = client.get(url(invitation))
    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()
    response = client.post(url(invitation))
    assert response.status_code == 302
    assert people.charlie.roles.filter(role=Role.VIEWER, region_id="16.07").exists()


def test_existing_user_logs_in_and_comes_back(client, people, libraries):
    invitation = Invitation.objects.create(
        email="charlie@example.id",
        role=Role.VIEWER,
        region=libraries.regions["16.07"],
        invited_by=people.province,
    )
    response = client.post(
        f"{reverse('accounts:login')}?next={url(invitation)}",
        {"username": "charlie@example.id", "password": "rahasia-123", "next": url(invitation)},
    )
    assert response.url == url(invitation)
    assert client.post(url(invitation)).status_code == 302
    assert people.charlie.roles.filter(role=Role.VIEWER).exists()


def test_someone_else_logged_in_is_told_to_switch(client, people, libraries):
    invitation = Invitation.objects.create(
        email="charlie@example.id",
        role=Role.VIEWER,
        region=libraries.regions["16.07"],
        invited_by=people.province,
    )
    client.force_login(people.manager)
    response = client.get(url(invitation))
    # No redirect loop through the login page (which sends logged-in users back here).
    assert response.status_code == 200
    body = response.content.decode()
    assert "charlie@example.id" in body
    assert reverse("accounts:logout") in body
    response = client.post(url(invitation))
    assert response.status_code == 200
    assert not people.manager.roles.filter(role=Role.VIEWER).exists()
    assert not people.charlie.roles.filter(role=Role.VIEWER).exists()
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_someone_else_logged_in_with_a_new_persons_invitation(client, people, invitation):
    client.force_login(people.manager)
    response = client.get(url(invitation))
    assert response.status_code == 200
    assert "pengelola@example.id" in response.content.decode()  # you are logged in as …
    client.post(url(invitation), new_person())
    user = User.objects.get(email="nur@example.id")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not people.manager.roles.filter(library__name__contains="Sukajadi").exists()


def test_inactive_existing_user_gets_the_invalid_page(client, people, libraries):
    people.nobody.is_active = False
    people.nobody.save()
    invitation = Invitation.objects.create(
        email="nobody@example.id",
        role=Role.VIEWER,
        region=libraries.regions["16.07"],
        invited_by=people.province,
    )
    assert client.get(url(invitation)).status_code == 410


@pytest.mark.parametrize("method", ["get", "post"])
def test_expired_invitation(client, invitation, method):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = getattr(client, method)(url(invitation), new_person())
    assert response.status_code == 410
    assert "cannot be used" in response.content.decode() or "tidak dapat" in (
        response.content.decode()
    )
    assert not User.objects.filter(email="nur@example.id").exists()


def test_used_invitation(client, invitation):
    client.post(url(invitation), new_person())
    client.logout()
    response = client.post(url(invitation), new_person("Lain"))
    assert response.status_code == 410
    assert User.objects.get(email="nur@example.id").full_name == "Nur Aini"


def test_unknown_token(client, db):
    response = client.get(reverse("team:accept_invitation", args=["tidak-ada"]))
    assert response.status_code == 410


def test_accepting_twice_does_not_duplicate_the_role(client, people, libraries):
    first, second = (
        Invitation.objects.create(
            email="charlie@example.id",
            role=Role.VIEWER,
            region=libraries.regions["16.07"],
            invited_by=people.province,
        )
        for _ in range(2)
    )
    client.force_login(people.charlie)
    client.post(url(first))
    client.post(url(second))
    assert client.post(url(first)).status_code == 410
    assert RoleAssignment.objects.filter(user=people.charlie, role=Role.VIEWER).count() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.is_usable and not second.is_usable


def test_accept_twice_on_the_model(people, invitation):
    invitation.accept(people.nobody)
    invitation.accept(people.nobody)
    assert people.nobody.roles.count() == 1
