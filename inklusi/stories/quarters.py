"""Quarters as the selection sees them: the first day of the quarter, "2026-Q3" in addresses."""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import quarter_of

QUARTER = re.compile(r"([0-9]{4})-[Qq]([1-4])")


def parse(text, today=None):
    """The quarter "2026-Q3" names, or the current quarter when it names none."""
    found = QUARTER.fullmatch(text or "")
    if found and 2000 <= int(found[1]) <= 2100:
        return datetime.date(int(found[1]), (int(found[2]) - 1) * 3 + 1, 1)
    return quarter_of(today or timezone.localdate())


def key(quarter):
    return f"{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"


def label(quarter):
    return _("Quarter %(number)s %(year)s") % {
        "number": (quarter.month - 1) // 3 + 1,
        "year": quarter.year,
    }


def shift(quarter, count):
    months = quarter.year * 12 + quarter.month - 1 + 3 * count
    return datetime.date(months // 12, months % 12 + 1, 1)
