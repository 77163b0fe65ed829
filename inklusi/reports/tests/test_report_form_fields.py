"""Counts as people type them and the month picker's value."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from inklusi.core.fields import CountField
from inklusi.reports.forms import MonthField

from .helpers import months_ago, new_report


@pytest.mark.parametrize(
    "typed, value",
    [
        ("1500", 1500),
        ("1.500", 1500),
        ("1.234.567", 1234567),
        ("1 500", 1500),
        (" 7 ", 7),
        ("", 0),  # an empty box is a zero (the field says so now, not each form)
    ],
)
def test_count_accepts_what_people_type(typed, value):
    assert CountField(required=False).clean(typed) == value


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-5", "A count cannot be negative."),
        ("−5", "A count cannot be negative."),
        ("-1.500", "A count cannot be negative."),
        ("1.5", "Type a whole number, for example 150."),
        ("1,500", "Type a whole number, for example 150."),
        ("1.50", "Type a whole number, for example 150."),
        ("lima", "Type a whole number, for example 150."),
        ("1\x00", "Type a whole number, for example 150."),
        ("9" * 5000, "Type a whole number, for example 150."),
        (str(10**30), "This number is too large. Please check it."),
    ],
)
def test_count_refuses_nonsense_with_a_message(typed, message):
    with pytest.raises(forms.ValidationError) as caught:
        CountField().clean(typed)
    assert caught.value.messages == [message]


def test_count_is_a_numeric_text_box():
    html = str(CountField().widget.render("loans", 3, attrs=CountField().widget_attrs(None)))
    assert 'inputmode="numeric"' in html and 'type="text"' in html


def test_month_reads_the_month_pickers_value():
    assert MonthField().clean("2025-03") == datetime.date(2025, 3, 1)


@pytest.mark.parametrize("typed", ["2024-13", "2024-00", "March", "2024-1-1-1", "x" * 500])
def test_month_refuses_nonsense(typed):
    with pytest.raises(forms.ValidationError):
        MonthField().clean(typed)


def test_a_wrong_entry_is_shown_a_plausible_example_of_that_figure(people, login, libraries):
    """ "For example 1500" under days open reads as nonsense: each figure has its own."""
    data = new_report(libraries.air_batu, months_ago(1), open_days="dua", loans="x")
    form = login(people.manager).post(reverse("reports:create"), data).context["form"]
    assert form.errors["open_days"] == ["Type a whole number, for example 22."]
    assert form.errors["loans"] == ["Type a whole number, for example 300."]
