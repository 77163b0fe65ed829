"""Reading through the API: what each list holds, its filters, cursor pages, ETags."""

import datetime

import pytest
from django.utils import timezone

from inklusi.core.months import previous_month
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

pytestmark = pytest.mark.django_db


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def test_activity_list_holds_only_the_scope(api, people, libraries):
    inside = ActivityFactory(library=libraries.air_batu)
    outside = ActivityFactory(library=libraries.kemang_manis)
    response = api(people.regency).get("/api/v1/activities/")
    assert response.status_code == 200
    assert inside.pk in ids(response) and outside.pk not in ids(response)
    assert api(people.admin).get(f"/api/v1/activities/{outside.pk}/").status_code == 200
    assert api(people.regency).get(f"/api/v1/activities/{outside.pk}/").status_code == 404


def test_filters_by_region_library_and_month(api, people, libraries):
    old = ActivityFactory(
        library=libraries.air_batu, starts_on=timezone.localdate() - datetime.timedelta(days=70)
    )
    recent = ActivityFactory(library=libraries.banyuasin)
    palembang = ActivityFactory(library=libraries.kemang_manis)
    client = api(people.admin)
    assert ids(client.get("/api/v1/activities/", {"region": "16.07"})) == {old.pk, recent.pk}
    assert ids(client.get("/api/v1/activities/", {"region": "16.71"})) == {palembang.pk}
    assert ids(client.get("/api/v1/activities/", {"library": libraries.air_batu.pk})) == {old.pk}
    month = f"{old.starts_on:%Y-%m}"
    assert ids(client.get("/api/v1/activities/", {"month": month})) == {old.pk}


@pytest.mark.parametrize(
    "params",
    [{"region": "Banyuasin"}, {"library": "abc"}, {"month": "2026-13"}, {"month": "maret"}],
)
def test_a_malformed_filter_is_a_400_naming_it(api, people, params):
    response = api(people.admin).get("/api/v1/activities/", params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_cursor_pages_walk_every_row_once(api, people, libraries):
    made = {ActivityFactory(library=libraries.air_batu).pk for _ in range(5)}
    client, seen, url = api(people.admin), [], "/api/v1/activities/?limit=2"
    while url:
        page = client.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(made)
    assert client.get("/api/v1/activities/", {"cursor": "not-a-cursor"}).status_code == 404


def test_an_unchanged_answer_is_304_with_its_etag(api, people, libraries):
    MonthlyReportFactory(library=libraries.air_batu)
    client = api(people.regency)
    first = client.get("/api/v1/reports/")
    etag = first["ETag"]
    again = client.get("/api/v1/reports/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    MonthlyReportFactory(library=libraries.banyuasin)
    changed = client.get("/api/v1/reports/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_reports_libraries_regions_and_trainings_read(api, people, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu)
    client = api(people.manager)
    body = client.get(f"/api/v1/reports/{report.pk}/").json()
    assert body["month"] == f"{previous_month():%Y-%m-%d}"
    assert body["visitors_total"] == 215
    assert "submitted_by" not in body
    assert ids(client.get("/api/v1/libraries/")) == {libraries.air_batu.pk}
    assert client.get(f"/api/v1/libraries/{libraries.sukajadi.pk}/").status_code == 404
    regions = api(people.regency).get("/api/v1/regions/", {"region": "16.07"}).json()
    assert "16.07" in {row["code"] for row in regions["results"]}
    assert api(people.regency).get("/api/v1/regions/16.71/").status_code == 200  # public
    assert api(people.regency).get("/api/v1/regions/99.99/").status_code == 404
    assert client.get("/api/v1/trainings/").status_code == 200


def test_indicators_are_the_dashboards(api, people, libraries, login):
    MonthlyReportFactory(library=libraries.air_batu)
    ActivityFactory(library=libraries.air_batu, starts_on=previous_month())
    month = f"{previous_month():%Y-%m}"
    body = api(people.regency).get(
        "/api/v1/indicators/", {"region": "16.07", "period": "month", "at": month}
    )
    assert body.status_code == 200
    figures = {row["key"]: row["value"] for row in body.json()["indicators"]}
    assert figures["visitors"] == 215
    assert figures["activities"] == 1
    page = login(people.regency).get(f"/pantauan/wilayah/16.07/?period=month&at={month}")
    assert page.context["board"].figures["visitors"] == figures["visitors"]


@pytest.mark.parametrize(
    "params,code",
    [
        ({"region": "16.71"}, 404),
        ({}, 404),
        ({"library": "999999"}, 404),
        ({"region": "16.07", "period": "month", "at": "2026-99"}, 400),
        ({"region": "16.07", "period": "week"}, 400),
    ],
)
def test_indicators_refuse_what_the_dashboard_refuses(api, people, params, code):
    assert api(people.regency).get("/api/v1/indicators/", params).status_code == code


def test_without_a_token_or_session_the_api_answers_401(client, db):
    response = client.get("/api/v1/activities/")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_the_session_works_too(login, people):
    assert login(people.manager).get("/api/v1/activities/").status_code == 200
