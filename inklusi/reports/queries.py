"""Queries of the report pages and exports, each a fixed number of SQL queries however many
rows: the month's activity count of each report, and who has reported for a month."""

from django.db import models
from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.activities.models import Activity
from inklusi.core.months import first_of_month, previous_month
from inklusi.core.numbers import half_up
from inklusi.libraries.models import Library, Status

from .models import MonthlyReport, late_from

# Candidates are not in the programme yet: nobody expects their reports.
REPORTING_STATUSES = (Status.BENEFICIARY, Status.REPLICATING, Status.INDEPENDENT)


class State(models.TextChoices):
    ON_TIME = "on_time", gettext_lazy("On time")
    LATE = "late", gettext_lazy("Late")
    MISSING = "missing", gettext_lazy("Not yet")


def with_activity_count(reports):
    """Reports annotated with `activities`: the published activities of their library that
    start in their month (as MonthlyReport.activity_count, in the same query)."""
    activities = (
        Activity.objects.published()
        .filter(
            library=OuterRef("library"),
            starts_on__year=OuterRef("month__year"),
            starts_on__month=OuterRef("month__month"),
        )
        .order_by()
        .values("library")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return reports.annotate(
        activities=Coalesce(Subquery(activities, output_field=models.IntegerField()), 0)
    )


def state(submitted_at, month):
    if submitted_at is None:
        return State.MISSING
    return State.ON_TIME if submitted_at < late_from(month) else State.LATE


def reporting_libraries(libraries, month):
    """The libraries expected to report, each with `report_id` and `report_submitted_at` of
    its report for `month` (None if there is none): one LEFT JOIN, no query per library."""
    return (
        libraries.filter(status__in=REPORTING_STATUSES)
        .annotate(
            this_month=FilteredRelation(
                "monthly_reports", condition=Q(monthly_reports__month=month)
            )
        )
        .annotate(report_id=F("this_month__pk"), report_submitted_at=F("this_month__submitted_at"))
    )


def compliance_counts(libraries, month):
    """Totals of `reporting_libraries(...)`: expected, on time, late, missing, with percentages."""
    counts = libraries.aggregate(
        expected=Count("pk"),
        reported=Count("report_id"),
        on_time=Count("report_id", filter=Q(report_submitted_at__lt=late_from(month))),
    )
    expected = counts["expected"]
    numbers = {
        State.ON_TIME: counts["on_time"],
        State.LATE: counts["reported"] - counts["on_time"],
        State.MISSING: expected - counts["reported"],
    }
    return {
        "expected": expected,
        "states": [
            {
                "state": key,
                "label": key.label,
                "count": n,
                "percent": int(half_up(100 * n / expected, 0)) if expected else 0,
            }
            for key, n in numbers.items()
        ],
    }


def with_states(libraries, month, scope):
    """The libraries of a page, each with its `state` and whether the user `can_file` for it."""
    libraries = list(libraries)
    for library in libraries:
        library.state = state(library.report_submitted_at, month)
        library.can_file = scope.edits_library(library)
    return libraries


# A manager of more libraries than this files from the list, not from buttons.
MAX_FILE_BUTTONS = 5


def reports_to_file(scope):
    """A library manager's missing reports of last month and this month, to file in one tap."""
    ids = scope.held_library_ids(for_edit=True)
    if scope.edits_regionally or not 0 < len(ids) <= MAX_FILE_BUTTONS:
        return []
    this_month = first_of_month(timezone.localdate())
    months = [
        (previous_month(), _("File last month's report")),
        (this_month, _("File this month's report")),
    ]
    filed = set(
        MonthlyReport.objects.filter(
            library_id__in=ids, month__in=[month for month, text in months]
        ).values_list("library_id", "month")
    )
    return [
        {"library": library, "month": month, "text": text, "several": len(ids) > 1}
        for library in Library.objects.filter(pk__in=ids).order_by("name")
        for month, text in months
        if (library.pk, month) not in filed
    ]
