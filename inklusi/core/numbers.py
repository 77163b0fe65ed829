"""Rounding of shares, points and averages: one rule (half up, away from zero) for the
spreadsheet, the PDF and the page, so a figure reads the same in each; and writing numbers
the reader's way (1.234.567 and 17,4 in Indonesian, 1,234,567 and 17.4 in English).

Floats are rounded from their shortest decimal form (17.35 is "17.35", not 17.3499…), so
17.35 becomes 17.4 everywhere, where `round()` and a plain format would give 17.3 or 17.4.

Numbers are written as Django's localized `number_format` writes them, with Python's own
format and one swap of separators: Django's walks the digits one by one and looks up the
language and its separators for each number, and the dashboard writes about a thousand.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from django.utils.formats import get_format, number_format
from django.utils.translation import get_language

NO_VALUE = "–"


def half_up(value, places=1):
    """`value` rounded half up to `places` decimals, as a Decimal (None stays None)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class NumberStyle:
    """The separators of one language: take the active one once to write many numbers."""

    thousands: str
    decimal: str

    @staticmethod
    def active():
        return _style(get_language())

    def grouped(self, value):
        """A whole number with its thousands grouped ("1.234.567"); a float or Decimal
        loses its fraction as in Django's `number_format(value, decimal_pos=0,
        force_grouping=True)` (12.7 → "12"); None or "" → "–"."""
        if value is None or value == "":
            return NO_VALUE
        try:
            text = f"{int(value):,}"
        except (TypeError, ValueError, OverflowError):  # text like "1.5", NaN: Django's way
            return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
        return text if self.thousands == "," else text.replace(",", self.thousands)

    def decimal_text(self, value, places=1):
        """`value` rounded half up to `places` decimals ("17,4"), without grouping, as in
        Django's `number_format(value, decimal_pos=places)`; None → "–"."""
        if value is None:
            return NO_VALUE
        rounded = half_up(value, places)
        if not rounded:
            rounded = abs(rounded)  # "0,0", never "-0,0"
        text = f"{rounded:f}"
        return text if self.decimal == "." else text.replace(".", self.decimal)


@cache
def _style(language):
    """Kept per language: asking Django costs more than writing the number."""
    return NumberStyle(
        get_format("THOUSAND_SEPARATOR", language), get_format("DECIMAL_SEPARATOR", language)
    )


def grouped(value):
    """1234567 → "1.234.567" in Indonesian ("1,234,567" in English); see NumberStyle."""
    return NumberStyle.active().grouped(value)


def decimal_text(value, places=1):
    """`value` rounded half up and written the reader's way ("17,4" in Indonesian)."""
    return NumberStyle.active().decimal_text(value, places)
