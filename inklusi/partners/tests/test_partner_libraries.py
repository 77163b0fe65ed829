"""Linking libraries to a partner and unlinking them."""

from django.urls import reverse

from .helpers import PartnerFactory


def add_url(partner):
    return reverse("partners:add_library", args=[partner.pk])


def remove_url(partner, library):
    return reverse("partners:remove_library", args=[partner.pk, library.pk])


def test_a_library_is_added(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    response = login(people.regency).post(add_url(partner), {"library": libraries.sukajadi.pk})
    assert response.status_code == 302
    assert set(partner.libraries.all()) == {libraries.air_batu, libraries.sukajadi}


def test_the_answer_to_a_duplicate_warning(people, login, libraries):
    """A manager links their library to a partner the regency already recorded."""
    partner = PartnerFactory(region=libraries.regions["16.07"], libraries=[libraries.air_batu])
    response = login(people.facilitator).post(add_url(partner), {"library": libraries.banyuasin.pk})
    assert response.status_code == 302
    assert libraries.banyuasin in partner.libraries.all()


def test_only_a_library_one_edits_can_be_added(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu, libraries.kemang_manis])
    client = login(people.charlie)
    response = client.post(add_url(partner), {"library": libraries.sukajadi.pk}, follow=True)
    assert response.status_code == 200
    assert libraries.sukajadi not in partner.libraries.all()
    assert login(people.viewer).post(add_url(partner), {"library": libraries.sukajadi.pk})
    assert libraries.sukajadi not in partner.libraries.all()


def test_a_library_is_removed_only_by_its_editors(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu, libraries.kemang_manis])
    client = login(people.charlie)
    assert client.post(remove_url(partner, libraries.air_batu)).status_code == 404
    assert client.post(remove_url(partner, libraries.kemang_manis)).status_code == 302
    assert list(partner.libraries.all()) == [libraries.air_batu]


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    response = login(people.charlie).post(add_url(partner), {"library": libraries.kemang_manis.pk})
    assert response.status_code == 404
    assert list(partner.libraries.all()) == [libraries.air_batu]


def test_bad_ids_are_404_or_a_message(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    client = login(people.admin)
    assert client.post(reverse("partners:add_library", args=[98765])).status_code == 404
    assert client.post(add_url(partner), {"library": "x\x00"}).status_code in (302, 400)
    url = reverse("partners:remove_library", args=[partner.pk, 98765])
    assert client.post(url).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    client = login(people.admin)
    assert client.get(add_url(partner)).status_code == 405
    assert client.get(remove_url(partner, libraries.air_batu)).status_code == 405
