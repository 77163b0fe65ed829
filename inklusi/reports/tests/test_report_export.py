"""CSV and XLSX downloads of the reports in the user's area."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from inklusi.testing.exports import (
    assert_styled_like_every_sheet,
    column_cells,
    csv_rows,
    xlsx_rows,
    xlsx_sheets,
)
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import at, months_ago


def export(client, fmt, **params):
    return client.get(reverse("reports:export", args=[fmt]), params)


@pytest.fixture
def reports(libraries, people):
    month = months_ago(2)
    air_batu = MonthlyReportFactory(
        library=libraries.air_batu,
        month=month,
        loans=321,
        notes="=SUM(A1)",
        submitted_by=people.manager,
        submitted_at=at(months_ago(1).replace(day=2)),
    )
    ActivityFactory(library=libraries.air_batu, starts_on=month.replace(day=2))
    ActivityFactory(library=libraries.air_batu, starts_on=month.replace(day=28))
    ActivityFactory(library=libraries.air_batu, starts_on=month.replace(day=9), status="draft")
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(3).replace(day=9))
    ActivityFactory(library=libraries.banyuasin, starts_on=month.replace(day=9))
    return [
        air_batu,
        MonthlyReportFactory(library=libraries.banyuasin, month=months_ago(3)),
        MonthlyReportFactory(library=libraries.kemang_manis, month=month),
    ]


@override_settings(REPORT_DUE_DAY=10)
def test_xlsx_works(people, login, reports):
    response = export(login(people.province), "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="laporan-bulanan-' in response["Content-Disposition"]
    header, *rows = xlsx_rows(response)
    assert len(rows) == 3
    row = dict(zip(header, next(r for r in rows if r[0] == reports[0].pk), strict=True))
    assert row["Library"] == "Perpustakaan Desa Air Batu"
    assert row["Province"] == "16 Sumatera Selatan"
    assert row["Regency/city"] == "16.07 Kabupaten Banyuasin"
    assert row["District"] == "16.07.10 Talang Kelapa"
    assert (row["Village code"], row["Village"]) == ("16.07.10.1002", "Air Batu")
    assert row["Month"] == datetime.datetime.combine(months_ago(2), datetime.time())
    assert (row["Books lent"], row["Visitors in total"], row["Activities"]) == (321, 215, 2)
    assert row["On time"] == "yes"
    assert row["Submitted by"] == people.manager.full_name
    assert row["Notes"] == "=SUM(A1)"  # kept as text, not a formula
    flat = [str(v) for r in rows for v in r]
    assert not any("@" in v for v in flat)  # no e-mail addresses
    (sheet,) = xlsx_sheets(response)
    assert sheet.title == "Monthly reports"
    assert_styled_like_every_sheet(sheet)
    months = column_cells(sheet, "Month")
    assert all(cell.is_date and cell.number_format == "yyyy-mm" for cell in months)


def test_csv_works(people, login, reports):
    response = export(login(people.admin), "csv")
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert header[:3] == ["ID", "Library ID", "Library"]
    assert len(rows) == 3
    assert "'=SUM(A1)" in rows[[r[0] for r in rows].index(str(reports[0].pk))]


def test_it_checks_scope(people, login, reports):
    header, *rows = csv_rows(export(login(people.charlie), "csv"))
    assert [r[2] for r in rows] == ["Perpustakaan Kelurahan Tiga-puluh-lima Ilir"]
    assert csv_rows(export(login(people.nobody), "csv"))[1:] == []


def test_export_follows_the_filters(people, login, reports):
    client = login(people.admin)
    rows = csv_rows(export(client, "csv", month=f"{months_ago(3):%Y-%m}"))[1:]
    assert [r[2] for r in rows] == ["Perpustakaan Daerah Banyuasin"]
    rows = csv_rows(export(client, "csv", q="Air Batu"))[1:]
    assert [r[2] for r in rows] == ["Perpustakaan Desa Air Batu"]


def test_no_query_per_row(people, login, reports, django_assert_max_num_queries):
    client = login(people.admin)
    with django_assert_max_num_queries(6):
        assert len(xlsx_rows(export(client, "xlsx"))) == 4


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "xlsx.exe", "x" * 200])
def test_unknown_format_is_404(people, login, fmt):
    assert export(login(people.admin), fmt).status_code == 404


def test_bad_filters_do_not_break_it(people, login, reports):
    response = export(login(people.admin), "csv", month="2024-13", q="x" * 500)
    assert response.status_code == 200
    assert len(csv_rows(response)) == 4


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(reverse("reports:export", args=["csv"])).status_code == 405
