"""Rows of the report and compliance downloads, with region codes and names at every level."""

from django.utils.translation import gettext as _

from inklusi.core.exports import month as month_cell
from inklusi.libraries.exports import region_columns, region_headers

from .models import FIGURE_FIELDS, MonthlyReport
from .queries import state, with_activity_count


def _name(user):
    """People are named, not given by e-mail address: exports travel further than pages."""
    return user.full_name if user else ""


def report_rows(reports):
    """Header and one row per report: every figure, the month's activities, punctuality."""
    field = MonthlyReport._meta.get_field
    headers = [
        "ID",
        _("Library ID"),
        _("Library"),
        *region_headers(),
        _("Month"),
        *[field(name).verbose_name for name in FIGURE_FIELDS],
        _("Visitors in total"),
        _("Activities"),
        field("notes").verbose_name,
        field("unusual_confirmed").verbose_name,
        field("submitted_at").verbose_name,
        _("Due on"),
        _("On time"),
        _("Submitted by"),
        field("updated_at").verbose_name,
        _("Last changed by"),
    ]

    def rows():
        qs = with_activity_count(
            reports.select_related(
                "library__region__parent__parent__parent", "submitted_by", "updated_by"
            )
        ).order_by("-month", "library__name", "pk")
        for report in qs.iterator(chunk_size=2000):
            yield [
                report.pk,
                report.library_id,
                report.library.name,
                *region_columns(report.library.region),
                month_cell(report.month),
                *[getattr(report, name) for name in FIGURE_FIELDS],
                report.visitors_total,
                report.activities,
                report.notes,
                _("yes") if report.unusual_confirmed else _("no"),
                report.submitted_at,
                report.due_on,
                _("yes") if report.on_time else _("no"),
                _name(report.submitted_by),
                report.updated_at,
                _name(report.updated_by),
            ]

    return headers, rows()


def compliance_rows(libraries, month):
    """Header and one row per library expected to report (see queries.reporting_libraries)."""
    headers = [
        _("Library ID"),
        _("Library"),
        _("Programme status"),
        *region_headers(),
        _("WhatsApp number"),
        _("Month"),
        _("Report"),
        _("Report ID"),
        _("First submitted"),
    ]

    def rows():
        qs = libraries.select_related("region__parent__parent__parent").order_by(
            "region_id", "name", "pk"
        )
        for library in qs.iterator(chunk_size=2000):
            yield [
                library.pk,
                library.name,
                library.get_status_display(),
                *region_columns(library.region),
                library.whatsapp,
                month_cell(month),
                state(library.report_submitted_at, month).label,
                library.report_id,
                library.report_submitted_at,
            ]

    return headers, rows()
