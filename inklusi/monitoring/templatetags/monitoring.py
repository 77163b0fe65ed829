"""Indicator values as the dashboard writes them: counts with dots, shares as "87,5%",
averages with one decimal, the Indonesian way."""

from django import template
from django.utils.formats import number_format

from inklusi.monitoring.indicators import INDICATOR_KEYS

register = template.Library()


@register.filter
def figure(value, unit="count"):
    """A value of an indicator of this unit ("count", "percent", "decimal")."""
    if value is None:
        return "–"
    if unit == "percent":
        return number_format(value, decimal_pos=1, use_l10n=True) + "%"
    if unit == "decimal":
        return number_format(value, decimal_pos=2, use_l10n=True)
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


@register.filter
def change(change, unit="count"):
    """ "+12 (+5,0%)", "−3,2 pt": the change from the compared period."""
    if not change:
        return ""
    amount = change["change"]
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    if unit == "percent":
        return f"{sign}{number_format(abs(amount), decimal_pos=1, use_l10n=True)} pt"
    text = sign + figure(abs(amount), unit)
    if change["percent"] is not None and amount:
        text += f" ({sign}{number_format(change['percent'], decimal_pos=0, use_l10n=True)}%)"
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
