"""Indicator values as the dashboard writes them: counts with dots, shares as "87,5%",
averages with two decimals, the Indonesian way, rounded half up as the spreadsheet is
(`inklusi.core.numbers`)."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from inklusi.core.numbers import decimal_text, half_up
from inklusi.monitoring.indicators import INDICATOR_KEYS

# Decimals shown per unit, here and in the spreadsheet.
DECIMALS = {"count": 0, "percent": 1, "decimal": 2}

register = template.Library()


@register.filter
def figure(value, unit="count"):
    """A value of an indicator of this unit ("count", "percent", "decimal")."""
    if value is None:
        return "–"
    if unit == "percent":
        return decimal_text(value, DECIMALS[unit]) + "%"
    if unit == "decimal":
        return decimal_text(value, DECIMALS[unit])
    return number_format(half_up(value, 0), decimal_pos=0, use_l10n=True, force_grouping=True)


@register.filter
def change(change, unit="count"):
    """ "+12 (+5,0%)", "−3,2 pt": the change from the compared period; "pt" (percentage
    points) carries its meaning in an <abbr> title."""
    if not change:
        return ""
    amount = change["change"]
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    if unit == "percent":  # points, explained where they are shown
        return format_html(
            '{}{} <abbr title="{}">pt</abbr>',
            sign,
            decimal_text(abs(amount), DECIMALS[unit]),
            _("percentage points"),
        )
    text = sign + figure(abs(amount), unit)
    if change["percent"] is not None and amount:
        text += f" ({sign}{decimal_text(change['percent'], 0)}%)"
    return text


@register.filter
def of_key(figures, key):
    """figures[key] (a dict lookup with a variable key)."""
    return figures.get(key)


@register.filter
def unit_of(key):
    return INDICATOR_KEYS[key].unit


@register.filter
def label_of(key):
    return INDICATOR_KEYS[key].label
