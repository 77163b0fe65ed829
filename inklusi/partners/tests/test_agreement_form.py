"""Agreements (MoU/PKS): dates in order, the signed PDF checked, the document behind the scope."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.partners.models import Agreement

from .helpers import AgreementFactory, PartnerFactory, days, messages_of, pdf_file


def url(partner):
    return reverse("partners:agreement_create", args=[partner.pk])


def data(**changes):
    values = {
        "kind": "mou",
        "title": "MoU Pojok Baca Digital",
        "parties": "Dinas Perpustakaan Kabupaten Banyuasin dan Bank Sumsel Babel",
        "library": "",
        "scope": "Pojok baca digital",
        "starts_on": days(-10).isoformat(),
        "ends_on": days(700).isoformat(),
        "status": "active",
    }
    values.update(changes)
    return values


def test_it_works(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    client = login(people.regency)
    assert client.get(url(partner)).status_code == 200
    response = client.post(url(partner), data(document=pdf_file()))
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.document.name.startswith("private/partners/agreements/")
    assert agreement.document.name.endswith(".pdf")
    document = client.get(reverse("partners:agreement_document", args=[agreement.pk]))
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert b"".join(document.streaming_content).startswith(b"%PDF-")


def test_it_is_edited(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    agreement = AgreementFactory(partner=partner)
    edit = reverse("partners:agreement_edit", args=[agreement.pk])
    response = login(people.manager).post(edit, data(status="ended", library=libraries.air_batu.pk))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.library) == ("ended", libraries.air_batu)


def test_an_end_before_the_start_is_refused(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    response = login(people.regency).post(
        url(partner), data(starts_on="2025-06-01", ends_on="2025-05-31")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "The end date cannot be before the start date."
    ]
    assert "MoU Pojok Baca Digital" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    fake = SimpleUploadedFile("mou.pdf", b"MZ\x90\x00 not a PDF", content_type="application/pdf")
    response = login(people.regency).post(url(partner), data(document=fake))
    assert response.status_code == 200
    assert response.context["form"].errors["document"] == [
        "This file is not a PDF. Scan the signed agreement to PDF."
    ]
    assert "choose the PDF again" in " ".join(messages_of(response))
    assert not Agreement.objects.exists()


def test_a_pdf_over_10_mb_is_refused(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    big = pdf_file(size=10 * 1024 * 1024)
    response = login(people.regency).post(url(partner), data(document=big))
    assert response.status_code == 200
    assert "largest accepted is 10.0" in response.context["form"].errors["document"][0]
    assert not Agreement.objects.exists()


def test_other_bad_input(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    client = login(people.regency)
    for field, changes in (
        ("starts_on", {"starts_on": ""}),
        ("starts_on", {"starts_on": "99999-01-01"}),
        ("kind", {"kind": "nonsense"}),
        ("status", {"status": "nonsense"}),
        ("library", {"library": libraries.kemang_manis.pk}),
        ("title", {"title": "x\x00"}),
    ):
        response = client.post(url(partner), data(**changes))
        assert response.status_code == 200, changes
        assert response.context["form"].has_error(field), changes
    assert not Agreement.objects.exists()


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    agreement = AgreementFactory(partner=partner, document=pdf_file())
    client = login(people.charlie)
    assert client.get(url(partner)).status_code == 404
    assert client.get(reverse("partners:agreement_edit", args=[agreement.pk])).status_code == 404
    document = reverse("partners:agreement_document", args=[agreement.pk])
    assert client.get(document).status_code == 404
    assert login(people.viewer).get(document).status_code == 200
    assert login(people.viewer).get(url(partner)).status_code == 404


def test_bad_id_is_404(people, login):
    client = login(people.admin)
    for name in ("agreement_create", "agreement_edit", "agreement_document"):
        assert client.get(reverse(f"partners:{name}", args=[98765])).status_code == 404


def test_a_missing_document_is_404(people, login, libraries):
    agreement = AgreementFactory(partner=PartnerFactory(libraries=[libraries.air_batu]))
    url = reverse("partners:agreement_document", args=[agreement.pk])
    assert login(people.admin).get(url).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    assert login(people.admin).put(url(partner)).status_code == 405


def test_the_edit_form_links_the_document_through_the_scope_check(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    agreement = AgreementFactory(partner=partner, document=pdf_file())
    response = login(people.regency).get(reverse("partners:agreement_edit", args=[agreement.pk]))
    assert response.status_code == 200
    assert "/media/" not in response.text and agreement.document.name not in response.text
    checked = reverse("partners:agreement_document", args=[agreement.pk])
    assert f'href="{checked}"' in response.text
