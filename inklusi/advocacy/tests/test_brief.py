"""The advocacy brief: a PDF whose text can be read and whose figures equal the records."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from inklusi.activities.models import Category
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.core.templatetags.inklusi import angka, rupiah
from inklusi.monitoring.figures import last_twelve_months
from inklusi.partners.models import ContributionKind
from inklusi.partners.tests.helpers import ContributionFactory, PartnerFactory, days
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.pdf import text_outside_page
from inklusi.testing.photos import jpeg_with_gps, upload

from .helpers import MeetingFactory


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    assert text_outside_page(response.content, margin_mm=12, edge_mm=5) == []
    return " ".join(page.extract_text() for page in reader.pages), reader


def in_indonesian(value, money=False):
    with translation.override("id"):
        return rupiah(value) if money else angka(value)


@pytest.fixture
def records(libraries):
    lib = libraries.air_batu
    months = last_twelve_months()
    for month, female, male, loans, members in (
        (months[-1], 700, 540, 320, 410),
        (months[-2], 600, 500, 300, 400),
        (months[0], 300, 200, 100, 350),
    ):
        MonthlyReportFactory(
            library=lib,
            month=month,
            visitors_female=female,
            visitors_male=male,
            loans=loans,
            total_members=members,
            new_members=5,
            computer_users=50,
            internet_users=40,
        )
    # Outside the twelve months: the current month and the month before the first.
    MonthlyReportFactory(
        library=lib, month=datetime.date.today().replace(day=1), visitors_female=9000
    )
    MonthlyReportFactory(
        library=lib,
        month=(months[0] - datetime.timedelta(days=1)).replace(day=1),
        visitors_female=9000,
    )
    MonthlyReportFactory(
        library=libraries.sukajadi,
        month=months[-1],
        visitors_female=111,
        visitors_male=0,
        computer_users=0,
        internet_users=0,
    )
    economy = Category.objects.get(slug="economy")
    ActivityFactory(
        library=lib,
        starts_on=months[-1] + datetime.timedelta(days=3),
        participants_female=30,
        participants_male=10,
        category=economy,
    )
    activity = ActivityFactory(
        library=lib, starts_on=months[-2], participants_female=5, participants_male=15
    )
    ActivityFactory(library=lib, starts_on=months[-2], status="draft", participants_female=99)
    add_photo(activity, prepare_photo(upload(jpeg_with_gps((800, 600)))), consent_to_publish=True)
    add_photo(activity, prepare_photo(upload(jpeg_with_gps((800, 600)))))  # no consent
    bank = PartnerFactory(name="Bank Sumsel Babel", libraries=[lib])
    farmers = PartnerFactory(name="Kelompok Tani Maju Bersama", libraries=[lib])
    PartnerFactory(name="Mitra Sukajadi", libraries=[libraries.sukajadi])
    ContributionFactory(partner=bank, library=lib, value=25_000_000)
    ContributionFactory(
        partner=farmers, library=lib, value=2_250_000, kind=ContributionKind.GOODS, is_estimate=True
    )
    ContributionFactory(partner=bank, library=libraries.sukajadi, value=7_000_000)
    MeetingFactory(
        library=lib,
        counterpart_kind="musdes",
        counterpart_name="Musdes Air Batu",
        met_on=days(-40),
        asked="Dana Desa untuk buku anak",
        committed_amount=15_000_000,
        commitment_source="village",
    )
    MeetingFactory(
        region=libraries.regions["16.07"],
        met_on=days(-60),
        asked="APBD untuk TIK",
        committed_amount=150_000_000,
        commitment_source="regency",
    )
    return lib


def test_the_library_brief_shows_the_records(people, login, records):
    response = login(people.regency).get(reverse("advocacy:brief_library", args=[records.pk]))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="brief-perpustakaan-desa-air-batu-'
    )
    text, reader = pdf_text(response)
    assert "Perpustakaan Desa Air Batu" in text
    visitors = 700 + 540 + 600 + 500 + 300 + 200
    for figure in (visitors, 320 + 300 + 100, 410, 150, 120):  # members: the latest count
        assert in_indonesian(figure) in text, figure
    assert in_indonesian(1240) in text  # the latest month's bar
    # Two published activities, 60 participants, 35 of them women: 58 %.
    assert "58%" in text
    assert in_indonesian(60) in text
    assert "Bank Sumsel Babel" in text and "Kelompok Tani Maju Bersama" in text
    assert "Mitra Sukajadi" not in text
    assert in_indonesian(27_250_000, money=True) in text  # contributions to this library
    # Money won: the library's Musdes commitment and cash contributions.
    assert in_indonesian(15_000_000 + 25_000_000, money=True) in text
    assert in_indonesian(150_000_000, money=True) not in text
    assert "Dana Desa untuk buku anak" in text  # the default ask: the latest meeting's
    # Only the consented photo (pages share their resources: count distinct images).
    assert len({image.name for page in reader.pages for image in page.images}) == 1


def test_the_region_brief_adds_up_its_libraries(people, login, records):
    response = login(people.regency).get(reverse("advocacy:brief_region", args=["16.07"]))
    text, _reader = pdf_text(response)
    assert "Kabupaten Banyuasin" in text
    assert in_indonesian(2840 + 111) in text
    assert "Mitra Sukajadi" in text
    assert in_indonesian(15_000_000 + 150_000_000 + 25_000_000 + 7_000_000, money=True) in text


def test_the_ask_is_the_one_typed(people, login, records):
    url = reverse("advocacy:brief_library", args=[records.pk])
    text, _reader = pdf_text(login(people.regency).get(url, {"ask": "Tambahan 2 komputer"}))
    assert "Tambahan 2 komputer" in text
    assert "Dana Desa untuk buku anak" not in text


def test_the_form_offers_the_latest_ask(people, login, records):
    url = reverse("advocacy:brief_library_form", args=[records.pk])
    response = login(people.manager).get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["ask"] == "Dana Desa untuk buku anak"
    region_form = reverse("advocacy:brief_region_form", args=["16.07"])
    assert login(people.viewer).get(region_form).status_code == 200


def test_a_brief_without_records_still_prints(people, login, libraries):
    url = reverse("advocacy:brief_library", args=[libraries.sukajadi.pk])
    text, _reader = pdf_text(login(people.regency).get(url))
    assert "Perpustakaan Desa Sukajadi" in text


def test_bad_input(people, login, records):
    client = login(people.regency)
    url = reverse("advocacy:brief_library", args=[records.pk])
    assert client.get(url, {"ask": "x" * 5000}).status_code == 400
    assert client.get(url, {"ask": "a\x00"}).status_code == 400
    for code in ("99", "16.07%00", "abc", "16.07.99.9999"):
        response = client.get(f"/advokasi/brief/wilayah/{code}.pdf")
        assert response.status_code in (400, 404), code
    assert client.get(reverse("advocacy:brief_library", args=[98765])).status_code == 404


def test_it_checks_scope(people, login, records):
    client = login(people.charlie)
    assert client.get(reverse("advocacy:brief_library", args=[records.pk])).status_code == 404
    assert client.get(reverse("advocacy:brief_library_form", args=[records.pk])).status_code == 404
    assert client.get(reverse("advocacy:brief_region", args=["16.07"])).status_code == 404
    assert client.get(reverse("advocacy:brief_region", args=["16"])).status_code == 404
    manager = login(people.manager)
    assert manager.get(reverse("advocacy:brief_region_form", args=["16.07"])).status_code == 404


def test_wrong_method_is_405(people, login, records):
    client = login(people.admin)
    assert client.put(reverse("advocacy:brief_library", args=[records.pk])).status_code == 405
    assert client.post(reverse("advocacy:brief_library_form", args=[records.pk])).status_code == 405
