"""Quarters, written as their first day: the KPI card's period."""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from inklusi.core.months import add_months, this_month

QUARTER_TEXT = re.compile(r"^(\d{4})-[Qq]([1-4])$")


def quarter_of(day):
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def last_complete(today=None):
    """The quarter before today's: the last one whose months are all over."""
    return add_months(quarter_of(this_month(today)), -3)


def previous(quarter):
    return add_months(quarter, -3)


def months(quarter):
    return [add_months(quarter, i) for i in range(3)]


def last_day(quarter):
    return add_months(quarter, 3) - datetime.timedelta(days=1)


def number(quarter):
    return (quarter.month - 1) // 3 + 1


def label(quarter):
    return _("Q%(n)s %(year)s") % {"n": number(quarter), "year": quarter.year}


def text(quarter):
    """ "2026-Q3": the quarter in an address."""
    return f"{quarter.year}-Q{number(quarter)}"


def parse(value, today=None):
    """The complete quarter `value` ("2026-Q3") names, or None when it names none."""
    match = QUARTER_TEXT.match(value or "")
    if not match:
        return None
    year = int(match.group(1))
    if not 2000 <= year <= 2999:
        return None
    quarter = datetime.date(year, (int(match.group(2)) - 1) * 3 + 1, 1)
    return quarter if quarter <= last_complete(today or timezone.localdate()) else None


def next_complete(quarter, today=None):
    """The quarter after `quarter` if it is complete, else None."""
    following = add_months(quarter, 3)
    return following if following <= last_complete(today) else None
