"""The open-data files: read with a CSV reader (and as JSON) and checked against the
dashboard's figures; small places suppressed; public, cached, licensed."""

import csv
import io

import pytest

from inklusi.core.months import previous_month
from inklusi.core.numbers import half_up
from inklusi.monitoring.indicators import Place, dashboard
from inklusi.monitoring.periods import Period
from inklusi.regions.models import Region
from inklusi.testing.factories import ActivityFactory, LibraryFactory, MonthlyReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def banyuasin_reporting(libraries):
    """Six libraries in Banyuasin, each with last month's report and an activity; Palembang
    with one library and its report."""
    region = libraries.air_batu.region
    month = previous_month()
    banyuasin = [libraries.air_batu] + [LibraryFactory(region=region) for _ in range(5)]
    for library in banyuasin:
        MonthlyReportFactory(library=library, month=month)
        ActivityFactory(library=library, starts_on=month)
    MonthlyReportFactory(library=libraries.kemang_manis, month=month)
    return month


def read_csv(client):
    response = client.get("/data/v1/indikator.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with the BOM
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def row_of(rows, code, month):
    (row,) = [r for r in rows if r["region_code"] == code and r["month"] == f"{month:%Y-%m}"]
    return row


def test_the_csv_holds_the_dashboards_figures(client, banyuasin_reporting):
    month = banyuasin_reporting
    rows = read_csv(client)
    for code in ("16.07", "16"):
        board = dashboard(
            Place(region=Region.objects.get(code=code)), Period(month, month, "month")
        )
        row = row_of(rows, code, month)
        assert row["suppressed"] == "0"
        assert row["licence"] == "CC BY 4.0"
        for name in (
            "libraries",
            "reports",
            "expected_reports",
            "visitors",
            "loans",
            "activities",
            "participants",
            "members",
            "new_members",
        ):
            assert int(row[name]) == board.figures[name], name
        assert float(row["compliance"]) == float(half_up(board.figures["compliance"]))


def test_places_of_fewer_than_five_libraries_show_no_figures(client, banyuasin_reporting):
    row = row_of(read_csv(client), "16.71", banyuasin_reporting)
    assert row["suppressed"] == "1"
    assert row["visitors"] == "" and row["activities"] == "" and row["loans"] == ""


def test_the_json_says_its_licence_and_holds_the_same_rows(client, banyuasin_reporting):
    body = client.get("/data/v1/indikator.json").json()
    assert body["metadata"]["licence"] == "CC BY 4.0"
    assert "creativecommons.org/licenses/by/4.0" in body["metadata"]["licence_url"]
    by_csv = read_csv(client)
    assert len(body["data"]) == len(by_csv)
    row = [r for r in body["data"] if r["region_code"] == "16.07"][-1]
    assert row["visitors"] == int(row_of(by_csv, "16.07", banyuasin_reporting)["visitors"])


def test_no_personal_data_and_no_library_rows(client, banyuasin_reporting, libraries):
    text = client.get("/data/v1/indikator.csv").content.decode("utf-8-sig")
    assert libraries.air_batu.name not in text
    assert "@" not in text
    levels = {row["level"] for row in csv.DictReader(io.StringIO(text))}
    assert levels == {"province", "regency"}


def test_public_cached_and_refreshable(client, banyuasin_reporting, django_assert_max_num_queries):
    first = client.get("/data/v1/indikator.csv")
    assert "public" in first["Cache-Control"]
    with django_assert_max_num_queries(2):  # the session and nothing else: served from cache
        again = client.get("/data/v1/indikator.csv")
    assert again.content == first.content
    assert client.post("/data/v1/indikator.csv").status_code == 405


def test_without_figures_the_files_are_empty_but_valid(client, db):
    assert read_csv(client) == []
    assert client.get("/data/v1/indikator.json").json()["data"] == []
