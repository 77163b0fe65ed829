"""A report's page: its figures, the month's activities, whether it came on time."""

from django.test import override_settings
from django.urls import reverse

from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import at, months_ago


def url(report):
    return reverse("reports:detail", args=[report.pk])


@override_settings(REPORT_DUE_DAY=10)
def test_it_works(people, login, libraries):
    report = MonthlyReportFactory(
        library=libraries.air_batu,
        month=months_ago(2),
        visitors_female=1200,
        submitted_at=at(months_ago(1).replace(day=10)),
        submitted_by=people.manager,
        notes="Listrik padam dua hari",
    )
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(2).replace(day=20))
    response = login(people.viewer).get(url(report))
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["activity_count"] == 1
    assert "1,295" in page  # visitors in total
    assert "On time" in page
    assert people.manager.full_name in page and people.manager.email not in page
    assert "Listrik padam dua hari" in page
    assert not response.context["can_edit"]
    assert login(people.manager).get(url(report)).context["can_edit"]


@override_settings(REPORT_DUE_DAY=10)
def test_a_late_report_says_so(people, login, libraries):
    report = MonthlyReportFactory(
        library=libraries.air_batu,
        month=months_ago(2),
        submitted_at=at(months_ago(1).replace(day=11)),
    )
    assert "Filed late" in login(people.manager).get(url(report)).content.decode()


def test_it_checks_scope(people, login, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu)
    assert login(people.charlie).get(url(report)).status_code == 404
    assert login(people.nobody).get(url(report)).status_code == 404


def test_another_library_is_404_for_a_manager(people, login, libraries):
    report = MonthlyReportFactory(library=libraries.banyuasin)
    assert login(people.manager).get(url(report)).status_code == 404


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("reports:detail", args=[987654])).status_code == 404
    assert login(people.admin).get("/laporan/99999999999999999999999/").status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu)
    assert login(people.manager).post(url(report)).status_code == 405
