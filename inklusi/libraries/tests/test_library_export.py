"""CSV and XLSX downloads of the filtered library list."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.libraries.models import Kind, Library, Status
from inklusi.testing.exports import csv_rows, xlsx_rows


def export(client, fmt, **params):
    return client.get(reverse("libraries:export", args=[fmt]), params)


def test_csv_works(people, login):
    response = export(login(people.admin), "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="perpustakaan-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:2] == ["ID", "Name"]
    assert len(rows) == 1 + 5


def test_xlsx_works(people, login, libraries):
    response = export(login(people.admin), "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = xlsx_rows(response)
    assert len(rows) == 1 + 5
    ids = [row[0] for row in rows[1:]]
    assert sorted(ids) == sorted(lib.pk for lib in Library.objects.all())
    air_batu = next(row for row in rows if row[1] == "Perpustakaan Desa Air Batu")
    assert "16 Sumatera Selatan" in air_batu
    assert "16.07 Kabupaten Banyuasin" in air_batu
    assert "16.07.10 Talang Kelapa" in air_batu
    assert "16.07.10.1002" in air_batu
    assert "Air Batu" in air_batu


def test_export_follows_the_filters(people, login):
    client = login(people.admin)
    rows = csv_rows(export(client, "csv", region="16.07", kind=Kind.VILLAGE))
    assert {row[1] for row in rows[1:]} == {
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
    }
    rows = xlsx_rows(export(client, "xlsx", status=Status.CANDIDATE))
    assert [row[1] for row in rows[1:]] == ["Perpustakaan Desa Sukajadi"]


def test_invalid_filters_are_ignored(people, login):
    rows = csv_rows(export(login(people.admin), "csv", kind="castle", cohort="abc"))
    assert len(rows) == 1 + 5


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_checks_scope(people, login, fmt):
    response = export(login(people.charlie), fmt)
    if fmt == "csv":
        rows = csv_rows(response)
    else:
        rows = xlsx_rows(response)
    text = repr(rows)
    assert "Banyuasin" not in text
    assert "16.07" not in text
    assert [row[1] for row in rows[1:]] == ["Perpustakaan Kelurahan Tiga-puluh-lima Ilir"]


def test_a_filter_never_widens_the_scope(people, login):
    rows = csv_rows(export(login(people.charlie), "csv", region="16.07"))
    assert rows[1:] == []


def test_unknown_format_is_404(people, login):
    assert export(login(people.admin), "pdf").status_code == 404


def test_wrong_method_is_405(people, login):
    response = login(people.admin).post(reverse("libraries:export", args=["csv"]))
    assert response.status_code == 405


def test_it_needs_login(client, libraries):
    assert export(client, "csv").status_code == 302


def test_typed_text_is_never_a_formula(people, login, libraries):
    libraries.air_batu.name = '=HYPERLINK("http://example.com","klik")'
    libraries.air_batu.opening_hours = "Senin\x0b08.00"  # a control character pasted from Word
    libraries.air_batu.save()
    client = login(people.admin)
    rows = xlsx_rows(export(client, "xlsx"))
    names = [row[1] for row in rows[1:]]
    assert '=HYPERLINK("http://example.com","klik")' in names
    book = load_workbook(io.BytesIO(export(client, "xlsx").content))
    cells = [c for c in book.worksheets[0]["B"] if str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    rows = csv_rows(export(client, "csv"))
    assert '\'=HYPERLINK("http://example.com","klik")' in [row[1] for row in rows]


def test_ten_thousand_rows_in_a_fixed_number_of_queries(
    people, login, libraries, django_assert_max_num_queries
):
    region = libraries.regions["16.07.10.1002"]
    Library.objects.bulk_create(
        Library(name=f"Perpustakaan Uji {i:05d}", region=region, kind=Kind.VILLAGE)
        for i in range(10_000)
    )
    client = login(people.admin)
    # Speed is measured by bench_libraries (docs/performance.md); here: no query per row.
    with django_assert_max_num_queries(20):
        response = export(client, "xlsx", region="16.07.10.1002")
    assert response.status_code == 200
    assert len(xlsx_rows(response)) == 1 + 10_001
    rows = csv_rows(export(client, "csv", region="16.07.10.1002"))
    assert len(rows) == 1 + 10_001
