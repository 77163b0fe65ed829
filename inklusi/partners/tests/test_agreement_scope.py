"""An agreement that names one library is seen and changed only by those whose scope covers that
library, even when another of the partner's libraries is theirs."""

import pytest
from django.urls import reverse

from .helpers import AgreementFactory, PartnerFactory, days, pdf_file


@pytest.fixture
def shared(libraries):
    """A partner of Air Batu (Banyuasin) and Kemang Manis (Palembang)."""
    return PartnerFactory(libraries=[libraries.air_batu, libraries.kemang_manis])


def edit_data(agreement, **changes):
    values = {
        "kind": "mou",
        "title": "Changed by someone outside",
        "parties": "",
        "library": "",
        "scope": "",
        "starts_on": days(-10).isoformat(),
        "ends_on": days(700).isoformat(),
        "status": "cancelled",
    }
    values.update(changes)
    return values


def test_another_librarys_agreement_is_hidden_from_the_manager(people, login, libraries, shared):
    agreement = AgreementFactory(
        partner=shared, library=libraries.kemang_manis, title="MoU Kemang", document=pdf_file()
    )
    client = login(people.manager)
    document = reverse("partners:agreement_document", args=[agreement.pk])
    edit = reverse("partners:agreement_edit", args=[agreement.pk])
    assert client.get(document).status_code == 404
    assert client.get(edit).status_code == 404
    response = client.post(edit, edit_data(agreement, library=libraries.air_batu.pk))
    assert response.status_code == 404
    agreement.refresh_from_db()
    assert (agreement.title, agreement.status, agreement.library) == (
        "MoU Kemang",
        "active",
        libraries.kemang_manis,
    )
    detail = client.get(shared.get_absolute_url())
    assert detail.status_code == 200
    assert agreement not in list(detail.context["agreements"])
    assert "MoU Kemang" not in detail.content.decode()
    assert edit not in detail.content.decode()


def test_the_librarys_coordinator_sees_it(people, login, libraries, shared):
    agreement = AgreementFactory(
        partner=shared, library=libraries.kemang_manis, title="MoU Kemang", document=pdf_file()
    )
    client = login(people.charlie)
    document = reverse("partners:agreement_document", args=[agreement.pk])
    edit = reverse("partners:agreement_edit", args=[agreement.pk])
    assert client.get(document).status_code == 200
    assert client.get(edit).status_code == 200
    detail = client.get(shared.get_absolute_url())
    assert agreement in list(detail.context["agreements"])
    assert edit in detail.content.decode()


def test_an_agreement_for_all_libraries_is_seen_by_both(people, login, libraries, shared):
    agreement = AgreementFactory(partner=shared, library=None, document=pdf_file())
    document = reverse("partners:agreement_document", args=[agreement.pk])
    edit = reverse("partners:agreement_edit", args=[agreement.pk])
    for person in (people.manager, people.charlie):
        client = login(person)
        assert client.get(document).status_code == 200, person
        assert client.get(edit).status_code == 200, person
        detail = client.get(shared.get_absolute_url())
        assert agreement in list(detail.context["agreements"]), person
        assert edit in detail.content.decode(), person


def test_the_viewer_sees_but_gets_no_edit_link(people, login, libraries, shared):
    mine = AgreementFactory(partner=shared, library=libraries.air_batu)
    theirs = AgreementFactory(partner=shared, library=libraries.kemang_manis)
    detail = login(people.viewer).get(shared.get_absolute_url())
    assert list(detail.context["agreements"]) == [mine]
    assert not detail.context["editable_agreement_ids"]
    assert theirs.title not in detail.content.decode()


def test_agreements_ending_soon_are_scoped(people, login, libraries, shared):
    ending = AgreementFactory(partner=shared, library=libraries.kemang_manis, ends_on=days(10))
    url = reverse("partners:agreements_ending")
    assert ending not in list(login(people.manager).get(url).context["agreements"])
    assert ending in list(login(people.charlie).get(url).context["agreements"])


def test_the_edit_form_offers_only_editable_libraries(people, login, libraries, shared):
    agreement = AgreementFactory(partner=shared, library=None)
    edit = reverse("partners:agreement_edit", args=[agreement.pk])
    form = login(people.manager).get(edit).context["form"]
    assert list(form.fields["library"].queryset) == [libraries.air_batu]
    response = login(people.manager).post(
        edit, edit_data(agreement, library=libraries.kemang_manis.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("library")
    agreement.refresh_from_db()
    assert agreement.library is None
