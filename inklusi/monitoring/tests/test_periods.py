"""The dashboard's periods: what each URL asks for, what it is compared with, what comes next
and how it is written. `today` pins the date (freezegun is not installed), so the edges of a
year and of a quarter are tested on the days that matter."""

import datetime

import pytest
from django.utils import timezone, translation

from inklusi.core.months import months_between, previous_month
from inklusi.monitoring.periods import MAX_MONTHS, Period, PeriodError, default_period, parse_period

D = datetime.date


def month(text):
    """D(2026, 7, 1) from "2026-07"."""
    year, number = text.split("-")
    return D(int(year), int(number), 1)


def span(first, last, kind):
    return Period(month(first), month(last), kind)


@pytest.fixture
def today(monkeypatch):
    """today(date) makes `date` the local date of the code under test."""

    def _today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    _today(D(2026, 10, 15))
    return _today


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_without_parameters_the_last_month_of_the_real_calendar():
    last = previous_month(timezone.localdate())
    assert parse_period({}) == Period(last, last, "month") == default_period()


# Parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day,params,expected",
    [
        (D(2026, 10, 15), {}, span("2026-09", "2026-09", "month")),
        (D(2026, 1, 1), {}, span("2025-12", "2025-12", "month")),
        (D(2026, 10, 15), {"period": "month"}, span("2026-09", "2026-09", "month")),
        (
            D(2026, 10, 15),
            {"period": "month", "at": "2026-03"},
            span("2026-03", "2026-03", "month"),
        ),
        (
            D(2026, 10, 15),
            {"period": "month", "at": " 2026-3 "},
            span("2026-03", "2026-03", "month"),
        ),
        (
            D(2026, 10, 15),
            {"period": "month", "at": "2026-10"},
            span("2026-10", "2026-10", "month"),
        ),
        (D(2026, 10, 15), {"at": "2024-02"}, span("2024-02", "2024-02", "month")),
        # The last complete quarter by default.
        (D(2026, 10, 1), {"period": "quarter"}, span("2026-07", "2026-09", "quarter")),
        (D(2026, 12, 31), {"period": "quarter"}, span("2026-07", "2026-09", "quarter")),
        (D(2026, 2, 10), {"period": "quarter"}, span("2025-10", "2025-12", "quarter")),
        (
            D(2026, 10, 15),
            {"period": "quarter", "at": "2025-Q1"},
            span("2025-01", "2025-03", "quarter"),
        ),
        (
            D(2026, 10, 15),
            {"period": "quarter", "at": "2025-q4"},
            span("2025-10", "2025-12", "quarter"),
        ),
        # A quarter or year in progress runs up to this month.
        (
            D(2026, 11, 20),
            {"period": "quarter", "at": "2026-Q4"},
            span("2026-10", "2026-11", "quarter"),
        ),
        (D(2026, 10, 15), {"period": "year"}, span("2026-01", "2026-10", "year")),
        (D(2026, 1, 5), {"period": "year"}, span("2026-01", "2026-01", "year")),
        (D(2026, 10, 15), {"period": "year", "at": "2025"}, span("2025-01", "2025-12", "year")),
        (D(2026, 10, 15), {"period": "year", "at": "2026"}, span("2026-01", "2026-10", "year")),
        (
            D(2026, 10, 15),
            {"period": "range", "from": "2026-01", "to": "2026-06"},
            span("2026-01", "2026-06", "range"),
        ),
        (D(2026, 10, 15), {"from": "2026-04"}, span("2026-04", "2026-04", "range")),
        (
            D(2026, 10, 15),
            {"period": "range", "from": "2025-11", "to": "2026-10"},
            span("2025-11", "2026-10", "range"),
        ),
        (
            D(2026, 10, 15),
            {"period": "range", "from": "2016-11", "to": "2026-10"},
            span("2016-11", "2026-10", "range"),
        ),
    ],
)
def test_parse_period(today, day, params, expected):
    today(day)
    assert parse_period(params) == expected


def test_a_range_of_the_longest_length_is_allowed(today):
    period = parse_period({"period": "range", "from": "2016-11", "to": "2026-10"})
    assert period.length == MAX_MONTHS


@pytest.mark.parametrize(
    "params",
    [
        {"period": "nonsense"},
        {"period": "month", "at": "abc"},
        {"period": "month", "at": "2026-13"},
        {"period": "month", "at": "2026-00"},
        {"period": "month", "at": "1899-12"},
        {"period": "month", "at": "2026-07-01"},
        {"period": "month", "at": "2026-11"},  # next month
        {"period": "quarter", "at": "2026-Q5"},
        {"period": "quarter", "at": "2026-Q0"},
        {"period": "quarter", "at": "Q3"},
        {"period": "quarter", "at": "1899-Q4"},
        {"period": "quarter", "at": "2027-Q1"},  # not begun
        {"period": "year", "at": "26"},
        {"period": "year", "at": "abc"},
        {"period": "year", "at": "1899"},
        {"period": "year", "at": "2027"},
        {"period": "range"},  # no first month
        {"period": "range", "from": "abc"},
        {"period": "range", "from": "2026-01", "to": "juni"},
        {"period": "range", "from": "2026-06", "to": "2026-01"},
        {"period": "range", "from": "2026-09", "to": "2026-11"},  # ends next month
        {"period": "range", "from": "2026-11", "to": "2026-12"},  # not begun
        {"period": "range", "from": "2016-10", "to": "2026-10"},  # 121 months
        {"period": "range", "from": "2015-01", "to": "2025-12"},  # eleven years
        {"from": "abc"},
    ],
)
def test_periods_that_cannot_be_shown_say_why(today, params):
    with pytest.raises(PeriodError) as error:
        parse_period(params)
    assert str(error.value)


# Comparing and stepping --------------------------------------------------------------------


@pytest.mark.parametrize(
    "period,previous",
    [
        (span("2026-09", "2026-09", "month"), span("2026-08", "2026-08", "month")),
        (span("2026-01", "2026-01", "month"), span("2025-12", "2025-12", "month")),
        (span("2026-07", "2026-09", "quarter"), span("2026-04", "2026-06", "quarter")),
        (span("2026-01", "2026-03", "quarter"), span("2025-10", "2025-12", "quarter")),
        (span("2025-01", "2025-12", "year"), span("2024-01", "2024-12", "year")),
        # A year in progress is compared with the same months of the year before.
        (span("2026-01", "2026-10", "year"), span("2025-01", "2025-10", "year")),
        (span("2026-01", "2026-06", "range"), span("2025-07", "2025-12", "range")),
        (span("2026-04", "2026-04", "range"), span("2026-03", "2026-03", "range")),
    ],
)
def test_previous(period, previous):
    assert period.previous() == previous


def test_a_year_in_progress_is_compared_with_the_same_months(today):
    year = parse_period({"period": "year"})
    assert year.previous().months == [D(2025, n, 1) for n in range(1, 11)]


@pytest.mark.parametrize(
    "period,following",
    [
        (span("2026-08", "2026-08", "month"), span("2026-09", "2026-09", "month")),
        (span("2026-09", "2026-09", "month"), span("2026-10", "2026-10", "month")),
        (span("2026-10", "2026-10", "month"), None),
        (span("2025-12", "2025-12", "month"), span("2026-01", "2026-01", "month")),
        (span("2026-04", "2026-06", "quarter"), span("2026-07", "2026-09", "quarter")),
        # The quarter in progress, up to this month.
        (span("2026-07", "2026-09", "quarter"), span("2026-10", "2026-10", "quarter")),
        (span("2026-10", "2026-10", "quarter"), None),
        (span("2025-01", "2025-12", "year"), span("2026-01", "2026-10", "year")),
        (span("2026-01", "2026-10", "year"), None),
        (span("2026-05", "2026-08", "range"), span("2026-09", "2026-10", "range")),
        (span("2026-03", "2026-06", "range"), span("2026-07", "2026-10", "range")),
        (span("2026-07", "2026-10", "range"), None),
    ],
)
def test_following_stops_at_this_month(today, period, following):
    assert period.following() == following


def test_stepping_back_and_forth_returns_to_a_complete_period(today):
    quarter = span("2026-04", "2026-06", "quarter")
    assert quarter.previous().following() == quarter
    assert quarter.following().previous() == quarter


# Words and addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "period,label",
    [
        (span("2026-09", "2026-09", "month"), "September 2026"),
        (span("2026-07", "2026-09", "quarter"), "Quarter 3 2026"),
        (span("2025-10", "2025-12", "quarter"), "Quarter 4 2025"),
        (span("2025-01", "2025-12", "year"), "2025"),
        (span("2026-01", "2026-10", "year"), "January 2026 – October 2026"),
        (span("2026-01", "2026-01", "year"), "January 2026"),
        (span("2026-01", "2026-06", "range"), "January 2026 – June 2026"),
        (span("2025-11", "2026-02", "range"), "November 2025 – February 2026"),
        (span("2026-03", "2026-03", "range"), "March 2026"),
    ],
)
def test_labels(period, label):
    assert period.label == label


def test_a_part_of_a_quarter_is_not_labelled_as_the_whole_quarter(today):
    today(D(2026, 11, 20))
    in_progress = parse_period({"period": "quarter", "at": "2026-Q4"})
    assert in_progress.previous() == span("2026-07", "2026-08", "quarter")
    assert in_progress.previous().label != "Quarter 3 2026"


@pytest.mark.parametrize(
    "params",
    [
        {"period": "month", "at": "2026-03"},
        {"period": "quarter", "at": "2025-Q4"},
        {"period": "quarter", "at": "2026-Q4"},
        {"period": "year", "at": "2025"},
        {"period": "year", "at": "2026"},
        {"period": "range", "from": "2025-11", "to": "2026-02"},
    ],
)
def test_query_selects_the_same_period_again(today, params):
    assert parse_period(parse_period(params).query()) == parse_period(params)


def test_months_and_length():
    period = span("2025-11", "2026-02", "range")
    assert period.months == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    assert period.length == 4 == months_between(period.first, period.last)
    assert span("2026-07", "2026-09", "quarter").length == 3
