"""Filing, changing and deleting monthly reports. Every write of a report goes through here,
so the dashboard's summaries follow in the same transaction. Whether a report came on time
and which of its figures are unusual stay with the report (`MonthlyReport.on_time`,
`MonthlyReport.unusual_figures`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inklusi.accounts.scope import Scope
from inklusi.core import derived
from inklusi.core.auditing import record_bulk_updated, record_created
from inklusi.core.offline import check_version

from .models import DUPLICATE, MonthlyReport, histories, is_open, not_open_error


def file_report(report, user, *, submitted_at=None):
    """File a new report, as its form filled it. The first submission (now, unless
    `submitted_at` says when) decides whether it came on time. ValidationError if the month
    is not open for filing yet (`REPORT_OPENS_DAYS_BEFORE_END`) or the library already has a
    report for that month (someone filed it a moment ago)."""
    report.submitted_at = submitted_at or timezone.now()
    report.submitted_by = user
    try:
        with transaction.atomic():
            return _save(report, user)
    except IntegrityError as error:
        if MonthlyReport.objects.filter(library=report.library_id, month=report.month).exists():
            raise ValidationError(DUPLICATE) from error
        raise


def update_report(report, user, *, seen_version=None):
    """Save the changes to a filed report; `offline.Conflict` if it was saved since its form
    was opened on `seen_version`."""
    with transaction.atomic():
        stored = MonthlyReport.objects.select_for_update().get(pk=report.pk)
        check_version(stored, seen_version)
        report.version = stored.version
        return _save(report, user)


def _save(report, user):
    """Unusual figures are saved only once confirmed (the form asks), so a saved report with
    unusual figures carries its filer's confirmation."""
    _check(user, report)
    with derived.changes():
        stored = None
        if report.pk is not None:
            stored = MonthlyReport.objects.filter(pk=report.pk).values("library", "month").first()
        if (stored is None or stored["month"] != report.month) and not is_open(report.month):
            raise ValidationError(not_open_error(report.month))
        report.unusual_confirmed = bool(report.unusual_figures())
        report.updated_by = user
        report.save()
        derived.touch(report.library_id, [report.month])
        if stored:  # filed under another library or month before
            derived.touch(stored["library"], [stored["month"]])
    return report


def save_reports(reports, user, fields, *, submitted_at=None, batch_size=500):
    """File or change many reports at once (the spreadsheet import), each already cleaned as
    its form cleans it: new ones (no pk) are filed now, unless `submitted_at` says when, and
    stored ones have `fields` written. The same checks as one report: the user edits each
    library, and a new month must be open. The summaries are refreshed once, at the end."""
    reports = list(reports)
    scope = Scope.of(user)
    now = timezone.now()
    for report in reports:
        if not scope.edits_library(report.library):
            raise PermissionDenied
        if report.pk is None and not is_open(report.month):
            raise ValidationError(not_open_error(report.month))
    new = [report for report in reports if report.pk is None]
    stored = [report for report in reports if report.pk is not None]
    history = histories({report.library_id for report in reports})
    for report in new:
        report.submitted_at = submitted_at or now
        report.submitted_by = user
    for report in reports:
        report.updated_by = user
        report.updated_at = now
        # What save() stores for the summaries, which bulk writes skip.
        report.filed_on_time = report.on_time
        report.unusual_confirmed = bool(report.unusual_figures(history[report.library_id]))
    with derived.changes():
        MonthlyReport.objects.bulk_create(new, batch_size=batch_size)
        record_created(new, actor=user)
        record_bulk_updated(stored, actor=user)
        for report in stored:
            report.version += 1  # as save() does: a phone holding the old one sees a conflict
        written = [
            *fields,
            "updated_by",
            "updated_at",
            "filed_on_time",
            "unusual_confirmed",
            "version",
        ]
        MonthlyReport.objects.bulk_update(stored, written, batch_size=batch_size)
        for report in reports:
            derived.touch(report.library_id, [report.month])
    return reports


def delete_report(report, user):
    _check(user, report)
    with derived.changes():
        report.delete()
        derived.touch(report.library_id, [report.month])


def delete_reports(reports, user):
    """Delete several (the admin's bulk action); each library's summaries are refreshed once."""
    with derived.changes():
        for report in reports:
            delete_report(report, user)


def _check(user, report):
    if not Scope.of(user).edits_library(report.library):
        raise PermissionDenied
