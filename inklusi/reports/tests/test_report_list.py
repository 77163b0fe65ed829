"""The list of reports in the user's area, newest month first, with what is left to file."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.testing.factories import ActivityFactory, LibraryFactory, MonthlyReportFactory

from .helpers import months_ago, this_month

URL = reverse("reports:list")


def names(response):
    return [(r.library.name, r.month) for r in response.context["page"]]


@pytest.fixture
def reports(libraries):
    return [
        MonthlyReportFactory(library=libraries.air_batu, month=months_ago(2)),
        MonthlyReportFactory(library=libraries.air_batu, month=months_ago(3)),
        MonthlyReportFactory(library=libraries.banyuasin, month=months_ago(2)),
        MonthlyReportFactory(library=libraries.kemang_manis, month=months_ago(1)),
        MonthlyReportFactory(library=libraries.medan, month=months_ago(1)),
    ]


def test_it_works(people, login, reports, libraries):
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(2).replace(day=4))
    response = login(people.province).get(URL)
    assert response.status_code == 200
    assert names(response) == [
        ("Perpustakaan Kelurahan Tiga-puluh-lima Ilir", months_ago(1)),
        ("Perpustakaan Daerah Banyuasin", months_ago(2)),
        ("Perpustakaan Desa Air Batu", months_ago(2)),
        ("Perpustakaan Desa Air Batu", months_ago(3)),
    ]
    assert [r.activities for r in response.context["page"]] == [0, 0, 1, 0]
    assert b"badge-" in response.content


def test_it_checks_scope(people, login, reports):
    response = login(people.charlie).get(URL)
    assert [name for name, _ in names(response)] == ["Perpustakaan Kelurahan Tiga-puluh-lima Ilir"]
    assert names(login(people.nobody).get(URL)) == []


@override_settings(REPORT_OPENS_DAYS_BEFORE_END=31)
def test_a_manager_sees_their_library_and_what_is_left_to_file(people, login, reports):
    client = login(people.manager)
    response = client.get(URL)
    assert {name for name, _ in names(response)} == {"Perpustakaan Desa Air Batu"}
    months = [item["month"] for item in response.context["to_file"]]
    assert months == [months_ago(1), this_month()]
    assert f"?library={reports[0].library_id}&amp;month={months_ago(1):%Y-%m}" in (
        response.content.decode()
    )
    MonthlyReportFactory(library=reports[0].library, month=months_ago(1))
    MonthlyReportFactory(library=reports[0].library, month=this_month())
    assert client.get(URL).context["to_file"] == []


def test_read_only_viewer_sees_but_is_not_offered_to_file(people, login, reports):
    response = login(people.viewer).get(URL)
    assert len(names(response)) == 3
    assert not response.context["can_file"]
    assert reverse("reports:create").encode() not in response.content


def test_filters(people, login, reports):
    client = login(people.admin)
    response = client.get(URL, {"month": f"{months_ago(2):%Y-%m}"})
    assert {m for _, m in names(response)} == {months_ago(2)}
    assert len(names(response)) == 2
    response = client.get(URL, {"q": "banyuasin"})
    assert {n for n, _ in names(response)} == {"Perpustakaan Daerah Banyuasin"}
    response = client.get(URL, {"q": "Pasar Baru"})
    assert {n for n, _ in names(response)} == {"Perpustakaan Kelurahan Pasar Baru"}


@pytest.mark.parametrize(
    "params", [{"month": "2024-13"}, {"month": "x" * 300}, {"q": "x" * 500}, {"page": "abc"}]
)
def test_bad_filters_are_shown_not_500(people, login, reports, params):
    assert login(people.admin).get(URL, params).status_code == 200


def test_pages_of_25_and_no_query_per_row(people, login, regions):
    for i in range(30):
        library = LibraryFactory(region=regions["16.07.10.1002"])
        MonthlyReportFactory(library=library, month=months_ago(1 + i % 3))
    client = login(people.admin)
    client.get(URL)  # warm up the session and scope
    with CaptureQueriesContext(connection) as few:
        response = client.get(URL)
    assert len(response.context["page"]) == 25
    assert response.context["count"] == 30
    with CaptureQueriesContext(connection) as more:
        assert len(client.get(URL, {"page": 2}).context["page"]) == 5
    assert len(few) == len(more)


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
