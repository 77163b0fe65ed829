from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    WAITING = "waiting", _("Waiting to be checked")
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked: nothing saved yet")
    QUEUED = "queued", _("Waiting to be imported")
    IMPORTING = "importing", _("Being imported")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


class Mode(models.TextChoices):
    ALL = "all", _("All or nothing")
    VALID = "valid", _("Only the valid rows")


class ImportJob(models.Model):
    """One person's upload of one spreadsheet: checked first (the preview, nothing saved),
    then imported when they choose how. The file is kept in the row until it is imported, so
    a worker on another machine reads it; it is emptied afterwards."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imports"
    )
    kind = models.CharField(_("kind"), max_length=20)  # a key of kinds.KINDS
    file_name = models.CharField(_("file"), max_length=200)
    content = models.BinaryField(editable=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    mode = models.CharField(_("how"), max_length=10, choices=Mode.choices, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    done_rows = models.PositiveIntegerField(default=0)  # the progress bar
    valid_rows = models.PositiveIntegerField(_("valid rows"), default=0)
    new_rows = models.PositiveIntegerField(_("new"), default=0)
    changed_rows = models.PositiveIntegerField(_("changed"), default=0)
    unchanged_rows = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    # [[row, column, message], ...]: the first MAX_SHOWN_ERRORS of the check.
    errors = models.JSONField(default=list, blank=True)
    message = models.CharField(max_length=500, blank=True)  # why it was refused or failed
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)  # asked to check or to import
    started_at = models.DateTimeField(null=True, blank=True)  # a worker claimed it
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.file_name}"

    @property
    def is_working(self):
        return self.state in (State.WAITING, State.CHECKING, State.QUEUED, State.IMPORTING)

    @property
    def percent(self):
        return min(100, round(100 * self.done_rows / self.rows)) if self.rows else 0

    @property
    def invalid_rows(self):
        return self.rows - self.valid_rows
