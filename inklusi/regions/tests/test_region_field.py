import pytest
from django import forms

from inklusi.regions.forms import RegionField
from inklusi.regions.models import Level


def error(field, value):
    with pytest.raises(forms.ValidationError) as caught:
        field.clean(value)
    return caught.value


def test_a_known_code_gives_the_region(regions):
    field = RegionField(levels=[Level.VILLAGE])

    assert field.clean(" 16.07.10.1002 ") == regions["16.07.10.1002"]


def test_an_unknown_code_is_refused_with_a_clear_message(regions):
    raised = error(RegionField(), "16.07.10.9999")

    assert raised.code == "unknown"
    assert "16.07.10.9999" in raised.messages[0]


def test_a_region_of_the_wrong_level_is_refused_with_a_clear_message(regions):
    raised = error(RegionField(levels=[Level.VILLAGE]), "16.07")

    assert raised.code == "level"
    assert "16.07" in raised.messages[0]
    assert "Kabupaten Banyuasin" in raised.messages[0]
    assert str(Level.VILLAGE.label).lower() in raised.messages[0]


def test_it_accepts_any_of_several_levels(regions):
    field = RegionField(levels=[Level.DISTRICT, Level.VILLAGE])

    assert field.clean("16.07.10") == regions["16.07.10"]
    assert error(field, "16").code == "level"


def test_it_may_be_left_empty_when_not_required(regions):
    assert RegionField(required=False).clean("") is None
    assert error(RegionField(), "").code == "required"


def test_it_shows_a_region_by_its_code(regions):
    assert RegionField().prepare_value(regions["16.07"]) == "16.07"


def test_a_nul_character_is_an_unknown_code_not_a_database_error(regions):
    field = RegionField()
    assert error(field, "16.07\x00").code == "unknown"
    assert field.widget.chosen_label("16.07\x00") == ""
