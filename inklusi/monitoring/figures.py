"""A place's figures over some months, for the pages outside the dashboard that show them: the
advocacy brief (and through it the plan's proposal) and the public library and region pages.

They are the dashboard's indicators, computed by the same functions from the same summary
tables (indicators.py), so a place shows one number for each figure wherever it appears.
Computer and internet users, which the summaries do not hold, are added up here, once, from
the monthly reports.
"""

from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Length, Substr

from inklusi.core.months import last_months
from inklusi.reports.models import MonthlyReport

from .indicators import (
    SUMMARY_LEVELS,
    child_code_length,
    month_by_month,
    percent,
    place_months,
    totals,
)
from .models import LibraryMonth, RegionMonth

# Briefs, proposals and public pages look back over this many full months.
LOOK_BACK = 12
USE_FIGURES = ("computer_users", "internet_users")


def last_twelve_months(today=None):
    """The full months before the current one that briefs and public pages sum up."""
    return last_months(LOOK_BACK, today)


def use_figures(place, months):
    """Computer and internet users over `months`, from every report (as visitors are)."""
    sums = MonthlyReport.objects.filter(library__in=place.libraries(), month__in=months).aggregate(
        **{name: Sum(name) for name in USE_FIGURES}
    )
    return {name: value or 0 for name, value in sums.items()}


def place_figures(place, months):
    """What the reports and activities of `place` (a monitoring Place) add up to over
    `months` (oldest first), as the dashboard's indicators count them, with computer and
    internet users, the women's share of visitors and the trend of each month."""
    by_month = place_months(place, months)
    figures = totals(by_month, months)
    figures.update(use_figures(place, months))
    figures["visitors_women_share"] = percent(figures["visitors_female"], figures["visitors"])
    figures["trend"] = month_by_month(by_month, months)
    return figures


def activities_by_child(place):
    """{code: published activities of all months} of the regions one level below `place` that
    had any (read from region rows where the child level has them, else from library rows)."""
    length = child_code_length(place)
    if length is None:
        return {}
    if place.level + 1 in SUMMARY_LEVELS:
        rows = RegionMonth.objects.annotate(child=F("region_code"), length=Length("region_code"))
        rows = rows.filter(length=length)
        if place.code:
            rows = rows.filter(region_code__startswith=f"{place.code}.")
    else:
        rows = place.library_rows().annotate(child=Substr("region_code", 1, length))
    grouped = rows.order_by().values("child").annotate(n=Sum("activities")).filter(n__gt=0)
    return {row["child"]: row["n"] for row in grouped}


def with_activity_counts(libraries):
    """The libraries, each with `activity_count`: its published activities of all months."""
    total = (
        LibraryMonth.objects.filter(library_id=OuterRef("pk"))
        .order_by()
        .values("library_id")
        .annotate(n=Sum("activities"))
        .values("n")
    )
    return libraries.annotate(activity_count=Coalesce(Subquery(total), 0))
