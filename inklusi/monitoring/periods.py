"""The dashboard's period: whole months, from a month, quarter, year or a range of months, and
the period it is compared with.

A month or quarter is compared with the one just before; a year (which may be the current
year, up to this month) with the same months of the year before; a range with the range of
equal length just before it.
"""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.core.months import (
    add_months,
    first_of_month,
    month_range,
    months_between,
    previous_month,
)

KINDS = {
    "month": gettext_lazy("Month"),
    "quarter": gettext_lazy("Quarter"),
    "year": gettext_lazy("Year"),
    "range": gettext_lazy("Range of months"),
}
# A range longer than this is refused: ten years covers the whole programme.
MAX_MONTHS = 120
MONTH_TEXT = re.compile(r"^(\d{4})-(\d{1,2})$")
QUARTER_TEXT = re.compile(r"^(\d{4})-[Qq]([1-4])$")
YEAR_TEXT = re.compile(r"^(\d{4})$")


class PeriodError(ValueError):
    """A period that cannot be shown; the message says why, in the user's language."""


@dataclass(frozen=True)
class Period:
    first: object  # the first day of the first month
    last: object  # the first day of the last month
    kind: str = "range"

    @property
    def months(self):
        return month_range(self.first, self.last)

    @property
    def length(self):
        return months_between(self.first, self.last)

    @property
    def step(self):
        """How far the compared period lies back: a whole month, quarter or year (so a year in
        progress is compared with the same months of the year before), or a range's length."""
        return {"month": 1, "quarter": 3, "year": 12}.get(self.kind, self.length)

    def shifted(self, months):
        return Period(add_months(self.first, months), add_months(self.last, months), self.kind)

    def previous(self):
        return self.shifted(-self.step)

    def following(self):
        """The next period, or None when it would begin after this month."""
        following = self.shifted(self.step)
        if following.first > first_of_month(timezone.localdate()):
            return None
        if following.last > first_of_month(timezone.localdate()):
            following = Period(following.first, first_of_month(timezone.localdate()), self.kind)
        return following

    @property
    def is_whole(self):
        """Whether a quarter or year has all its months (one in progress has not)."""
        return self.length == {"quarter": 3, "year": 12}.get(self.kind, self.length)

    @property
    def in_progress(self):
        """Whether the period runs up to this month (a quarter or year not over yet)."""
        return self.last == first_of_month(timezone.localdate())

    @property
    def label(self):
        if self.kind == "month":
            return date_format(self.first, "F Y")
        if self.kind == "quarter" and self.is_whole:
            return _("Quarter %(number)s %(year)s") % {
                "number": (self.first.month - 1) // 3 + 1,
                "year": self.first.year,
            }
        if self.kind == "year" and self.is_whole:
            return str(self.first.year)
        if self.first == self.last:
            return date_format(self.first, "F Y")
        return f"{date_format(self.first, 'F Y')} – {date_format(self.last, 'F Y')}"

    def query(self):
        """The URL parameters that select this period."""
        if self.kind == "month":
            return {"period": "month", "at": f"{self.first:%Y-%m}"}
        if self.kind == "quarter" and (self.is_whole or self.in_progress):
            return {
                "period": "quarter",
                "at": f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}",
            }
        if self.kind == "year" and (self.is_whole or self.in_progress):
            return {"period": "year", "at": str(self.first.year)}
        return {"period": "range", "from": f"{self.first:%Y-%m}", "to": f"{self.last:%Y-%m}"}


def default_period():
    """The last complete month: its reports are the latest that can all be in."""
    month = previous_month()
    return Period(month, month, "month")


def _month(text, what):
    match = MONTH_TEXT.match((text or "").strip())
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1900:
        raise PeriodError(_("%(what)s is not a month (write it as 2026-07).") % {"what": what})
    return first_of_month(timezone.localdate()).replace(year=int(match[1]), month=int(match[2]))


def parse_period(params):
    """The period the URL asks for (the default without parameters). Raises PeriodError."""
    kind = params.get("period") or ("range" if params.get("from") else "month")
    at = (params.get("at") or "").strip()
    this_month = first_of_month(timezone.localdate())
    if kind not in KINDS:
        raise PeriodError(_("Unknown kind of period."))
    if kind == "month":
        if not at:
            return default_period()
        first = last = _month(at, _("The month"))
    elif kind == "quarter":
        if at:
            match = QUARTER_TEXT.match(at)
            if not match or int(match[1]) < 1900:
                raise PeriodError(_("The quarter is not valid (write it as 2026-Q3)."))
            first = this_month.replace(year=int(match[1]), month=3 * int(match[2]) - 2)
        else:
            first = add_months(this_month, -3 - (this_month.month - 1) % 3)
        last = add_months(first, 2)
    elif kind == "year":
        if at:
            match = YEAR_TEXT.match(at)
            if not match or int(match[1]) < 1900:
                raise PeriodError(_("The year is not valid."))
            first = this_month.replace(year=int(match[1]), month=1)
        else:
            first = this_month.replace(month=1)
        last = add_months(first, 11)
    else:
        first = _month(params.get("from"), _("The first month"))
        last = _month(params.get("to") or params.get("from"), _("The last month"))
        if last < first:
            raise PeriodError(_("The last month comes before the first month."))
        if months_between(first, last) > MAX_MONTHS:
            raise PeriodError(_("Pick at most %(count)s months at once.") % {"count": MAX_MONTHS})
    if first > this_month:
        raise PeriodError(_("That period has not begun yet."))
    if kind == "range" and last > this_month:
        raise PeriodError(_("The last month cannot be after this month."))
    # A quarter or year in progress runs up to this month.
    return Period(first, min(last, this_month), kind)
