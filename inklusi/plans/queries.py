"""Plans across a scope: the funding overview and what waits on the home page."""

from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from inklusi.core.exports import money
from inklusi.regions.models import Region

from .models import LINE_SOURCES, SUMS, BudgetLine, Plan, State, clean_sums

# Money is counted as asked once the plan went to the funder; drafts are not asks yet.
ASKED_STATES = (State.SUBMITTED, State.DECIDED)


def awaiting_review(scope):
    """Plans waiting for this user's review: in review, in a region they coordinate."""
    return (
        Plan.objects.filter(state=State.IN_REVIEW)
        .reviewable_by(scope)
        .select_related("library__region")
        .order_by("updated_at")
    )


def decisions_pending(scope):
    """Plans with the funder, whose library the user edits, with a line still undecided."""
    return (
        Plan.objects.filter(state=State.SUBMITTED)
        .editable_by(scope)
        .select_related("library__region")
        .order_by("year", "library__name")
    )


def funding_lines(scope, year):
    return BudgetLine.objects.visible_to(scope).filter(
        activity__plan__year=year, activity__plan__state__in=ASKED_STATES
    )


def by_source(scope, year):
    rows = {
        row["source"]: row
        for row in funding_lines(scope, year).values("source").annotate(**SUMS).order_by()
    }
    return [
        {"label": label, **clean_sums(rows[value])}
        for value, label in LINE_SOURCES
        if value in rows
    ]


def by_regency(scope, year):
    rows = list(
        funding_lines(scope, year)
        .annotate(regency=Substr("activity__plan__library__region_id", 1, 5))
        .values("regency")
        .annotate(**SUMS)
        .order_by("regency")
    )
    names = dict(
        Region.objects.filter(code__in=[r["regency"] for r in rows]).values_list("code", "name")
    )
    return [
        {"code": r["regency"], "label": names.get(r["regency"], r["regency"]), **clean_sums(r)}
        for r in rows
    ]


def plan_counts(scope, year):
    counts = dict(
        Plan.objects.filter(year=year)
        .visible_to(scope)
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(state, counts.get(state.value, 0)) for state in State]


def export_rows(scope, year):
    """(headers, rows): asked, approved and spent by regency and source."""
    grouped = (
        funding_lines(scope, year)
        .annotate(regency=Substr("activity__plan__library__region_id", 1, 5))
        .values("regency", "source")
        .annotate(**SUMS)
        .order_by("regency", "source")
    )
    grouped = list(grouped)
    names = dict(
        Region.objects.filter(code__in={r["regency"] for r in grouped}).values_list("code", "name")
    )
    labels = dict(LINE_SOURCES)
    rows = [
        [
            year,
            r["regency"],
            names.get(r["regency"], ""),
            str(labels.get(r["source"], r["source"])),
            *(money(value) for value in clean_sums(r).values()),
        ]
        for r in grouped
    ]
    headers = [
        _("Year"),
        _("Regency code"),
        _("Regency/city"),
        _("Funding source"),
        _("Asked (Rp)"),
        _("Approved (Rp)"),
        _("Spent (Rp)"),
    ]
    return headers, rows
