"""Asking for a download, preparing it in a worker, and cleaning up after `KEEP_DAYS`."""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inklusi.core.replica import replica_reads
from inklusi.core.tasks import enqueue
from inklusi.notifications.services import notify

from . import builders
from .models import Download, State

logger = logging.getLogger(__name__)

# Files are deleted this many days after they were made.
KEEP_DAYS = 7
# A download still "being prepared" after this long lost its worker: prepare it again.
STUCK_AFTER = timedelta(minutes=30)
# A download that took longer than this is announced in the inbox (its page was left).
ANNOUNCE_AFTER_SECONDS = 10
# Within a stage a builder's progress is written at most this often and in steps of at least
# PROGRESS_STEP percent: the page polls every 2 s, and a workbook must not spend its time
# writing its progress (each write is an UPDATE and a commit).
PROGRESS_EVERY_SECONDS = 0.5
PROGRESS_STEP = 5


def request_download(user, kind, place, query):
    """Checks the place and the period now (an error is told at once, not by a worker), then
    queues the work. Raises Http404 outside the scope, ValueError for a bad period."""
    if kind not in builders.BUILDERS:
        raise ValueError(_("Unknown kind of download."))
    builders.check(user, kind, place, query)
    download = Download.objects.create(user=user, kind=kind, place=place, query=query)
    from . import tasks  # the tasks call this module

    enqueue(tasks.prepare, download.pk)
    return download


def report_progress(download_id, percent, stage):
    """Writes how far the download is (0–100) and what it does now, in one UPDATE that never
    moves the progress back."""
    percent = max(0, min(100, int(percent)))
    Download.objects.filter(pk=download_id, progress__lte=percent).update(
        progress=percent, stage=stage
    )


def progress_reporter(download_id):
    """The `on_progress(percent, stage)` callback a builder is given: it passes a report on to
    `report_progress` at a new stage (there are few) and at 100, else only PROGRESS_STEP
    percent and PROGRESS_EVERY_SECONDS after the last, so a builder may report as often as it
    likes."""
    last = None  # (percent, stage, when) of the last report written

    def on_progress(percent, stage):
        nonlocal last
        percent, now = int(percent), time.monotonic()
        if last is not None:
            last_percent, last_stage, written_at = last
            if percent < last_percent or (percent, stage) == (last_percent, last_stage):
                return
            small_step = percent - last_percent < PROGRESS_STEP
            recent = now - written_at < PROGRESS_EVERY_SECONDS
            if stage == last_stage and percent < 100 and (small_step or recent):
                return
        report_progress(download_id, percent, stage)
        last = (percent, stage, now)

    return on_progress


def prepare(download_id):
    """Writes the file; safe to run twice (the first claims the row, waiting → working, and
    starts its progress again)."""
    claimed = Download.objects.filter(pk=download_id, state=State.WAITING).update(
        state=State.WORKING, started_at=timezone.now(), progress=0, stage=""
    )
    if not claimed:
        return
    download = Download.objects.select_related("user").get(pk=download_id)
    build, extension = builders.BUILDERS[download.kind]
    settings.EXPORTS_ROOT.mkdir(parents=True, exist_ok=True)
    path = f"{uuid.uuid4().hex}{extension}"
    started = time.monotonic()
    try:
        with open(settings.EXPORTS_ROOT / path, "wb") as target, replica_reads():
            file_name = build(download, target, on_progress=progress_reporter(download_id))
    except Exception as error:  # the person is told, the log has the trace
        logger.exception("Download %s failed", download_id)
        (settings.EXPORTS_ROOT / path).unlink(missing_ok=True)
        Download.objects.filter(pk=download_id).update(
            state=State.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )
        return
    Download.objects.filter(pk=download_id).update(
        state=State.DONE, path=path, file_name=file_name, finished_at=timezone.now(), progress=100
    )
    if time.monotonic() - started > ANNOUNCE_AFTER_SECONDS:
        notify(
            [download.user],
            "export_ready",
            _("Your download is ready: %(name)s") % {"name": file_name},
            reverse("downloads:detail", args=[download_id]),
        )


def file_path(download):
    return settings.EXPORTS_ROOT / download.path


def clean(now=None):
    """Deletes files older than `KEEP_DAYS` with their rows; returns the ids of downloads to
    prepare again (never queued because the broker was down, or their worker died)."""
    now = now or timezone.now()
    for download in Download.objects.filter(created_at__lt=now - timedelta(days=KEEP_DAYS)):
        if download.path:
            file_path(download).unlink(missing_ok=True)
        download.delete()
    Download.objects.filter(state=State.WORKING, started_at__lt=now - STUCK_AFTER).update(
        state=State.WAITING
    )
    return list(
        Download.objects.filter(
            state=State.WAITING, created_at__lt=now - timedelta(minutes=1)
        ).values_list("pk", flat=True)
    )
