"""A spreadsheet cell to a field's value: numbers, dates, months, choices and text, from what
Excel, LibreOffice and a typed CSV hold (a date cell, "2025-03-07", "7/3/2025", "1.500").

Each parser returns the value, None for an empty cell, or raises `ValueError` with the message
the person sees beside the row.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import override

from inklusi.core.months import first_of_month

# Thousands written the Indonesian or the English way: 1.500.000 or 1,500,000.
THOUSANDS = re.compile(r"\d{1,3}([.,])\d{3}(\1\d{3})*")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
MONTH_FORMATS = ("%Y-%m", "%m/%Y", "%m-%Y", *DATE_FORMATS)


@dataclass(frozen=True)
class Column:
    header: str  # as written in the template's first row, the same in every language
    field: str  # the model field it fills (or a name the kind looks up: "library", "region")
    parse: object
    required: bool = False
    example: object = ""
    help: str = ""  # for the instructions sheet, translated when the template is written

    @property
    def codes(self):
        """The accepted codes of a choice column, for the instructions."""
        return getattr(self.parse, "codes", ())


def text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    value = str(value).strip()
    return value or None


def integer(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(_("Write a whole number."))
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(_("Write a whole number."))
        value = int(value)
    if not isinstance(value, int):
        written = str(value).strip().replace(" ", "")
        if THOUSANDS.fullmatch(written):
            written = re.sub(r"[.,]", "", written)
        if not re.fullmatch(r"-?\d+", written):
            raise ValueError(_("Write a whole number, such as 12."))
        value = int(written)
    if value < 0:
        raise ValueError(_("This cannot be negative."))
    if value > 2**31 - 1:
        raise ValueError(_("This number is too large."))
    return value


def money(value):
    """Rupiah: a whole number; "Rp" and thousands separators are allowed."""
    if isinstance(value, str):
        value = re.sub(r"(?i)^rp\.?\s*", "", value.strip())
    return integer(value)


def decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).strip().replace(",", ".")).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise ValueError(_("Write a number, such as -2.9761.")) from None


def date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(str(value).strip(), format).date()
        except ValueError:
            continue
    raise ValueError(_("Write a date as 2025-03-31 (year-month-day)."))


def month(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return first_of_month(value.date())
    if isinstance(value, datetime.date):
        return first_of_month(value)
    for format in MONTH_FORMATS:
        try:
            return first_of_month(datetime.datetime.strptime(str(value).strip(), format).date())
        except ValueError:
            continue
    raise ValueError(_("Write a month as 2025-03 (year-month)."))


def choice(choices):
    """A parser accepting a choice's code ("village") or its Indonesian or English label."""

    def parse(value):
        value = text(value)
        if value is None:
            return None
        wanted = value.casefold()
        for code, label in choices.choices:
            with override("id"):
                indonesian = str(label)
            if wanted in (code.casefold(), indonesian.casefold(), str(label).casefold()):
                return code
        raise ValueError(
            _("Unknown value “%(value)s”. Use one of: %(codes)s.")
            % {"value": value[:50], "codes": ", ".join(choices.values)}
        )

    parse.codes = tuple(choices.values)
    return parse
