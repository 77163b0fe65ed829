"""Months, written as the first day of the month (as reports and summary rows store them).

The calendar arithmetic every app shares: the month of a day, the months before and after,
a run of months, the last full months. Rules about months that belong to an app (when a
report is due, when it is late) stay in that app. This module imports no app.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def as_date(value):
    """A date column's value as a date, however the database gave it: a date, a datetime
    (a truncated timestamp) or ISO text (SQLite, read without Django's conversion)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value


def first_of_month(day):
    return day.replace(day=1)


def this_month(today=None):
    return first_of_month(today or timezone.localdate())


def add_months(month, count):
    """The first day of the month `count` months after `month`'s (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return month.replace(year=index // 12, month=index % 12 + 1, day=1)


def previous_month(today=None):
    """The month before today's: the last full month."""
    return add_months(this_month(today), -1)


def next_month(month):
    return add_months(month, 1)


def months_between(first, last):
    """How many months run from `first` to `last`, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def month_range(first, last):
    """The months from `first` to `last`, both included, oldest first."""
    return [add_months(first, i) for i in range(months_between(first, last))]


def last_months(count, today=None):
    """The `count` full months before today's month, oldest first."""
    last = previous_month(today)
    return month_range(add_months(last, 1 - count), last)


def month_label(month):
    return date_format(month, "F Y")
