"""The coordinator's overview and its XLSX exports."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.partners.models import PartnerKind
from inklusi.partners.tests.helpers import ContributionFactory, PartnerFactory, days

URL = reverse("overview:index")


def export_url(table, fmt="xlsx"):
    return reverse("overview:export", args=[table, fmt])


def make_records(libraries):
    regions = libraries.regions
    bank = PartnerFactory(
        name="Bank Sumsel", libraries=[libraries.air_batu, libraries.kemang_manis]
    )
    PartnerFactory(
        name="Desa Sukajadi", kind=PartnerKind.VILLAGE_GOVERNMENT, region=regions["16.07.10.1004"]
    )
    PartnerFactory(name="Provinsi", kind=PartnerKind.GOVERNMENT_UNIT, region=regions["16"])
    ContributionFactory(
        partner=bank, library=libraries.air_batu, value=1_000_000, given_on=days(-400)
    )
    ContributionFactory(
        partner=bank,
        library=libraries.air_batu,
        value=500_000,
        kind="goods",
        is_estimate=True,
        given_on=days(-400),
    )
    ContributionFactory(partner=bank, library=libraries.kemang_manis, value=7_000_000)
    AdvocacyMeeting.objects.create(
        region=regions["16.07"],
        met_on=days(-20),
        counterpart_kind="bappeda",
        counterpart_name="Bappeda Banyuasin",
        topic="APBD",
        committed_amount=150_000_000,
        commitment_source="regency",
    )
    AdvocacyMeeting.objects.create(
        region=regions["16.71"],
        met_on=days(-20),
        counterpart_kind="bappeda",
        counterpart_name="Bappeda Palembang",
        topic="APBD",
        committed_amount=50_000_000,
        commitment_source="regency",
    )


def rows_of(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_it_works(people, login, libraries):
    make_records(libraries)
    response = login(people.province).get(URL)
    assert response.status_code == 200
    tables = {t["name"]: t for t in response.context["tables"]}
    partner_rows = [(title, figures[0][1]) for title, figures in tables["mitra"]["rows"]]
    assert partner_rows == [
        ("(no regency) · Regional government unit", 1),
        ("Kabupaten Banyuasin · Company / CSR", 1),
        ("Kabupaten Banyuasin · Village government", 1),
        ("Kota Palembang · Company / CSR", 1),
    ]
    assert "Rp7,000,000" in response.content.decode()


def test_exports_follow_the_scope(people, login, libraries):
    make_records(libraries)
    client = login(people.regency)
    year = days(-400).year
    contributions = rows_of(client.get(export_url("kontribusi")))
    assert contributions[1:] == [
        [year, "Cash", 1, 1_000_000, 0],
        [year, "Goods", 1, 500_000, 500_000],
    ]
    commitments = rows_of(client.get(export_url("komitmen")))
    assert commitments[1:] == [
        [days(-20).year, "Bappeda (regional planning agency)", 1, 150_000_000]
    ]
    partners = rows_of(client.get(export_url("mitra")))
    assert [row[1:] for row in partners[1:]] == [
        ["Kabupaten Banyuasin", "Company / CSR", 1],
        ["Kabupaten Banyuasin", "Village government", 1],
    ]
    sheet = load_workbook(BytesIO(client.get(export_url("komitmen")).content)).active
    assert sheet.title == "Commitments by year"
    assert sheet["D2"].number_format == '"Rp"#,##0'
    charlie = rows_of(login(people.charlie).get(export_url("komitmen")))
    assert [row[3] for row in charlie[1:]] == [50_000_000]


def test_csv_too(people, login, libraries):
    make_records(libraries)
    response = login(people.admin).get(export_url("kontribusi", "csv"))
    assert response.status_code == 200
    assert "Cash" in b"".join(response.streaming_content).decode()


def test_a_manager_gets_403(people, login):
    client = login(people.manager)
    assert client.get(URL).status_code == 403
    assert client.get(export_url("mitra")).status_code == 403


def test_unknown_table_or_format_is_404(people, login):
    client = login(people.admin)
    assert client.get(export_url("nothing")).status_code == 404
    assert client.get(export_url("mitra", "pdf")).status_code == 404


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
