"""Inviting someone: only inside the inviter's own scope, by an e-mailed link."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from inklusi.accounts.models import Invitation, Role

URL = reverse("team:invite")


def data(role, region="", library="", email="baru@example.id", full_name="Nur Baru"):
    return {
        "email": email,
        "full_name": full_name,
        "role": role,
        "region": region,
        "library": library.pk if library else "",
    }


def test_it_works(login, people):
    response = login(people.province).get(URL)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["manager", "viewer", "facilitator", "nobody"])
def test_non_coordinators_get_403(login, people, who):
    client = login(getattr(people, who))
    assert client.get(URL).status_code == 403
    response = client.post(URL, data(Role.VIEWER, region="16.07"))
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_wrong_method(login, people):
    assert login(people.province).put(URL).status_code == 405


def test_province_coordinator_invites_a_regency_coordinator(login, people):
    response = login(people.province).post(
        URL, data(Role.REGENCY_COORDINATOR, region="16.07", email="Nur@Example.ID")
    )
    assert response.status_code == 302
    assert response.url == reverse("team:team")
    invitation = Invitation.objects.get()
    assert invitation.email == "nur@example.id"
    assert invitation.region_id == "16.07"
    assert invitation.library is None
    assert invitation.invited_by == people.province
    assert invitation.is_usable
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nur@example.id"]
    link = reverse("team:accept_invitation", args=[invitation.token])
    assert f"http://testserver{link}" in message.body
    assert "Banyuasin" in message.body


def test_regency_coordinator_invites_a_library_manager(login, people, libraries):
    response = login(people.regency).post(
        URL, data(Role.LIBRARY_MANAGER, library=libraries.sukajadi)
    )
    assert response.status_code == 302
    assert Invitation.objects.get().library == libraries.sukajadi
    assert len(mail.outbox) == 1


def test_regency_coordinator_invites_a_viewer_of_a_village(login, people):
    response = login(people.regency).post(URL, data(Role.VIEWER, region="16.07.10.1002"))
    assert response.status_code == 302
    assert Invitation.objects.get().region_id == "16.07.10.1002"


def assert_refused(response, *typed):
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body
    for value in typed:
        assert f'value="{value}"' in body
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    return body


def test_charlie_cannot_invite_into_banyuasin(login, people):
    response = login(people.charlie).post(
        URL, data(Role.REGENCY_COORDINATOR, region="16.07", full_name="Nur Baru")
    )
    body = assert_refused(response, "baru@example.id", "Nur Baru", "16.07")
    assert '<option value="regency_coordinator" selected>' in body
    assert "Anda hanya dapat mengundang" in body


def test_one_message_per_field(login, people):
    # Outside charlie's area and the wrong level: the scope message alone is enough.
    response = login(people.charlie).post(URL, data(Role.REGENCY_COORDINATOR, region="16.07.10"))
    body = assert_refused(response, "16.07.10")
    assert body.count('class="error"') == 1


def test_charlie_cannot_invite_a_province_coordinator(login, people):
    response = login(people.charlie).post(URL, data(Role.PROVINCE_COORDINATOR, region="16"))
    assert_refused(response, "baru@example.id", "16")


def test_charlie_cannot_invite_to_a_library_outside(login, people, libraries):
    response = login(people.charlie).post(
        URL, data(Role.LIBRARY_MANAGER, library=libraries.air_batu)
    )
    body = assert_refused(response, "baru@example.id")
    assert "Select a valid choice" not in body


def test_the_message_is_in_the_users_language(login, people):
    client = login(people.charlie)
    client.cookies["django_language"] = "en"
    body = client.post(URL, data(Role.REGENCY_COORDINATOR, region="16.07")).content.decode()
    assert "You can only invite people to a region or library inside your own area." in body


def test_charlie_may_invite_inside_palembang(login, people, libraries):
    client = login(people.charlie)
    assert client.post(URL, data(Role.FACILITATOR, region="16.71.01")).status_code == 302
    response = client.post(
        URL, data(Role.LIBRARY_MANAGER, library=libraries.kemang_manis, email="b@example.id")
    )
    assert response.status_code == 302
    assert Invitation.objects.count() == 2


def test_role_and_scope_must_fit(login, people, libraries):
    client = login(people.province)
    # A library manager needs a library, not a region.
    response = client.post(URL, data(Role.LIBRARY_MANAGER, region="16.07.10.1002"))
    assert_refused(response, "16.07.10.1002")
    # A regency coordinator is not held over a district.
    response = client.post(URL, data(Role.REGENCY_COORDINATOR, region="16.07.10"))
    assert_refused(response, "16.07.10")
    # Nor over a library.
    response = client.post(URL, data(Role.REGENCY_COORDINATOR, library=libraries.air_batu))
    assert_refused(response)


def test_missing_role_shows_one_clear_message(login, people):
    response = login(people.province).post(URL, data("", region="16.07"))
    body = assert_refused(response, "16.07")
    assert body.count('class="error"') == 1  # "required" on the role, nothing else
    assert "msg-error" not in body


def test_unknown_region_code(login, people):
    response = login(people.province).post(URL, data(Role.VIEWER, region="99.99"))
    assert_refused(response, "99.99")


def test_bad_email(login, people):
    response = login(people.province).post(
        URL, data(Role.VIEWER, region="16.07", email="bukan-email")
    )
    assert_refused(response, "bukan-email")


def test_only_national_admin_may_invite_a_national_admin(login, people):
    response = login(people.province).post(URL, data(Role.NATIONAL_ADMIN))
    assert_refused(response)
    assert 'value="national_admin"' not in login(people.province).get(URL).content.decode()

    client = login(people.admin)
    assert 'value="national_admin"' in client.get(URL).content.decode()
    response = client.post(URL, data(Role.NATIONAL_ADMIN))
    assert response.status_code == 302
    assert Invitation.objects.get().role == Role.NATIONAL_ADMIN


def test_national_admin_cannot_be_given_a_region(login, people):
    response = login(people.admin).post(URL, data(Role.NATIONAL_ADMIN, region="16"))
    assert_refused(response, "16")


def test_library_choices_are_only_libraries_inside_the_area(login, people, libraries):
    def choices(user):
        form = login(user).get(URL).context["form"]
        return {library.name.split()[-1] for library in form.fields["library"].queryset}

    assert choices(people.regency) == {"Batu", "Sukajadi", "Banyuasin"}
    assert choices(people.charlie) == {"Ilir"}
    assert choices(people.province) == {"Batu", "Sukajadi", "Banyuasin", "Ilir"}


def test_library_is_picked_by_name(login, people, libraries):
    client = login(people.regency)
    found = client.get(reverse("libraries:search"), {"q": "air batu"}).content.decode()
    assert f'data-pick-value="{libraries.air_batu.pk}"' in found


def test_library_select_follows_the_inviting_role_only(login, people, libraries):
    # Charlie also manages a Banyuasin library: that gives no right to invite there.
    people.charlie.roles.create(role=Role.LIBRARY_MANAGER, library=libraries.air_batu)
    client = login(people.charlie)
    assert "Air Batu" not in client.get(URL).content.decode()
    response = client.post(URL, data(Role.VIEWER, library=libraries.air_batu))
    assert_refused(response)


def test_inviting_someone_who_already_has_an_account(login, people):
    response = login(people.province).post(
        URL, data(Role.REGENCY_COORDINATOR, region="16.07", email="Charlie@example.id")
    )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "charlie@example.id"
    assert len(mail.outbox) == 1


def test_inviting_someone_to_a_role_they_already_hold(login, people):
    response = login(people.province).post(
        URL, data(Role.REGENCY_COORDINATOR, region="16.71", email="charlie@example.id")
    )
    assert_refused(response, "charlie@example.id")


def test_a_failed_mail_saves_nothing(login, people):
    with mock.patch("inklusi.team.views.send_mail", side_effect=OSError("no smtp")):
        response = login(people.province).post(URL, data(Role.VIEWER, region="16.07"))
    assert_refused(response, "baru@example.id", "16.07")
