"""Adding a partner: in one's own area, with a warning before a second record of the same one."""

from django.urls import reverse

from inklusi.partners.models import Partner

from .helpers import PartnerFactory, messages_of, partner_data

URL = reverse("partners:create")


def test_it_works(people, login, libraries):
    client = login(people.regency)
    assert client.get(URL).status_code == 200
    data = partner_data(
        library=libraries.air_batu.pk,
        region="16.07",
        **{"contacts-0-name": "Ibu Ani", "contacts-0-phone": "0812 3456 7890"},
    )
    response = client.post(URL, data)
    partner = Partner.objects.get(name="Koperasi Sinar Harapan")
    assert response.status_code == 302
    assert response["Location"] == partner.get_absolute_url()
    assert list(partner.libraries.all()) == [libraries.air_batu]
    assert partner.region_id == "16.07"
    assert partner.created_by == people.regency
    assert partner.contacts.get().name == "Ibu Ani"


def test_manager_adds_a_partner_of_their_library(people, login, libraries):
    response = login(people.manager).post(URL, partner_data(library=libraries.sukajadi.pk))
    assert response.status_code == 302
    partner = Partner.objects.get()
    assert list(partner.libraries.all()) == [libraries.air_batu]  # their library, not another


def test_exact_duplicate_warns_and_needs_create_anyway(people, login, libraries):
    existing = PartnerFactory(name="PT Bank Sumsel Babel, Tbk", libraries=[libraries.sukajadi])
    client = login(people.regency)
    data = partner_data(name="Bank Sumsel-Babel", library=libraries.air_batu.pk)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].duplicates == [existing]
    html = response.content.decode()
    assert existing.get_absolute_url() in html
    assert reverse("partners:add_library", args=[existing.pk]) in html
    assert 'value="Bank Sumsel-Babel"' in html  # nothing lost
    assert Partner.objects.count() == 1

    response = client.post(URL, {**data, "create_anyway": "on"})
    assert response.status_code == 302
    assert Partner.objects.count() == 2


def test_close_match_warns(people, login, libraries):
    existing = PartnerFactory(name="Universitas Sriwijaya", libraries=[libraries.air_batu])
    response = login(people.regency).post(
        URL, partner_data(name="Universitas Sriwjaya", region="16.07")
    )
    assert response.context["form"].duplicates == [existing]
    assert response.context["form"].has_error("create_anyway")
    assert "already recorded" in response.content.decode()


def test_different_names_do_not_warn(people, login, libraries):
    PartnerFactory(name="Bank Sumsel Babel", libraries=[libraries.air_batu])
    response = login(people.regency).post(
        URL, partner_data(name="Bank Mandiri", library=libraries.air_batu.pk)
    )
    assert response.status_code == 302


def test_partners_outside_the_scope_are_not_shown_as_duplicates(people, login, libraries):
    PartnerFactory(name="Bank Sumsel Babel", libraries=[libraries.kemang_manis])
    response = login(people.regency).post(
        URL, partner_data(name="Bank Sumsel Babel", library=libraries.air_batu.pk)
    )
    assert response.status_code == 302


def test_the_partner_must_stay_in_the_area(people, login, libraries):
    client = login(people.regency)
    response = client.post(URL, partner_data())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = client.post(URL, partner_data(region="16.71"))
    assert response.context["form"].has_error("region")
    response = client.post(URL, partner_data(library=libraries.kemang_manis.pk))
    assert response.context["form"].has_error("library")
    assert Partner.objects.count() == 0
    # A region outside the area is fine when a library of the area is given.
    response = client.post(URL, partner_data(region="16.71", library=libraries.air_batu.pk))
    assert response.status_code == 302


def test_bad_input_is_a_form_error(people, login, libraries):
    client = login(people.regency)
    for changes in (
        {"name": "Koperasi\x00"},
        {"name": ""},
        {"kind": "nonsense"},
        {"region": "99.99"},
        {"library": "abc"},
        {"website": "not a url"},
        {"contacts-0-name": "Ani", "contacts-0-phone": "call me"},
    ):
        data = partner_data(**{"library": libraries.air_batu.pk, **changes})
        response = client.post(URL, data)
        assert response.status_code == 200, changes
        assert "nothing was saved" in " ".join(messages_of(response))
    assert Partner.objects.count() == 0


def test_read_only_viewer_gets_403(people, login, libraries):
    client = login(people.viewer)
    assert client.get(URL).status_code == 403
    assert client.post(URL, partner_data(region="16.07")).status_code == 403
    assert Partner.objects.count() == 0


def test_wrong_method_is_405(people, login):
    assert login(people.regency).put(URL).status_code == 405
