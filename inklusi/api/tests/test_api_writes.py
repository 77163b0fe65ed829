"""Writing through the API: the web's forms check the data and its services save it, so an
API write and a form write give the same record and the same dashboard summaries."""

import pytest
from django.forms.models import model_to_dict

from inklusi.activities.models import Activity, Status
from inklusi.activities.tests.helpers import activity_data
from inklusi.core.months import previous_month
from inklusi.monitoring.models import LibraryMonth, RegionMonth
from inklusi.reports.models import MonthlyReport
from inklusi.reports.tests.helpers import new_report
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.photos import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db

SKIPPED = {"id", "created_at", "updated_at", "published_at"}


def record(row):
    return {k: v for k, v in model_to_dict(row).items() if k not in SKIPPED}


def summaries():
    return (
        list(LibraryMonth.objects.order_by("library_id", "month").values()),
        list(RegionMonth.objects.order_by("region_code", "month").values()),
    )


def without_ids(rows):
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def test_an_api_write_and_a_form_write_give_the_same_record_and_summaries(
    api, login, people, libraries
):
    data = activity_data(libraries.air_batu, action="publish")
    login(people.manager).post("/kegiatan/baru/", data)
    by_form = Activity.objects.get()
    form_summaries = summaries()
    by_form.delete()
    LibraryMonth.objects.all().delete()
    RegionMonth.objects.all().delete()

    sent = {k: v for k, v in data.items() if k != "action"} | {"publish": "true"}
    response = api(people.manager).post("/api/v1/activities/", sent)
    assert response.status_code == 201, response.content
    by_api = Activity.objects.get()
    assert record(by_api) == record(by_form)
    assert by_api.status == Status.PUBLISHED
    api_summaries = summaries()
    assert [without_ids(rows) for rows in api_summaries] == [
        without_ids(rows) for rows in form_summaries
    ]


def test_an_activity_with_photos_in_multipart(api, people, libraries):
    data = activity_data(libraries.air_batu)
    data.pop("action")
    data["photos"] = [upload(jpeg_with_gps((640, 480)), name="a.jpg")]
    data["photos_consent"] = "true"
    response = api(people.manager).post("/api/v1/activities/", data, format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert [photo["consent_to_publish"] for photo in body["photos"]] == [True]


def test_the_forms_messages_come_back_as_400(api, people, libraries):
    data = activity_data(libraries.air_batu, participants_children="3", action="")
    data["photos"] = [upload(b"not a photo", name="x.jpg")]
    response = api(people.manager).post("/api/v1/activities/", data, format="multipart")
    assert response.status_code == 400
    errors = response.json()
    assert "participants_children" in errors and "photos" in errors
    assert not Activity.objects.exists()


def test_json_of_the_wrong_types_is_a_400(api, people, libraries):
    client = api(people.manager)
    for body in (
        {"starts_on": 5, "title": {"a": 1}, "library": [1, 2]},
        ["not", "an", "object"],
    ):
        response = client.post("/api/v1/activities/", body, format="json")
        assert response.status_code == 400, response.content
    assert not Activity.objects.exists()


def test_a_library_outside_the_scope_is_refused(api, people, libraries):
    data = activity_data(libraries.kemang_manis)
    response = api(people.regency).post("/api/v1/activities/", data)
    assert response.status_code == 400
    assert "library" in response.json()


def test_change_only_the_fields_sent(api, people, libraries):
    activity = ActivityFactory(library=libraries.air_batu, status=Status.DRAFT)
    response = api(people.manager).patch(
        f"/api/v1/activities/{activity.pk}/", {"title": "Dongeng baru"}, format="json"
    )
    assert response.status_code == 200, response.content
    activity.refresh_from_db()
    assert activity.title == "Dongeng baru"
    assert activity.participants_female == 7


def test_outside_the_scope_a_change_is_404_and_changes_nothing(api, people, libraries):
    activity = ActivityFactory(library=libraries.air_batu)
    report = MonthlyReportFactory(library=libraries.air_batu)
    for who in (people.charlie, people.viewer):
        client = api(who)
        url = f"/api/v1/activities/{activity.pk}/"
        assert client.patch(url, {"title": "X"}, format="json").status_code == 404
        url = f"/api/v1/reports/{report.pk}/"
        assert client.patch(url, {"loans": "1"}, format="json").status_code == 404
    activity.refresh_from_db()
    report.refresh_from_db()
    assert activity.title != "X" and report.loans == 140


def test_a_viewer_cannot_create(api, people, libraries):
    response = api(people.viewer).post("/api/v1/activities/", activity_data(libraries.air_batu))
    assert response.status_code == 403


def test_a_read_only_token_cannot_write(api, people, libraries):
    client = api(people.manager, read_only=True)
    response = client.post("/api/v1/activities/", activity_data(libraries.air_batu))
    assert response.status_code == 403
    assert not Activity.objects.exists()
    assert client.get("/api/v1/activities/").status_code == 200


def test_a_report_through_the_api_and_the_form_are_the_same(api, login, people, libraries):
    month = previous_month()
    login(people.manager).post("/laporan/baru/", new_report(libraries.air_batu, month))
    by_form = MonthlyReport.objects.get()
    form_summaries = summaries()
    by_form.delete()
    LibraryMonth.objects.all().delete()
    RegionMonth.objects.all().delete()

    response = api(people.manager).post(
        "/api/v1/reports/", new_report(libraries.air_batu, month), format="json"
    )
    assert response.status_code == 201, response.content
    by_api = MonthlyReport.objects.get()
    skipped = {"submitted_at"}
    assert {k: v for k, v in record(by_api).items() if k not in skipped} == {
        k: v for k, v in record(by_form).items() if k not in skipped
    }
    assert [without_ids(rows) for rows in summaries()] == [
        without_ids(rows) for rows in form_summaries
    ]


def test_a_second_report_for_the_month_is_a_400(api, people, libraries):
    MonthlyReportFactory(library=libraries.air_batu)
    response = api(people.manager).post(
        "/api/v1/reports/", new_report(libraries.air_batu, previous_month()), format="json"
    )
    assert response.status_code == 400
    assert MonthlyReport.objects.count() == 1


def test_unusual_figures_need_confirm(api, people, libraries):
    from inklusi.reports.tests.helpers import months_ago

    for n in (2, 3, 4):
        MonthlyReportFactory(library=libraries.air_batu, month=months_ago(n))
    client = api(people.manager)
    data = new_report(libraries.air_batu, previous_month(), loans="90000")
    response = client.post("/api/v1/reports/", data, format="json")
    assert response.status_code == 400 and "confirm" in response.json()
    response = client.post("/api/v1/reports/", {**data, "confirm": True}, format="json")
    assert response.status_code == 201, response.content
    assert MonthlyReport.objects.get(month=previous_month()).unusual_confirmed
