"""Editing a partner: by editors of one of its libraries or its region."""

from django.urls import reverse

from inklusi.partners.models import PartnerContact

from .helpers import PartnerFactory, partner_data


def url(partner):
    return reverse("partners:edit", args=[partner.pk])


def edit_data(partner, **changes):
    data = partner_data(
        name=partner.name,
        kind=partner.kind,
        region=partner.region_id or "",
        **{"contacts-TOTAL_FORMS": 1, "contacts-INITIAL_FORMS": 0},
    )
    data.pop("library")
    data.update(changes)
    return data


def test_it_works(people, login, libraries):
    partner = PartnerFactory(name="Bank Sumsel", libraries=[libraries.air_batu])
    client = login(people.manager)
    assert client.get(url(partner)).status_code == 200
    response = client.post(
        url(partner), edit_data(partner, sector="Perbankan", **{"contacts-0-name": "Rina"})
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.sector == "Perbankan"
    assert partner.name_key == "bank sumsel"
    assert partner.contacts.get().name == "Rina"


def test_a_contact_is_removed(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    contact = PartnerContact.objects.create(partner=partner, name="Rina")
    data = edit_data(
        partner,
        **{
            "contacts-TOTAL_FORMS": 2,
            "contacts-INITIAL_FORMS": 1,
            "contacts-0-id": contact.pk,
            "contacts-0-name": "Rina",
            "contacts-0-DELETE": "on",
            "contacts-1-name": "",
        },
    )
    assert login(people.regency).post(url(partner), data).status_code == 302
    assert not partner.contacts.exists()


def test_a_regional_partner_is_edited_by_the_regions_coordinator(people, login, libraries):
    partner = PartnerFactory(region=libraries.regions["16.07"])
    assert login(people.regency).get(url(partner)).status_code == 200
    assert login(people.manager).get(url(partner)).status_code == 404


def test_bad_input_keeps_the_partner(people, login, libraries):
    partner = PartnerFactory(name="Bank Sumsel", libraries=[libraries.air_batu])
    response = login(people.regency).post(url(partner), edit_data(partner, name=""))
    assert response.status_code == 200
    assert response.context["form"].has_error("name")
    partner.refresh_from_db()
    assert partner.name == "Bank Sumsel"


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(name="Bank Sumsel", libraries=[libraries.air_batu])
    client = login(people.charlie)
    assert client.get(url(partner)).status_code == 404
    assert client.post(url(partner), edit_data(partner, name="X")).status_code == 404
    partner.refresh_from_db()
    assert partner.name == "Bank Sumsel"


def test_read_only_viewer_cannot_edit(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.viewer).get(url(partner)).status_code == 404


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("partners:edit", args=[98765])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.admin).put(url(partner)).status_code == 405
