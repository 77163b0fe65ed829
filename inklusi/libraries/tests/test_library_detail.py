"""The library detail page."""

import datetime

from django.urls import reverse

from inklusi.libraries.models import Assistance, AssistanceKind


def url(library):
    return reverse("libraries:detail", args=[library.pk])


def test_it_works(people, login, libraries):
    lib = libraries.air_batu
    lib.npp = "1607052003"
    lib.whatsapp = "6281234567890"
    lib.instagram = "https://instagram.com/perpusairbatu"
    lib.latitude, lib.longitude = "-2.871200", "104.612300"
    lib.save()
    Assistance.objects.create(
        library=lib,
        kind=AssistanceKind.COMPUTERS,
        received_on=datetime.date(2020, 8, 17),
        provider="Perpusnas",
    )
    response = login(people.regency).get(url(lib))
    assert response.status_code == 200
    text = response.text
    assert "Perpustakaan Desa Air Batu" in text
    assert "1607052003" in text
    assert "https://wa.me/6281234567890" in text
    assert "https://instagram.com/perpusairbatu" in text
    assert "Perpusnas" in text
    assert "-2.871200" in text and "104.612300" in text
    assert "Kabupaten Banyuasin" in text  # the breadcrumb of regions


def test_it_checks_scope(people, login, libraries):
    assert login(people.charlie).get(url(libraries.air_batu)).status_code == 404


def test_manager_cannot_open_a_neighbour(people, login, libraries):
    assert login(people.manager).get(url(libraries.sukajadi)).status_code == 404


def test_bad_id_is_404(people, login):
    response = login(people.admin).get(reverse("libraries:detail", args=[987654]))
    assert response.status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    assert login(people.admin).post(url(libraries.air_batu)).status_code == 405


def test_viewer_sees_no_edit_button(people, login, libraries):
    response = login(people.viewer).get(url(libraries.air_batu))
    assert response.status_code == 200
    assert reverse("libraries:edit", args=[libraries.air_batu.pk]) not in response.text


def test_manager_sees_the_edit_button(people, login, libraries):
    response = login(people.manager).get(url(libraries.air_batu))
    assert reverse("libraries:edit", args=[libraries.air_batu.pk]) in response.text


def test_it_needs_login(client, libraries):
    assert client.get(url(libraries.air_batu)).status_code == 302


def test_it_names_the_managers_and_offers_an_invitation_to_coordinators(people, libraries, login):
    url = reverse("libraries:detail", args=[libraries.air_batu.pk])
    response = login(people.regency).get(url)
    assert [u.email for u in response.context["managers"]] == [people.manager.email]
    assert people.manager.full_name in response.text
    assert people.manager.email not in response.text  # names only: e-mail stays private
    assert response.context["can_invite"]
    assert not login(people.viewer).get(url).context["can_invite"]
