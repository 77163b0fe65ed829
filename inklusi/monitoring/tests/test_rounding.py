"""One rounding for the dashboard's page, PDF and workbook: half up, so a share of 17,35% is
17,4% and a change of −17,35 points is −17,4 pt everywhere (a plain format cut it to 17,3)."""

from decimal import Decimal

from django.utils import translation

from inklusi.core.charts import bar_list
from inklusi.core.numbers import decimal_text, half_up
from inklusi.core.templatetags.inklusi import desimal
from inklusi.monitoring.exports import CHANGE_FORMATS, indicator_number
from inklusi.monitoring.page import change_text, figure_text


def test_half_up_rounds_the_written_decimal_not_the_binary_float():
    assert half_up(17.35) == Decimal("17.4")
    assert half_up(-17.35) == Decimal("-17.4")  # away from zero
    assert half_up(0.245, 2) == Decimal("0.25")
    assert half_up(2.5, 0) == Decimal("3")  # round() would give 2
    assert half_up(None) is None


def test_the_page_the_pdf_and_the_workbook_show_the_same_figures():
    with translation.override("id"):
        assert figure_text(17.35, "percent") == "17,4%"
        assert figure_text(0.245, "decimal") == "0,25"
        assert figure_text(1234.5, "count") == "1.235"
        assert change_text({"change": -17.35, "percent": None}, "percent") == (
            '−17,4 <abbr title="poin persentase">pt</abbr>'
        )
        assert change_text({"change": 3, "percent": 12.5}, "count") == "+3 (+13%)"
        assert decimal_text(87.25) == "87,3"
        assert desimal(58.5, 0) == "59" and desimal(None) == "–"  # the public page, the brief
    assert bar_list([("a", 1), ("b", 7)])[0]["share"] == 13  # 12,5% → 13, not round()'s 12
    share = indicator_number(17.35, "percent")
    assert share.value == Decimal("0.174") and share.format == "0.0%"
    assert indicator_number(0.245, "decimal").value == Decimal("0.25")
    points = indicator_number(-17.35, "percent", CHANGE_FORMATS)
    assert points.value == Decimal("-17.4") and '" pt"' in points.format
