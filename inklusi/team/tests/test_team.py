"""The team page: people and open invitations inside the coordinator's area."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.accounts.models import Invitation, Role

URL = reverse("team:team")


def invite(people, libraries, email, code=None, library=None, **extra):
    return Invitation.objects.create(
        email=email,
        role=Role.LIBRARY_MANAGER if library else Role.VIEWER,
        region=libraries.regions[code] if code else None,
        library=library,
        invited_by=people.admin,
        **extra,
    )


def test_it_works(login, people):
    response = login(people.regency).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for person in (people.regency, people.facilitator, people.manager, people.viewer):
        assert person.email in body


def test_anonymous_is_sent_to_login(client, db):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("who", ["manager", "viewer", "facilitator", "nobody"])
def test_non_coordinators_get_403(login, people, who):
    assert login(getattr(people, who)).get(URL).status_code == 403


def test_wrong_method(login, people):
    assert login(people.regency).post(URL).status_code == 405


def test_charlie_never_sees_banyuasin_people(login, people, libraries):
    invite(people, libraries, "calon-banyuasin@example.id", "16.07.10")
    invite(people, libraries, "calon-airbatu@example.id", library=libraries.air_batu)
    invite(people, libraries, "calon-palembang@example.id", "16.71.01")
    body = login(people.charlie).get(URL).content.decode()
    assert people.charlie.email in body
    assert "calon-palembang@example.id" in body
    for email in (
        people.regency.email,
        people.facilitator.email,
        people.manager.email,
        people.viewer.email,
        people.province.email,
        people.admin.email,
        "calon-banyuasin@example.id",
        "calon-airbatu@example.id",
    ):
        assert email not in body


def test_a_viewer_role_does_not_widen_the_team(login, people, libraries):
    people.charlie.roles.create(role=Role.VIEWER, region=libraries.regions["16.07"])
    body = login(people.charlie).get(URL).content.decode()
    assert people.manager.email not in body
    assert people.facilitator.email not in body


def test_province_coordinator_sees_the_whole_province(login, people, libraries):
    invite(people, libraries, "calon-airbatu@example.id", library=libraries.air_batu)
    invite(people, libraries, "calon-medan@example.id", "12.71")
    body = login(people.province).get(URL).content.decode()
    for person in (people.regency, people.manager, people.charlie):
        assert person.email in body
    assert "calon-airbatu@example.id" in body
    assert "calon-medan@example.id" not in body
    assert people.admin.email not in body


def test_only_open_invitations_are_listed(login, people, libraries):
    invite(
        people,
        libraries,
        "kedaluwarsa@example.id",
        "16.07",
        expires_at=timezone.now() - timedelta(days=1),
    )
    invite(people, libraries, "diterima@example.id", "16.07", accepted_at=timezone.now())
    invite(people, libraries, "terbuka@example.id", "16.07")
    body = login(people.regency).get(URL).content.decode()
    assert "terbuka@example.id" in body
    assert "kedaluwarsa@example.id" not in body
    assert "diterima@example.id" not in body


def test_national_admin_sees_everyone(login, people):
    body = login(people.admin).get(URL).content.decode()
    for person in (people.admin, people.province, people.charlie, people.manager):
        assert person.email in body
