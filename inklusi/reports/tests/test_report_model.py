"""The report's own rules: what a valid month looks like, when it is due, what is unusual."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from inklusi.core.months import next_month
from inklusi.reports.models import MonthlyReport, due_date
from inklusi.testing.factories import MonthlyReportFactory

from .helpers import at, months_ago, this_month


def errors_of(report):
    with pytest.raises(ValidationError) as caught:
        report.full_clean()
    return caught.value.message_dict


def test_an_ordinary_report_is_valid(libraries):
    MonthlyReportFactory.build(library=libraries.air_batu).full_clean()


def test_a_future_month_is_refused(libraries):
    future = (this_month() + datetime.timedelta(days=40)).replace(day=1)
    report = MonthlyReportFactory.build(library=libraries.air_batu, month=future)
    assert "month" in errors_of(report)


def test_this_month_is_refused_until_it_ends(libraries):
    report = MonthlyReportFactory.build(library=libraries.air_batu, month=this_month())
    assert errors_of(report)["month"] == [
        f"The report for {this_month():%B %Y} can be filed from "
        f"{next_month(this_month()):%-d %B %Y}."
    ]


@override_settings(REPORT_OPENS_DAYS_BEFORE_END=31)
def test_this_month_is_allowed_once_it_opens(libraries):
    MonthlyReportFactory.build(library=libraries.air_batu, month=this_month()).full_clean()


def test_any_day_is_stored_as_the_first_of_the_month(libraries):
    report = MonthlyReportFactory.build(
        library=libraries.air_batu, month=datetime.date(2024, 2, 17)
    )
    report.full_clean()
    assert report.month == datetime.date(2024, 2, 1)


def test_more_open_days_than_the_month_has(libraries):
    report = MonthlyReportFactory.build(
        library=libraries.air_batu, month=datetime.date(2023, 2, 1), open_days=29
    )
    assert errors_of(report)["open_days"] == ["That month has only 28 days."]
    report.open_days = 28
    report.full_clean()


def test_leap_february_has_29_days(libraries):
    report = MonthlyReportFactory.build(
        library=libraries.air_batu, month=datetime.date(2024, 2, 1), open_days=29
    )
    report.full_clean()


def test_members_in_total_cannot_be_fewer_than_new_members(libraries):
    report = MonthlyReportFactory.build(library=libraries.air_batu, new_members=10, total_members=9)
    assert "total_members" in errors_of(report)


@pytest.mark.parametrize("name", ["computer_users", "internet_users"])
def test_computer_and_internet_users_cannot_exceed_visitors(libraries, name):
    report = MonthlyReportFactory.build(
        library=libraries.air_batu, visitors_female=10, visitors_male=5, **{name: 16}
    )
    assert errors_of(report)[name] == ["This cannot be more than all visitors (15)."]


@override_settings(REPORT_DUE_DAY=10)
def test_december_is_due_in_january_of_the_next_year():
    assert due_date(datetime.date(2024, 12, 1)) == datetime.date(2025, 1, 10)
    assert due_date(datetime.date(2025, 1, 31)) == datetime.date(2025, 2, 10)


@override_settings(REPORT_DUE_DAY=10)
def test_on_time_is_decided_by_the_local_date_of_the_first_submission():
    december = datetime.date(2024, 12, 1)
    report = MonthlyReport(month=december, submitted_at=at(datetime.date(2025, 1, 10), hour=23))
    assert report.on_time
    report.submitted_at = at(datetime.date(2025, 1, 11), hour=0)
    assert not report.on_time


def history(library, values, start=1):
    """Reports of the months before last month, most recent first, with these visitor counts."""
    for i, value in enumerate(values, start=start):
        MonthlyReportFactory(library=library, month=months_ago(1 + i), visitors_female=value)


def unusual(library, **figures):
    report = MonthlyReportFactory.build(library=library, month=months_ago(1), **figures)
    return report.unusual_figures()


def test_no_history_nothing_is_unusual(libraries):
    assert unusual(libraries.air_batu, visitors_female=100_000) == []


def test_ten_times_the_median_is_unusual(libraries):
    history(libraries.air_batu, [100, 120, 140])
    assert unusual(libraries.air_batu, visitors_female=1199) == []
    assert unusual(libraries.air_batu, visitors_female=1200) == [("visitors_female", 1200, 120)]


def test_small_numbers_are_never_unusual(libraries):
    history(libraries.air_batu, [1, 2, 3])
    assert unusual(libraries.air_batu, visitors_female=49) == []
    assert unusual(libraries.air_batu, visitors_female=50) == [("visitors_female", 50, 2)]


def test_only_the_last_twelve_reports_count(libraries):
    history(libraries.air_batu, [100] * 12)
    history(libraries.air_batu, [10_000] * 6, start=13)
    assert unusual(libraries.air_batu, visitors_female=1000) == [("visitors_female", 1000, 100)]


def test_later_reports_are_not_history(libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=this_month(), visitors_female=5)
    assert unusual(libraries.air_batu, visitors_female=1000) == []
