"""CSV and XLSX downloads of the compliance table."""

import pytest
from django.test import override_settings
from django.urls import reverse

from inklusi.testing.exports import column_cells, csv_rows, xlsx_rows, xlsx_sheets
from inklusi.testing.factories import MonthlyReportFactory

from .helpers import at, months_ago

MONTH = months_ago(2)


def export(client, fmt, **params):
    return client.get(reverse("reports:compliance_export", args=[fmt]), params)


@pytest.fixture
def filed(libraries):
    late = at(months_ago(1).replace(day=20))
    MonthlyReportFactory(library=libraries.air_batu, month=MONTH, submitted_at=late)
    MonthlyReportFactory(library=libraries.kemang_manis, month=MONTH)


@override_settings(REPORT_DUE_DAY=10)
def test_xlsx_works(people, login, filed):
    response = export(login(people.regency), "xlsx", month=f"{MONTH:%Y-%m}")
    assert response.status_code == 200
    assert f'filename="kepatuhan-laporan-{MONTH:%Y-%m}-' in response["Content-Disposition"]
    header, *rows = xlsx_rows(response)
    table = {r[1]: dict(zip(header, r, strict=True)) for r in rows}
    assert set(table) == {"Perpustakaan Desa Air Batu", "Perpustakaan Daerah Banyuasin"}
    air_batu = table["Perpustakaan Desa Air Batu"]
    assert (air_batu["Province"], air_batu["Regency/city"]) == (
        "16 Sumatera Selatan",
        "16.07 Kabupaten Banyuasin",
    )
    assert (air_batu["Village code"], air_batu["Village"]) == ("16.07.10.1002", "Air Batu")
    assert air_batu["Report"] == "Filed late"
    assert table["Perpustakaan Daerah Banyuasin"]["Report"] == "Late, not in"
    assert table["Perpustakaan Daerah Banyuasin"]["Village"] is None
    months = column_cells(xlsx_sheets(response)[0], "Month")
    assert [cell.value.date() for cell in months] == [MONTH, MONTH]
    assert all(cell.number_format == "yyyy-mm" for cell in months)


def test_csv_only_missing(people, login, filed):
    response = export(login(people.province), "csv", month=f"{MONTH:%Y-%m}", missing="on")
    header, *rows = csv_rows(response)
    assert [r[1] for r in rows] == ["Perpustakaan Daerah Banyuasin"]


def test_it_checks_scope(people, login, filed):
    response = export(login(people.charlie), "csv", month=f"{MONTH:%Y-%m}", region="16.07")
    assert [r[1] for r in csv_rows(response)][1:] == ["Perpustakaan Kelurahan Tiga-puluh-lima Ilir"]


@pytest.mark.parametrize("fmt", ["pdf", "json", "xls"])
def test_unknown_format_is_404(people, login, fmt):
    assert export(login(people.province), fmt).status_code == 404


def test_bad_month_exports_the_default(people, login):
    assert export(login(people.province), "csv", month="2024-13").status_code == 200
