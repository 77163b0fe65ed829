"""Rounding of shares, points and averages: one rule (half up, away from zero) for the
spreadsheet, the PDF and the page, so a figure reads the same in each.

Floats are rounded from their shortest decimal form (17.35 is "17.35", not 17.3499…), so
17.35 becomes 17.4 everywhere, where `round()` and a plain format would give 17.3 or 17.4.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def half_up(value, places=1):
    """`value` rounded half up to `places` decimals, as a Decimal (None stays None)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def decimal_text(value, places=1):
    """`value` rounded half up and written the reader's way ("17,4" in Indonesian)."""
    return number_format(half_up(value, places), decimal_pos=places, use_l10n=True)
