"""When a month opens for filing (REPORT_OPENS_DAYS_BEFORE_END), enforced by the filing
service whatever face calls it, and what the manager's buttons say about the months to file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.reports import services
from inklusi.reports.models import MonthlyReport, opens_on
from inklusi.reports.queries import reports_to_file
from inklusi.testing.clock import freeze_today
from inklusi.testing.factories import MonthlyReportFactory

from .helpers import messages_of, new_report

NOVEMBER = datetime.date(2026, 11, 1)
OCTOBER = datetime.date(2026, 10, 1)


def build(library, month):
    return MonthlyReportFactory.build(library=library, month=month, submitted_by=None)


def test_by_default_a_month_opens_when_it_has_ended():
    assert opens_on(NOVEMBER) == datetime.date(2026, 12, 1)


@override_settings(REPORT_OPENS_DAYS_BEFORE_END=3)
def test_the_setting_opens_it_days_before_the_end():
    assert opens_on(NOVEMBER) == datetime.date(2026, 11, 28)


def test_the_service_refuses_a_month_not_yet_open(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    with pytest.raises(ValidationError) as caught:
        services.file_report(build(libraries.air_batu, NOVEMBER), people.manager)
    assert caught.value.messages == [
        "The report for November 2026 can be filed from 1 December 2026."
    ]
    assert not MonthlyReport.objects.exists()


@override_settings(REPORT_OPENS_DAYS_BEFORE_END=3)
def test_the_service_files_a_month_once_open(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    report = services.file_report(build(libraries.air_batu, NOVEMBER), people.manager)
    assert report.pk and report.on_time


def test_moving_a_report_into_a_month_not_yet_open_is_refused(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    report = MonthlyReportFactory(library=libraries.air_batu, month=OCTOBER)
    report.month = NOVEMBER
    with pytest.raises(ValidationError):
        services.update_report(report, people.manager)
    assert MonthlyReport.objects.get().month == OCTOBER


def test_the_form_says_when_the_month_opens(people, login, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    response = login(people.manager).post(
        reverse("reports:create"), new_report(libraries.air_batu, NOVEMBER)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["month"] == [
        "The report for November 2026 can be filed from 1 December 2026."
    ]
    assert not MonthlyReport.objects.exists()


def test_a_filed_report_is_sent(people, login, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    client = login(people.manager)
    response = client.post(
        reverse("reports:create"), new_report(libraries.air_batu, OCTOBER), follow=True
    )
    assert messages_of(response) == ["The report for October 2026 was sent."]
    report = MonthlyReport.objects.get()
    response = client.post(
        reverse("reports:edit", args=[report.pk]),
        new_report(libraries.air_batu, OCTOBER),
        follow=True,
    )
    assert messages_of(response) == ["The changes to the report for October 2026 were sent."]


@override_settings(REPORT_DUE_DAY=10)
def test_the_button_names_the_month_and_how_late_it_is(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    items = reports_to_file(Scope.of(people.manager))
    assert [(i["month"], i["text"], i["late"]) for i in items] == [
        (OCTOBER, "File the report for October 2026 — 18 days late", True)
    ]


@override_settings(REPORT_DUE_DAY=10, REPORT_OPENS_DAYS_BEFORE_END=3)
def test_before_the_due_day_the_button_gives_the_due_day(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    MonthlyReportFactory(library=libraries.air_batu, month=OCTOBER)
    items = reports_to_file(Scope.of(people.manager))
    assert [(i["month"], i["text"], i["late"]) for i in items] == [
        (NOVEMBER, "File the report for November 2026 — due 10 December 2026", False)
    ]


@override_settings(REPORT_DUE_DAY=10)
def test_one_day_late_is_singular(people, libraries, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 11))
    assert reports_to_file(Scope.of(people.manager))[0]["text"] == (
        "File the report for October 2026 — 1 day late"
    )


@override_settings(REPORT_DUE_DAY=10)
def test_the_home_page_shows_the_button_in_indonesian(
    people, login, libraries, client, monkeypatch
):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    client = login(people.manager)
    client.cookies["django_language"] = "id"
    page = client.get(reverse("home:home")).content.decode()
    assert "Isi laporan Oktober 2026 — terlambat 18 hari" in page
