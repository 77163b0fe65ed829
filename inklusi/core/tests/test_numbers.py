"""The fast number writing of `inklusi.core.numbers` against Django's localized format, which
it replaces on the dashboard: the same text in Indonesian and English."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import number_format

from inklusi.core.numbers import decimal_text, grouped, half_up

WHOLE = [0, 7, 999, 1000, -1000, 1234567, -1234567, 10**12, 12.7, -12.7, Decimal("1234.9")]
SHARES = [0, 0.04, -0.04, 5, 17.35, -17.35, 87.25, 100, 1234.5, -99.95, Decimal("12.5")]


@pytest.mark.parametrize("language", ["id", "en"])
def test_grouped_writes_what_django_writes(language):
    with translation.override(language):
        for value in WHOLE:
            expected = number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
            assert grouped(value) == expected, value


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("places", [0, 1, 2])
def test_decimal_text_writes_what_django_writes(language, places):
    with translation.override(language):
        for value in SHARES:
            expected = number_format(half_up(value, places), decimal_pos=places, use_l10n=True)
            assert decimal_text(value, places) == expected, value


def test_indonesian_and_english():
    with translation.override("id"):
        assert grouped(1234567) == "1.234.567"
        assert grouped(-1234567) == "-1.234.567"
        assert decimal_text(12.5) == "12,5"
        assert decimal_text(-17.35) == "-17,4"
        assert decimal_text(-0.04) == "0,0"  # no "-0,0"
    with translation.override("en"):
        assert grouped(1234567) == "1,234,567"
        assert grouped(-1234567) == "-1,234,567"
        assert decimal_text(12.5) == "12.5"


def test_nothing_is_a_dash():
    assert grouped(None) == grouped("") == decimal_text(None) == "–"


def test_text_that_is_no_whole_number_is_left_to_django():
    with translation.override("id"):
        assert grouped("1234567") == "1.234.567"
        assert grouped("1234.5") == number_format(
            "1234.5", decimal_pos=0, use_l10n=True, force_grouping=True
        )
