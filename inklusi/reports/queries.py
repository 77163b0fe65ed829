"""Queries of the report pages and exports, each a fixed number of SQL queries however many
rows: the month's activity count of each report, and who has reported for a month."""

from django.db import models
from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inklusi.activities.models import Activity
from inklusi.core.months import month_label, previous_month, this_month
from inklusi.core.numbers import half_up
from inklusi.libraries.models import Library, Status

from .models import MonthlyReport, due_date, is_open, late_from

# Candidates are not in the programme yet: nobody expects their reports.
REPORTING_STATUSES = (Status.BENEFICIARY, Status.REPLICATING, Status.INDEPENDENT)


class State(models.TextChoices):
    """Where a library's report of a month stands. A report still missing after its due day
    is late like one filed late: both count as late in every total."""

    ON_TIME = "on_time", gettext_lazy("On time")
    LATE = "late", gettext_lazy("Filed late")
    OVERDUE = "overdue", gettext_lazy("Late, not in")
    NOT_YET = "not_yet", gettext_lazy("Not yet")


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


def state(submitted_at, month, today=None):
    if submitted_at is None:
        today = today or timezone.localdate()
        return State.OVERDUE if today > due_date(month) else State.NOT_YET
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


def compliance_counts(libraries, month, today=None):
    """Totals of `reporting_libraries(...)`: expected, then on time, late and not yet due, which
    add up to the expected. Late holds the reports filed late and, once the due day has
    passed, those still missing (`parts`)."""
    counts = libraries.aggregate(
        expected=Count("pk"),
        reported=Count("report_id"),
        on_time=Count("report_id", filter=Q(report_submitted_at__lt=late_from(month))),
    )
    expected = counts["expected"]
    missing = expected - counts["reported"]
    overdue = (today or timezone.localdate()) > due_date(month)
    numbers = {
        State.ON_TIME: counts["on_time"],
        State.LATE: counts["reported"] - counts["on_time"],
        State.OVERDUE: missing if overdue else 0,
        State.NOT_YET: 0 if overdue else missing,
    }

    def entry(key, label, n):
        return {
            "state": key,
            "label": label,
            "count": n,
            "percent": int(half_up(100 * n / expected, 0)) if expected else 0,
        }

    late = entry("late", gettext_lazy("Late"), numbers[State.LATE] + numbers[State.OVERDUE])
    late["parts"] = [entry(key, key.label, numbers[key]) for key in (State.LATE, State.OVERDUE)]
    return {
        "expected": expected,
        "missing": missing,
        "states": [
            entry(State.ON_TIME, State.ON_TIME.label, numbers[State.ON_TIME]),
            late,
            entry(State.NOT_YET, State.NOT_YET.label, numbers[State.NOT_YET]),
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


def reports_to_file(scope, today=None):
    """A library manager's missing reports of last month and, once it opens for filing, this
    month, to file in one tap; each button names the month and how late it is."""
    ids = scope.held_library_ids(for_edit=True)
    if scope.edits_regionally or not 0 < len(ids) <= MAX_FILE_BUTTONS:
        return []
    today = today or timezone.localdate()
    libraries = Library.objects.filter(pk__in=ids).order_by("name")
    return [
        {**item, "library": library, "several": len(ids) > 1}
        for library, item in months_to_file(libraries, today)
    ]


def months_to_file(libraries, today):
    """(library, {month, text, late, url}) of the reports of last month and this month (once
    open for filing) that these libraries have not filed, in one query."""
    months = [m for m in (previous_month(today), this_month(today)) if is_open(m, today)]
    libraries = list(libraries)
    filed = set(
        MonthlyReport.objects.filter(library__in=libraries, month__in=months).values_list(
            "library_id", "month"
        )
    )
    create = reverse("reports:create")
    return [
        (
            library,
            {
                "month": month,
                "text": file_button_text(month, today),
                "late": today > due_date(month),
                "url": f"{create}?library={library.pk}&month={month:%Y-%m}",
            },
        )
        for library in libraries
        for month in months
        if (library.pk, month) not in filed
    ]


def file_button_text(month, today):
    """ "File the report for October 2026 — 18 days late", or "— due 10 November 2026"."""
    due = due_date(month)
    if today > due:
        days = (today - due).days
        return ngettext(
            "File the report for %(month)s — %(days)s day late",
            "File the report for %(month)s — %(days)s days late",
            days,
        ) % {"month": month_label(month), "days": days}
    return _("File the report for %(month)s — due %(day)s") % {
        "month": month_label(month),
        "day": date_format(due, "j F Y"),
    }
