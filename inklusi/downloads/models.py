from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    WORKING = "working", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Stage(models.TextChoices):
    """What a download's worker is doing now; the keys are the ones its builder reports
    (`inklusi.monitoring.exports.write_xlsx` names its sheets by these keys)."""

    FIGURES = "figures", _("Computing the figures")
    SUMMARY = "summary", _("Writing the summary")
    PLACES = "places", _("Writing the table of places")
    ATTENTION = "attention", _("Listing the libraries that need attention")
    TREND = "trend", _("Writing the trend")
    DEFINITIONS = "definitions", _("Writing the definitions")
    SAVING = "saving", _("Saving the file")
    BRIEFS = "briefs", _("Writing the briefs")


class Download(models.Model):
    """A slow export prepared in the background for one person, kept for `KEEP_DAYS` in
    `EXPORTS_ROOT` (never under MEDIA_ROOT) and served only to them, after a scope check."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="downloads"
    )
    kind = models.CharField(_("kind"), max_length=30)  # a key of builders.BUILDERS
    place = models.CharField(max_length=40)  # "nation", "region:16.07"
    query = models.CharField(max_length=200, blank=True)  # the dashboard's period parameters
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    file_name = models.CharField(max_length=200, blank=True)  # the name it downloads as
    path = models.CharField(max_length=200, blank=True)  # inside EXPORTS_ROOT
    error = models.CharField(max_length=500, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)  # percent, 0–100
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.place}"

    @property
    def is_finished(self):
        return self.state in (State.DONE, State.FAILED)

    def waiting_ahead(self):
        """How many downloads asked for earlier still wait for a worker."""
        return Download.objects.filter(state=State.WAITING, pk__lt=self.pk).count()
