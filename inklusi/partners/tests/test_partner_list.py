"""The partner list: everyone sees the partners of their scope, each once; filters."""

from django.urls import reverse

from inklusi.partners.models import PartnerKind

from .helpers import PartnerFactory

URL = reverse("partners:list")


def shown(response):
    return [partner.name for partner in response.context["page"]]


def make_partners(libraries):
    regions = libraries.regions
    PartnerFactory(
        name="Bank Sumsel Babel",
        libraries=[libraries.air_batu, libraries.sukajadi, libraries.kemang_manis],
    )
    PartnerFactory(
        name="Pemerintah Desa Sukajadi",
        kind=PartnerKind.VILLAGE_GOVERNMENT,
        region=regions["16.07.10.1004"],
    )
    PartnerFactory(
        name="Universitas Medan", kind=PartnerKind.UNIVERSITY, libraries=[libraries.medan]
    )
    PartnerFactory(name="Koran Palembang", kind=PartnerKind.MEDIA, region=regions["16.71"])


def test_it_works(people, login, libraries):
    make_partners(libraries)
    response = login(people.admin).get(URL)
    assert response.status_code == 200
    assert shown(response) == [
        "Bank Sumsel Babel",
        "Koran Palembang",
        "Pemerintah Desa Sukajadi",
        "Universitas Medan",
    ]


def test_coordinator_sees_each_partner_of_the_scope_once(people, login, libraries):
    make_partners(libraries)
    response = login(people.regency).get(URL)
    assert shown(response) == ["Bank Sumsel Babel", "Pemerintah Desa Sukajadi"]
    assert response.context["count"] == 2


def test_it_checks_scope(people, login, libraries):
    make_partners(libraries)
    assert shown(login(people.charlie).get(URL)) == ["Bank Sumsel Babel", "Koran Palembang"]
    assert shown(login(people.manager).get(URL)) == ["Bank Sumsel Babel"]
    assert shown(login(people.nobody).get(URL)) == []


def test_it_filters(people, login, libraries):
    make_partners(libraries)
    client = login(people.province)
    assert shown(client.get(URL, {"kind": "media"})) == ["Koran Palembang"]
    assert shown(client.get(URL, {"place": "sukajadi"})) == [
        "Bank Sumsel Babel",
        "Pemerintah Desa Sukajadi",
    ]
    assert shown(client.get(URL, {"q": "bank"})) == ["Bank Sumsel Babel"]
    assert shown(client.get(URL, {"q": "PT. Bank Sumsel"})) == ["Bank Sumsel Babel"]


def test_odd_filters_are_ignored(people, login, libraries):
    make_partners(libraries)
    client = login(people.admin)
    response = client.get(URL, {"kind": "nonsense", "q": "x" * 500, "page": "-1"})
    assert response.status_code == 200
    assert len(shown(response)) == 4
    assert client.get(URL, {"q": "a\x00"}).status_code in (200, 400)


def test_it_needs_login(client, libraries):
    assert client.get(URL).status_code == 302


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
