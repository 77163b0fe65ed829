"""Recording what a partner gave: value in Rupiah, the library, the activity it served."""

from django.urls import reverse

from inklusi.partners.models import Contribution, ContributionKind
from inklusi.testing.factories import ActivityFactory

from .helpers import ContributionFactory, PartnerFactory, days, messages_of


def url(partner):
    return reverse("partners:contribution_create", args=[partner.pk])


def data(library_pk, **changes):
    values = {
        "library": library_pk,
        "kind": ContributionKind.GOODS,
        "description": "Bibit lele dan ember",
        "value": "2.250.000",
        "is_estimate": "on",
        "given_on": days(-3).isoformat(),
        "activity": "",
    }
    values.update(changes)
    return values


def test_it_works(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    activity = ActivityFactory(library=libraries.air_batu)
    client = login(people.manager)
    assert client.get(url(partner)).status_code == 200
    response = client.post(url(partner), data(libraries.air_batu.pk, activity=activity.pk))
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.value, contribution.is_estimate) == (2_250_000, True)
    assert contribution.activity == activity
    assert contribution.created_by == people.manager


def test_it_is_edited(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    contribution = ContributionFactory(partner=partner, library=libraries.air_batu)
    edit = reverse("partners:contribution_edit", args=[contribution.pk])
    response = login(people.regency).post(
        edit, data(libraries.air_batu.pk, kind="cash", value="Rp 3.000.000", is_estimate="")
    )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.value == 3_000_000
    assert login(people.charlie).get(edit).status_code == 404
    assert login(people.viewer).get(edit).status_code == 404


def test_a_negative_value_is_refused_clearly(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    response = login(people.manager).post(url(partner), data(libraries.air_batu.pk, value="-50000"))
    assert response.status_code == 200
    assert response.context["form"].errors["value"] == ["The amount cannot be negative."]
    assert "Bibit lele dan ember" in response.content.decode()  # nothing lost
    assert "nothing was saved" in " ".join(messages_of(response))
    assert not Contribution.objects.exists()


def test_other_bad_input(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu, libraries.sukajadi])
    other_activity = ActivityFactory(library=libraries.sukajadi)
    client = login(people.regency)
    for field, changes in (
        ("value", {"value": "banyak"}),
        ("value", {"value": "9" * 30}),
        ("value", {"kind": "cash", "value": "", "is_estimate": ""}),
        ("is_estimate", {"kind": "cash"}),
        ("given_on", {"given_on": days(5).isoformat()}),
        ("given_on", {"given_on": "31-31-2024"}),
        ("activity", {"activity": other_activity.pk}),
        ("library", {"library": libraries.kemang_manis.pk}),
        ("description", {"description": "x\x00"}),
    ):
        response = client.post(url(partner), data(libraries.air_batu.pk, **changes))
        assert response.status_code == 200, changes
        assert response.context["form"].has_error(field), changes
    assert not Contribution.objects.exists()


def test_totals_by_kind():
    # The queryset's totals: by kind, estimated part, grand total.
    assert Contribution.objects.none().totals() == {"total": 0, "estimated": 0, "by_kind": []}


def test_totals_add_up(people, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    for kind, value, estimate in (
        ("cash", 1_000_000, False),
        ("cash", 2_000_000, False),
        ("venue", 500_000, True),
        ("books", 750_000, True),
    ):
        ContributionFactory(
            partner=partner,
            library=libraries.air_batu,
            kind=kind,
            value=value,
            is_estimate=estimate,
        )
    totals = partner.contributions.totals()
    assert totals["total"] == 4_250_000
    assert totals["estimated"] == 1_250_000
    assert [(k, v) for k, _label, v in totals["by_kind"]] == [
        ("cash", 3_000_000),
        ("venue", 500_000),
        ("books", 750_000),
    ]


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.charlie).get(url(partner)).status_code == 404
    response = login(people.charlie).post(url(partner), data(libraries.air_batu.pk))
    assert response.status_code == 404
    assert login(people.viewer).get(url(partner)).status_code == 404
    assert not Contribution.objects.exists()


def test_bad_id_is_404(people, login):
    client = login(people.admin)
    assert client.get(reverse("partners:contribution_create", args=[98765])).status_code == 404
    assert client.get(reverse("partners:contribution_edit", args=[98765])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.admin).put(url(partner)).status_code == 405
