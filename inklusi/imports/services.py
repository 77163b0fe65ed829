"""Importing a spreadsheet: upload, check every row (nothing saved), then import, all or
nothing or only the valid rows. Re-importing the same file changes nothing: each row finds its
stored record by its natural key, and a row equal to what is stored is not written.

The check and the import run as background tasks (`tasks.py`, in-process without a broker)
and write their progress to the job, which the page polls.
"""

import io
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl.styles import Font

from inklusi.accounts.scope import Scope
from inklusi.core import exports
from inklusi.core.tasks import enqueue
from inklusi.notifications.services import notify

from .kinds import KINDS, RowError
from .models import ImportJob, Mode, State
from .reading import Refused, read_table, too_large_message

logger = logging.getLogger(__name__)

# The job keeps this many errors to show; the count says how many there were.
MAX_SHOWN_ERRORS = 1000
# The progress bar moves every this many rows.
PROGRESS_EVERY = 500
# Jobs are deleted this many days after they were uploaded.
KEEP_DAYS = 7
# A job still being checked or imported after this long lost its worker: it is queued again
# (its transaction was rolled back with the worker, so nothing is written twice).
STUCK_AFTER = timedelta(minutes=30)
# An import that took longer than this is announced in the inbox (its page was left).
ANNOUNCE_AFTER_SECONDS = 10
# A job waiting this long was never queued (the broker was down): the sweep queues it.
UNQUEUED_AFTER = timedelta(minutes=1)


def kind_for(user, key):
    """The kind of import, if the user may import it; None otherwise."""
    kind = KINDS.get(key)
    return kind if kind is not None and kind.allowed(Scope.of(user)) else None


def upload(user, key, uploaded):
    """Keep the file and queue its check. ValueError (for the person) if it is too large or
    the kind is not theirs."""
    kind = kind_for(user, key)
    if kind is None:
        raise PermissionDenied
    if uploaded.size > settings.IMPORT_MAX_BYTES:
        raise ValueError(too_large_message(uploaded.size))
    job = ImportJob.objects.create(
        user=user,
        kind=kind.key,
        file_name=uploaded.name[:200],
        content=uploaded.read(),
        queued_at=timezone.now(),
    )
    from . import tasks  # the tasks call this module

    enqueue(tasks.check, job.pk)
    return job


def start(job, mode):
    """Ask for the import of a checked job (safe twice: the first claims it)."""
    if mode not in Mode.values:
        raise ValueError(_("Choose how to import."))
    if mode == Mode.ALL and job.error_count:
        raise ValueError(_("Some rows have errors: correct them, or import only the valid rows."))
    claimed = ImportJob.objects.filter(pk=job.pk, state=State.CHECKED).update(
        state=State.QUEUED, mode=mode, done_rows=0, queued_at=timezone.now()
    )
    if claimed:
        from . import tasks

        enqueue(tasks.run, job.pk)
    return bool(claimed)


@dataclass
class Examined:
    rows: int = 0
    records: list = field(default_factory=list)  # (row, record, stored values or None)
    errors: list = field(default_factory=list)  # [row, column, message]
    invalid: set = field(default_factory=set)  # row numbers

    def error(self, row, column, message):
        self.errors.append([row, column, str(message)])
        self.invalid.add(row)

    @property
    def valid(self):
        """(record, stored values) of the valid rows (a row repeated later is not)."""
        return [(record, before) for row, record, before in self.records if row not in self.invalid]

    @property
    def new(self):
        return [record for record, before in self.valid if before is None]

    @property
    def changed(self):
        return [
            record
            for record, before in self.valid
            if before is not None and _values(record, before) != before
        ]


def _values(record, before):
    meta = record._meta
    return {name: getattr(record, meta.get_field(name).attname) for name in before}


def examine(kind, data, user, progress=None):
    """Every row's errors and the records the valid rows make, nothing saved. Refused if the
    file as a whole cannot be read."""
    scope = Scope.of(user)
    rows = read_table(
        data,
        [column.header for column in kind.columns],
        required=[column.header for column in kind.columns if column.required],
        example=kind.example(),
    )
    found = Examined(rows=len(rows))
    parsed = []
    for row in rows:
        values = {}
        for header, message in row.problems:
            found.error(row.number, header, message)
        for column in kind.columns:
            try:
                value = column.parse(row.cells.get(column.header))
            except ValueError as error:
                found.error(row.number, column.header, error)
                continue
            if value is None and column.required:
                found.error(row.number, column.header, _("This cell must be filled in."))
            values[column.field] = value
        if row.number not in found.invalid:
            parsed.append((row.number, values))
    looked_up = kind.lookups([values for _number, values in parsed], scope)
    headers = {column.field: column.header for column in kind.columns}
    model_fields = None
    seen = {}
    for done, (number, values) in enumerate(parsed, start=1):
        if progress and done % PROGRESS_EVERY == 0:
            progress(done)
        try:
            record, before = kind.record(values, looked_up, scope)
        except RowError as error:
            found.error(number, error.column, error.message)
            continue
        if model_fields is None:
            model_fields = {f.name for f in record._meta.get_fields()}
            excluded = model_fields - set(kind.fields) | set(kind.looked_up)
        try:
            record.full_clean(exclude=excluded, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    found.error(number, headers.get(name, ""), message)
            continue
        key = kind.natural_key(record)
        if key in seen:
            found.error(
                number,
                "",
                _("The same record as row %(row)s: keep one of them.") % {"row": seen[key]},
            )
            found.invalid.add(seen[key])
            continue
        seen[key] = number
        found.records.append((number, record, before))
    return found


def check(job_id):
    """The preview: every row checked, nothing saved. Safe twice (claims the job)."""
    claimed = ImportJob.objects.filter(pk=job_id, state=State.WAITING).update(
        state=State.CHECKING, started_at=timezone.now()
    )
    if not claimed:
        return
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    _examine_into(job, State.CHECKED)


def _examine_into(job, state):
    """Check the job's file and write what was found; the Examined, or None if refused."""
    kind = KINDS[job.kind]

    def progress(done):
        ImportJob.objects.filter(pk=job.pk).update(done_rows=done)

    try:
        with override(job.user.language):  # the errors are stored in the person's language
            found = examine(kind, bytes(job.content), job.user, progress)
    except Refused as refusal:
        _finish(job, State.REFUSED, message=str(refusal)[:500], content=b"")
        return None
    except Exception as error:  # the person is told, the log has the trace
        logger.exception("Import %s failed", job.pk)
        _finish(job, State.FAILED, message=str(error)[:500])
        return None
    valid = found.valid
    found.errors.sort(key=lambda error: error[0])
    ImportJob.objects.filter(pk=job.pk).update(
        state=state,
        rows=found.rows,
        done_rows=found.rows,
        valid_rows=found.rows - len(found.invalid),
        new_rows=len(found.new),
        changed_rows=len(found.changed),
        unchanged_rows=len(valid) - len(found.new) - len(found.changed),
        error_count=len(found.errors),
        errors=found.errors[:MAX_SHOWN_ERRORS],
    )
    return found


def run(job_id):
    """The import the person chose: all or nothing (refused if any row has an error now) or
    only the valid rows; only new and changed rows are written, in one transaction."""
    claimed = ImportJob.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.IMPORTING, started_at=timezone.now()
    )
    if not claimed:
        return
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    found = _examine_into(job, State.IMPORTING)
    if found is None:
        return
    if job.mode == Mode.ALL and found.errors:
        with override(job.user.language):
            message = _("Nothing was imported: some rows have errors now.")
        _finish(job, State.CHECKED, message=message)
        return
    records = [*found.new, *found.changed]
    try:
        with transaction.atomic():
            KINDS[job.kind].save(records, job.user)
    except (PermissionDenied, ValidationError) as error:
        with override(job.user.language):
            message = error.messages[0] if isinstance(error, ValidationError) else _("Not allowed.")
        _finish(job, State.FAILED, message=message)
        return
    except Exception as error:  # e.g. someone filed the same report meanwhile: nothing saved
        logger.exception("Import %s failed", job.pk)
        _finish(job, State.FAILED, message=str(error)[:500])
        return
    _finish(job, State.DONE, content=b"", message="")
    if (timezone.now() - job.started_at).total_seconds() > ANNOUNCE_AFTER_SECONDS:
        with override(job.user.language):
            title = _("Your import is done: %(name)s") % {"name": job.file_name}
        notify([job.user], "import_done", title, reverse("imports:detail", args=[job.pk]))


def _finish(job, state, **changes):
    ImportJob.objects.filter(pk=job.pk).update(state=state, finished_at=timezone.now(), **changes)


def sweep(now=None):
    """Deletes jobs older than `KEEP_DAYS`; puts back jobs whose worker died; returns the ids
    (to check, to import) of jobs a broker outage left waiting."""
    now = now or timezone.now()
    ImportJob.objects.filter(created_at__lt=now - timedelta(days=KEEP_DAYS)).delete()
    stuck = Q(started_at__lt=now - STUCK_AFTER)
    unqueued = now - UNQUEUED_AFTER
    for working, waiting in ((State.CHECKING, State.WAITING), (State.IMPORTING, State.QUEUED)):
        ImportJob.objects.filter(stuck, state=working).update(state=waiting, queued_at=unqueued)
    waiting = ImportJob.objects.filter(queued_at__lte=unqueued)
    return (
        list(waiting.filter(state=State.WAITING).values_list("pk", flat=True)),
        list(waiting.filter(state=State.QUEUED).values_list("pk", flat=True)),
    )


def template(kind):
    """The template workbook: the columns with an example row, and the instructions."""
    workbook = exports.new_workbook()
    data = workbook.create_sheet("Data")
    for index, column in enumerate(kind.columns, start=1):
        exports.style_header(data.cell(row=1, column=index, value=column.header))
        data.cell(row=2, column=index, value=column.example or None).font = Font(
            name=exports.FONT_NAME, sz=10, italic=True, color="777777"
        )
    widths = {i: max(12, len(c.header) + 2) for i, c in enumerate(kind.columns, start=1)}
    exports.finish_sheet(data, 1, len(kind.columns), 2, widths)
    help_sheet = workbook.create_sheet(exports.sheet_title_text(_("Instructions")))
    lines = [
        _("How to fill in this template (%(kind)s)") % {"kind": kind.label},
        _("Fill in the sheet “Data”: one row per record, from row 2 on. Keep the first row."),
        _("Row 2 is an example: write over it or delete it (left as it is, it is skipped)."),
        _("Write values, not formulas; do not merge cells."),
        _("Dates as 2025-03-31, months as 2025-03."),
        _("An empty cell keeps what is stored for a record that exists already."),
        _("Upload the file as .xlsx or .csv (at most %(mb)s MB, %(rows)s rows).")
        % {
            "mb": settings.IMPORT_MAX_BYTES // (1024 * 1024),
            "rows": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", "."),
        },
        _("Before anything is saved you see every row's errors and choose what to import."),
        "",
    ]
    for number, line in enumerate(lines, start=1):
        help_sheet.cell(row=number, column=1, value=line)
    help_sheet.cell(row=1, column=1).font = exports.HEADER_FONT
    header_row = len(lines) + 1
    for index, label in enumerate([_("Column"), _("Required"), _("What to write")], start=1):
        exports.style_header(help_sheet.cell(row=header_row, column=index, value=label))
    for number, column in enumerate(kind.columns, start=header_row + 1):
        explained = str(column.help)
        if column.codes:
            explained = _("One of: %(codes)s.") % {"codes": ", ".join(column.codes)}
        help_sheet.cell(row=number, column=1, value=column.header)
        help_sheet.cell(row=number, column=2, value=_("yes") if column.required else _("no"))
        help_sheet.cell(row=number, column=3, value=explained)
    exports.set_up_sheet(help_sheet, header_row, {1: 34, 2: 10, 3: 80})
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
