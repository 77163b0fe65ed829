"""CSV and XLSX downloads of the filtered activity list, every field, region codes and names."""

import pytest
from django.urls import reverse

from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.testing.exports import (
    assert_styled_like_every_sheet,
    column_cells,
    csv_rows,
    xlsx_rows,
    xlsx_sheets,
)
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import jpeg_with_gps, upload


def export(client, fmt, **params):
    return client.get(reverse("activities:export", args=[fmt]), params)


@pytest.fixture
def activities(libraries):
    air_batu = ActivityFactory(
        library=libraries.air_batu,
        title="Pelatihan menjahit",
        cost=1_500_000,
        funding_source="partner",
        participants_disability=2,
        tiktok_url="https://www.tiktok.com/@perpus/video/1",
    )
    for consent in (True, False):
        add_photo(air_batu, prepare_photo(upload(jpeg_with_gps((64, 48)))), "", consent)
    ActivityFactory(library=libraries.kemang_manis, title="Kelas Palembang")
    return air_batu


def test_xlsx_has_every_field_and_the_regions(people, login, activities):
    response = export(login(people.regency), "xlsx")
    assert response.status_code == 200
    assert 'filename="kegiatan-' in response["Content-Disposition"]
    header, *rows = xlsx_rows(response)
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Title"] == "Pelatihan menjahit"
    assert row["Province"] == "16 Sumatera Selatan"
    assert row["Regency/city"] == "16.07 Kabupaten Banyuasin"
    assert row["District"] == "16.07.10 Talang Kelapa"
    assert row["Village code"] == "16.07.10.1002" and row["Village"] == "Air Batu"
    assert row["Participants (total)"] == 12
    assert row["Women and girls"] == 7 and row["Persons with disabilities"] == 2
    assert row["Cost (Rp)"] == 1_500_000
    assert row["Funding source"] == "Partner or CSR"
    assert row["TikTok video"] == "https://www.tiktok.com/@perpus/video/1"
    assert row["Status"] == "Published" and row["Verification"] == "Awaiting verification"
    assert row["Photos"] == 2 and row["Photos that may be published"] == 1
    assert row["Category"] == "Literacy and reading"
    (sheet,) = xlsx_sheets(response)
    assert_styled_like_every_sheet(sheet)
    assert [cell.number_format for cell in column_cells(sheet, "Cost (Rp)")] == ['"Rp"#,##0']


def test_csv_works_and_is_scoped(people, login, activities):
    rows = csv_rows(export(login(people.charlie), "csv"))
    assert rows[0][:2] == ["ID", "Title"]
    assert [r[1] for r in rows[1:]] == ["Kelas Palembang"]


def test_export_follows_the_filters(people, login, activities):
    client = login(people.admin)
    assert len(csv_rows(export(client, "csv"))) == 1 + 2
    assert [r[1] for r in csv_rows(export(client, "csv", q="menjahit"))[1:]] == [
        "Pelatihan menjahit"
    ]
    assert len(csv_rows(export(client, "csv", status="draft"))) == 1


def test_invalid_filters_are_ignored(people, login, activities):
    rows = csv_rows(export(login(people.admin), "csv", month="garbage", category="x"))
    assert len(rows) == 1 + 2


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "csv.exe", "xlsx%00"])
def test_other_formats_are_404(people, login, fmt):
    assert login(people.admin).get(f"/kegiatan/unduh.{fmt}").status_code in (400, 404)


def test_nobody_gets_an_empty_table(people, login, activities):
    assert len(csv_rows(export(login(people.nobody), "csv"))) == 1


def test_it_needs_login(client, libraries):
    assert export(client, "csv").status_code == 302
