"""Budget arithmetic: line totals rounded half up to whole Rupiah, sums per activity, source
and plan."""

from decimal import Decimal

import pytest

from inklusi.plans.models import BudgetLine, line_total

from .helpers import make_plan


@pytest.mark.parametrize(
    "quantity,price,total",
    [
        ("50", 45_000, 2_250_000),
        ("2.5", 101, 253),  # 252.5 rounds up
        ("2.5", 99, 248),  # 247.5 rounds up
        ("0.01", 49, 0),  # 0.49 rounds down
        ("0.01", 50, 1),  # 0.50 rounds up
        ("1000000", 10_000_000, 10_000_000_000_000),
    ],
)
def test_line_total_rounds_half_up(quantity, price, total):
    assert line_total(Decimal(quantity), price) == total


def test_totals_per_activity_source_and_plan(libraries):
    plan = make_plan(libraries.air_batu)
    kelas, pelatihan = plan.activities.order_by("month")
    assert kelas.totals()["asked"] == 2_250_000 + 253
    assert pelatihan.totals()["asked"] == 1_200_000
    assert plan.totals() == {"asked": 3_450_253, "approved": 0, "spent": 0}
    by_source = {row["source"]: row["asked"] for row in plan.totals_by_source()}
    assert by_source == {"village": 2_250_000, "regency": 1_200_000, "community": 253}


def test_the_stored_total_follows_an_edit(libraries):
    plan = make_plan(libraries.air_batu)
    line = BudgetLine.objects.get(item="Konsumsi")
    line.quantity = Decimal("3")
    line.save()
    line.refresh_from_db()
    assert line.total == 303
    assert plan.totals()["asked"] == 2_250_000 + 303 + 1_200_000
