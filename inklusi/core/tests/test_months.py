import datetime

import pytest
from django.utils import timezone, translation

from inklusi.core.months import (
    add_months,
    first_of_month,
    last_months,
    month_label,
    month_range,
    months_between,
    next_month,
    previous_month,
    this_month,
)

D = datetime.date


def test_first_of_month():
    assert first_of_month(D(2026, 2, 28)) == D(2026, 2, 1)
    assert this_month(D(2026, 3, 31)) == D(2026, 3, 1)
    assert this_month() == timezone.localdate().replace(day=1)


@pytest.mark.parametrize(
    "start,count,expected",
    [
        (D(2026, 1, 1), -1, D(2025, 12, 1)),
        (D(2026, 12, 1), 1, D(2027, 1, 1)),
        (D(2026, 5, 1), -17, D(2024, 12, 1)),
        (D(2026, 1, 31), 1, D(2026, 2, 1)),  # any day: the month's first day comes out
        (D(2026, 5, 1), 0, D(2026, 5, 1)),
    ],
)
def test_add_months(start, count, expected):
    assert add_months(start, count) == expected


def test_previous_and_next_month():
    assert previous_month(D(2026, 1, 15)) == D(2025, 12, 1)
    assert previous_month(D(2026, 3, 1)) == D(2026, 2, 1)
    assert next_month(D(2025, 12, 1)) == D(2026, 1, 1)
    assert next_month(D(2026, 1, 31)) == D(2026, 2, 1)
    assert previous_month() == add_months(this_month(), -1)


def test_month_range_and_its_length():
    run = month_range(D(2025, 11, 1), D(2026, 2, 1))
    assert run == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    assert months_between(D(2025, 11, 1), D(2026, 2, 1)) == 4
    assert month_range(D(2026, 2, 1), D(2026, 2, 1)) == [D(2026, 2, 1)]
    assert month_range(D(2026, 3, 1), D(2026, 2, 1)) == []


def test_last_months_are_the_full_months_before_this_one():
    twelve = last_months(12, D(2026, 1, 20))
    assert len(twelve) == 12
    assert twelve[0] == D(2025, 1, 1)
    assert twelve[-1] == D(2025, 12, 1)
    assert last_months(1, D(2026, 3, 1)) == [D(2026, 2, 1)]


def test_month_label():
    with translation.override("en"):
        assert month_label(D(2026, 7, 1)) == "July 2026"
