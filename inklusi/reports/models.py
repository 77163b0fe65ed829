"""Monthly reports (*laporan bulanan*): one per library and month, edited rather than duplicated.

A report for month M opens for filing REPORT_OPENS_DAYS_BEFORE_END days before M ends (0: once
it has ended) and is due on REPORT_DUE_DAY of month M+1; the first submission decides whether
it came on time. Figures far above the library's usual (ten times the median of its
previous twelve reports) are not errors but warnings the manager must confirm.
"""

import calendar
import datetime
from collections import defaultdict
from statistics import median

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inklusi.core.months import first_of_month, month_label, next_month
from inklusi.core.offline import OfflineRecord
from inklusi.core.scoping import ScopedQuerySet, ScopePaths

# A figure is unusual when it is this many times the library's usual value.
UNUSUAL_FACTOR = 10
# ...and at least this large: going from 2 visitors to 25 is no reason to ask.
UNUSUAL_FLOOR = 50
HISTORY_MONTHS = 12

DUPLICATE = _("This library already has a report for that month.")

FIGURE_FIELDS = (
    "open_days",
    "visitors_female",
    "visitors_male",
    "new_members",
    "total_members",
    "loans",
    "computer_users",
    "internet_users",
)
# Open days are bounded by the calendar, so a jump there is never "unusual".
WATCHED_FIELDS = FIGURE_FIELDS[1:]


def opens_on(month):
    """The first day the report of `month` may be filed."""
    return next_month(month) - datetime.timedelta(days=settings.REPORT_OPENS_DAYS_BEFORE_END)


def is_open(month, today=None):
    return (today or timezone.localdate()) >= opens_on(month)


def not_open_error(month):
    return _("The report for %(month)s can be filed from %(day)s.") % {
        "month": month_label(month),
        "day": date_format(opens_on(month), "j F Y"),
    }


def due_date(month):
    """The last day to file the report of `month` on time."""
    return next_month(month).replace(day=settings.REPORT_DUE_DAY)


def late_from(month):
    """The moment a report of `month` becomes late: the day after its due date begins."""
    day = due_date(month) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class MonthlyReport(OfflineRecord):
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="monthly_reports",
    )
    month = models.DateField(_("month"), help_text=_("Stored as the first day of the month."))
    open_days = _count(_("days open"))
    visitors_female = _count(_("visitors: women and girls"))
    visitors_male = _count(_("visitors: men and boys"))
    new_members = _count(_("new members"))
    total_members = _count(_("members in total"))
    loans = _count(_("books lent"))
    computer_users = _count(_("computer users"))
    internet_users = _count(_("internet users"))
    notes = models.TextField(_("notes"), blank=True)
    unusual_confirmed = models.BooleanField(
        _("unusual figures confirmed"),
        default=False,
        help_text=_("The manager confirmed figures far above the library's usual."),
    )
    submitted_at = models.DateTimeField(_("first submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Stored so that the dashboard's summaries count on-time reports in SQL; set by save().
    filed_on_time = models.BooleanField(_("filed on time"), default=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "library__name"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        constraints = [
            models.UniqueConstraint(fields=["library", "month"], name="one_report_per_month"),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="report_month_is_first_day"
            ),
        ]
        indexes = [models.Index(fields=["month", "library"])]

    def __str__(self):
        return f"{self.library} — {month_label(self.month)}"

    def save(self, *args, **kwargs):
        """Only `services.py` saves reports, so that the dashboard's summaries follow. The
        on-time flag is stored for those summaries, which count it in SQL."""
        self.filed_on_time = self.on_time
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "filed_on_time"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    @property
    def visitors_total(self):
        return self.visitors_female + self.visitors_male

    @property
    def due_on(self):
        return due_date(self.month)

    @property
    def on_time(self):
        return self.submitted_at < late_from(self.month)

    def activity_count(self):
        """The month's published activities, counted from the activity records."""
        from inklusi.activities.models import Activity

        return (
            Activity.objects.published()
            .filter(library_id=self.library_id)
            .in_month(self.month)
            .count()
        )

    def clean(self):
        errors = {}
        if self.month:
            self.month = first_of_month(self.month)
            if not is_open(self.month):
                errors["month"] = not_open_error(self.month)
            else:
                days = calendar.monthrange(self.month.year, self.month.month)[1]
                if self.open_days > days:
                    errors["open_days"] = _("That month has only %(days)s days.") % {"days": days}
        if self.new_members > self.total_members:
            errors["total_members"] = _(
                "Members in total cannot be fewer than the new members (%(new)s)."
            ) % {"new": self.new_members}
        for name in ("computer_users", "internet_users"):
            if getattr(self, name) > self.visitors_total:
                errors[name] = _("This cannot be more than all visitors (%(total)s).") % {
                    "total": self.visitors_total
                }
        if errors:
            raise ValidationError(errors)

    def usual_values(self, history=None):
        """The median of each watched figure over the library's previous reports; `history`,
        the library's stored reports newest first, saves the query when many are checked."""
        if history is None:
            history = (
                MonthlyReport.objects.filter(library_id=self.library_id, month__lt=self.month)
                .order_by("-month")
                .values(*WATCHED_FIELDS)[:HISTORY_MONTHS]
            )
        else:
            history = [row for row in history if row["month"] < self.month][:HISTORY_MONTHS]
        history = list(history)
        if not history:
            return {}
        return {name: median(row[name] for row in history) for name in WATCHED_FIELDS}

    def unusual_figures(self, history=None):
        """(field name, value, usual) for each figure at least UNUSUAL_FACTOR times its usual."""
        found = []
        for name, usual in self.usual_values(history).items():
            value = getattr(self, name)
            if value >= UNUSUAL_FLOOR and value >= UNUSUAL_FACTOR * max(usual, 1):
                found.append((name, value, usual))
        return found


def histories(library_ids):
    """{library id: its stored reports' month and watched figures, newest first}, in one
    query, for `unusual_figures(history=...)` of many reports at once."""
    found = defaultdict(list)
    rows = (
        MonthlyReport.objects.filter(library_id__in=library_ids)
        .order_by("library_id", "-month")
        .values("library_id", "month", *WATCHED_FIELDS)
    )
    for row in rows.iterator(chunk_size=5000):
        found[row["library_id"]].append(row)
    return found
