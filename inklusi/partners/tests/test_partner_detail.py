"""The partner page: profile, contacts, libraries, agreements and contributions with totals."""

from django.urls import reverse

from inklusi.partners.models import ContributionKind, PartnerContact

from .helpers import AgreementFactory, ContributionFactory, PartnerFactory


def url(partner):
    return reverse("partners:detail", args=[partner.pk])


def test_it_works(people, login, libraries):
    partner = PartnerFactory(name="Bank Sumsel Babel", libraries=[libraries.air_batu])
    PartnerContact.objects.create(partner=partner, name="Rina", phone="0711 123456")
    AgreementFactory(partner=partner, title="MoU Pojok Baca")
    ContributionFactory(partner=partner, library=libraries.air_batu, value=2_500_000)
    response = login(people.manager).get(url(partner))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rina" in html and "0711 123456" in html
    assert "MoU Pojok Baca" in html
    assert "Rp2,500,000" in html
    assert response.context["can_edit"]


def test_totals_count_only_contributions_in_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu, libraries.kemang_manis])
    ContributionFactory(partner=partner, library=libraries.air_batu, value=1_000_000)
    ContributionFactory(
        partner=partner,
        library=libraries.air_batu,
        kind=ContributionKind.GOODS,
        value=400_000,
        is_estimate=True,
    )
    ContributionFactory(partner=partner, library=libraries.kemang_manis, value=9_000_000)
    totals = login(people.regency).get(url(partner)).context["totals"]
    assert totals["total"] == 1_400_000
    assert totals["estimated"] == 400_000
    assert [(kind, value) for kind, _label, value in totals["by_kind"]] == [
        ("cash", 1_000_000),
        ("goods", 400_000),
    ]
    assert login(people.admin).get(url(partner)).context["totals"]["total"] == 10_400_000


def test_read_only_viewer_sees_but_cannot_edit(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.sukajadi])
    response = login(people.viewer).get(url(partner))
    assert response.status_code == 200
    assert not response.context["can_edit"]
    assert reverse("partners:edit", args=[partner.pk]) not in response.content.decode()


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.charlie).get(url(partner)).status_code == 404


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("partners:detail", args=[98765])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.admin).post(url(partner)).status_code == 405
