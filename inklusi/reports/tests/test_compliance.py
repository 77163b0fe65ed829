"""Who has reported for a month: on time, filed late, late and not in, or not yet due, in the
user's area."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.libraries.models import Status
from inklusi.testing.clock import freeze_today
from inklusi.testing.factories import LibraryFactory, MonthlyReportFactory

from .helpers import at, months_ago, this_month

URL = reverse("reports:compliance")
MONTH = months_ago(2)


def counts(response):
    """(expected, [(state, count, percent)]) with late split into filed late and overdue."""
    c = response.context["counts"]
    found = []
    for entry in c["states"]:
        found += [(s["state"], s["count"], s["percent"]) for s in entry.get("parts", [entry])]
    return c["expected"], found


def states(response):
    return {lib.name: lib.state for lib in response.context["rows"]}


@pytest.fixture
def month(libraries, regions):
    """Reports of MONTH (due on the 10th of the next month), counted by hand in the tests."""
    replicating = LibraryFactory(
        name="Perpustakaan Desa Replikasi",
        region=regions["16.07.10.1004"],
        status=Status.REPLICATING,
        whatsapp="6281234567890",
    )
    LibraryFactory(
        name="Perpustakaan Desa Mandiri", region=regions["16.07.10.1002"], status=Status.INDEPENDENT
    )
    due = months_ago(1).replace(day=10)
    on_time, late = at(due, hour=23), at(due.replace(day=11), hour=0)
    MonthlyReportFactory(library=libraries.air_batu, month=MONTH, submitted_at=on_time)
    MonthlyReportFactory(library=libraries.banyuasin, month=MONTH, submitted_at=late)
    MonthlyReportFactory(library=libraries.kemang_manis, month=MONTH, submitted_at=on_time)
    MonthlyReportFactory(library=libraries.sukajadi, month=MONTH)  # a candidate: not counted
    MonthlyReportFactory(library=libraries.medan, month=MONTH)  # outside Sumatera Selatan
    MonthlyReportFactory(library=replicating, month=months_ago(3))  # another month
    return f"{MONTH:%Y-%m}"


@override_settings(REPORT_DUE_DAY=10)
def test_it_works(people, login, month):
    response = login(people.province).get(URL, {"month": month})
    assert response.status_code == 200
    assert counts(response) == (
        5,
        [("on_time", 2, 40), ("late", 1, 20), ("overdue", 2, 40), ("not_yet", 0, 0)],
    )
    assert states(response) == {
        "Perpustakaan Desa Air Batu": "on_time",
        "Perpustakaan Daerah Banyuasin": "late",
        "Perpustakaan Kelurahan Tiga-puluh-lima Ilir": "on_time",
        "Perpustakaan Desa Replikasi": "overdue",
        "Perpustakaan Desa Mandiri": "overdue",
    }
    page = response.content.decode()
    assert 'href="https://wa.me/6281234567890"' in page


@override_settings(REPORT_DUE_DAY=10)
def test_it_checks_scope(people, login, month):
    response = login(people.regency).get(URL, {"month": month})
    assert counts(response) == (
        4,
        [("on_time", 1, 25), ("late", 1, 25), ("overdue", 2, 50), ("not_yet", 0, 0)],
    )
    response = login(people.charlie).get(URL, {"month": month})
    assert counts(response) == (
        1,
        [("on_time", 1, 100), ("late", 0, 0), ("overdue", 0, 0), ("not_yet", 0, 0)],
    )
    assert counts(login(people.nobody).get(URL, {"month": month}))[0] == 0


@override_settings(REPORT_DUE_DAY=10)
def test_narrowed_to_a_region_the_user_covers(people, login, month):
    client = login(people.province)
    response = client.get(URL, {"month": month, "region": "16.07"})
    assert counts(response)[0] == 4
    response = client.get(URL, {"month": month, "region": "16.71.01"})
    assert counts(response) == (
        1,
        [("on_time", 1, 100), ("late", 0, 0), ("overdue", 0, 0), ("not_yet", 0, 0)],
    )


@pytest.mark.parametrize("region", ["12", "16.07", "99", "x" * 500])
def test_a_region_outside_the_area_is_an_error_not_a_widening(people, login, month, region):
    response = login(people.charlie).get(URL, {"month": month, "region": region})
    assert response.status_code == 200
    assert response.context["form"].has_error("region")
    assert counts(response)[0] == 1


def test_only_missing(people, login, month):
    response = login(people.province).get(URL, {"month": month, "missing": "on"})
    assert set(states(response)) == {"Perpustakaan Desa Replikasi", "Perpustakaan Desa Mandiri"}
    assert counts(response)[0] == 5  # the totals still cover everyone


def test_editors_get_a_link_to_file_viewers_do_not(people, login, month):
    create = reverse("reports:create")
    page = login(people.regency).get(URL, {"month": month}).content.decode()
    assert f"{create}?library=" in page
    page = login(people.viewer).get(URL, {"month": month}).content.decode()
    assert f"{create}?library=" not in page
    assert "Perpustakaan Desa Replikasi" in page


def test_the_default_month_is_last_month(people, login):
    response = login(people.province).get(URL)
    assert response.context["month"] == months_ago(1)
    assert response.context["later"] is None


@pytest.mark.parametrize("value", ["2024-13", "garbage", "9999-12", f"{this_month():%Y}-12x"])
def test_a_bad_month_is_an_error_and_the_default_is_shown(people, login, value):
    response = login(people.province).get(URL, {"month": value})
    assert response.status_code == 200
    assert response.context["form"].has_error("month")
    assert response.context["month"] == months_ago(1)


def test_a_nul_is_400(people, login):
    assert login(people.province).get(URL, {"region": "16\x00"}).status_code == 400


def test_pages_of_50_with_a_fixed_number_of_queries(people, login, regions):
    def queries(client, **params):
        client.get(URL, params)  # warm up
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, params)
        return response, len(captured)

    client = login(people.province)
    for _ in range(3):
        LibraryFactory(region=regions["16.07.10.1002"])
    _, few = queries(client)
    for i in range(60):
        library = LibraryFactory(region=regions["16.07.10.1004"], whatsapp=f"62812000{i:04d}")
        if i % 2:
            MonthlyReportFactory(library=library, month=months_ago(1))
    response, many = queries(client)
    assert len(response.context["rows"]) == 50
    assert many == few


def test_wrong_method_is_405(people, login):
    assert login(people.province).post(URL).status_code == 405


def test_the_month_box_shows_the_month_counted(people, login):
    for params in ({}, {"month": "  "}):
        response = login(people.province).get(URL, params)
        assert f'value="{months_ago(1):%Y-%m}"'.encode() in response.content


OCTOBER = datetime.date(2026, 10, 1)


@pytest.fixture
def october(libraries):
    """October 2026 (due on 10 November) in Sumatera Selatan: three libraries expected, one
    report filed on time."""
    MonthlyReportFactory(library=libraries.air_batu, month=OCTOBER, submitted_at=at(OCTOBER))
    return {"month": "2026-10"}


@override_settings(REPORT_DUE_DAY=10)
def test_on_the_due_day_missing_reports_are_not_yet_late(people, login, october, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 10))
    response = login(people.province).get(URL, october)
    assert counts(response) == (
        3,
        [("on_time", 1, 33), ("late", 0, 0), ("overdue", 0, 0), ("not_yet", 2, 67)],
    )
    assert set(states(response).values()) == {"on_time", "not_yet"}


@override_settings(REPORT_DUE_DAY=10)
def test_the_day_after_the_due_day_missing_reports_count_as_late(
    people, login, libraries, october, monkeypatch
):
    freeze_today(monkeypatch, datetime.date(2026, 11, 11))
    MonthlyReportFactory(
        library=libraries.kemang_manis, month=OCTOBER, submitted_at=at(datetime.date(2026, 11, 11))
    )
    response = login(people.province).get(URL, october)
    expected, found = counts(response)
    assert (expected, found) == (
        3,
        [("on_time", 1, 33), ("late", 1, 33), ("overdue", 1, 33), ("not_yet", 0, 0)],
    )
    late = response.context["counts"]["states"][1]
    assert (late["state"], late["count"], late["percent"]) == ("late", 2, 67)
    on_time, late_total, not_yet = (s["count"] for s in response.context["counts"]["states"])
    assert on_time + late_total + not_yet == expected
    page = response.content.decode()
    assert "Late, not in" in page and "Filed late" in page
    assert states(response) == {
        "Perpustakaan Desa Air Batu": "on_time",
        "Perpustakaan Kelurahan Tiga-puluh-lima Ilir": "late",
        "Perpustakaan Daerah Banyuasin": "overdue",
    }
