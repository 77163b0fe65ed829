"""The advocacy log: meetings with local government (and companies) about a library or a region,
what was asked, what was committed, and the follow-up that must not be forgotten."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.funding import FundingSource
from inklusi.core.scoping import ScopedQuerySet, ScopePaths, optional_library, optional_region


class CounterpartKind(models.TextChoices):
    BAPPEDA = "bappeda", _("Bappeda (regional planning agency)")
    DPRD = "dprd", _("DPRD (regional parliament)")
    REGENT = "regent", _("Regent's or mayor's office")
    VILLAGE_HEAD = "village_head", _("Village head")
    MUSDES = "musdes", _("Village deliberation (Musdes/Musrenbangdes)")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class AdvocacyMeetingQuerySet(ScopedQuerySet):
    def log_of(self, scope):
        """The meetings a user reads in the log: the library side's working notes (what was
        asked, what the counterpart promised), for the people who work in that area. A
        read-only viewer (Bappeda, a village head) may be the counterpart itself: viewers get
        the outcomes instead (the brief, the overview's sums, the dashboard, public pages)."""
        return self.editable_by(scope)

    def open_follow_ups(self):
        return self.filter(follow_up_on__isnull=False, follow_up_done=False)

    def overdue(self):
        """Follow-ups whose date has passed without being done."""
        return self.open_follow_ups().filter(follow_up_on__lt=timezone.localdate())

    def about(self, library=None, region=None):
        """The meetings about a library, or about a region: the region itself, a region inside
        it, or a library inside it."""
        if library is not None:
            return self.filter(library=library)
        return self.filter(
            Q(region__code__inside=region.code) | Q(library__region__code__inside=region.code)
        )


class AdvocacyMeeting(models.Model):
    library = optional_library(related_name="advocacy_meetings")
    region = optional_region()
    met_on = models.DateField(_("date of the meeting"))
    counterpart_kind = models.CharField(
        _("met with"), max_length=20, choices=CounterpartKind.choices
    )
    counterpart_name = models.CharField(
        _("institution or person"),
        max_length=200,
        help_text=_("For example: Bappeda Kabupaten Banyuasin, Kepala Desa Air Batu."),
    )
    attendees = models.TextField(
        _("who attended"),
        blank=True,
        help_text=_("Names and positions of the officials and of your team."),
    )
    topic = models.CharField(_("topic"), max_length=200)
    asked = models.TextField(_("what was asked"), blank=True)
    asked_amount = models.PositiveBigIntegerField(_("amount asked (Rp)"), default=0)
    budget_line = models.ForeignKey(
        "plans.BudgetLine",
        verbose_name=_("work-plan budget line"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advocacy_meetings",
        help_text=_("The line of the library's work plan this ask is for, if there is one."),
    )
    committed = models.TextField(_("what was committed"), blank=True)
    committed_amount = models.PositiveBigIntegerField(_("amount committed (Rp)"), default=0)
    commitment_source = models.CharField(
        _("budget of the commitment"), max_length=20, choices=FundingSource.choices, blank=True
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    outcome = models.TextField(_("outcome of the follow-up"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The region it is about, or its library (and the library's region).
    scope_paths = ScopePaths(regions=("region", "library__region"), library="library")
    objects = AdvocacyMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-met_on", "-pk"]
        verbose_name = _("advocacy meeting")
        verbose_name_plural = _("advocacy meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(library__isnull=True, region__isnull=False)
                | Q(library__isnull=False, region__isnull=True),
                name="meeting_about_a_library_or_a_region",
            )
        ]
        indexes = [models.Index(fields=["follow_up_done", "follow_up_on"])]

    def __str__(self):
        return f"{self.counterpart_name}: {self.topic}"

    def get_absolute_url(self):
        return reverse("advocacy:detail", args=[self.pk])

    @property
    def subject_label(self):
        return self.library.name if self.library_id else self.region.label

    @property
    def is_overdue(self):
        return (
            self.follow_up_on is not None
            and not self.follow_up_done
            and self.follow_up_on < timezone.localdate()
        )

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.met_on and self.met_on > today:
            errors["met_on"] = _("Record a meeting once it has taken place.")
        if self.follow_up_on and self.met_on and self.follow_up_on < self.met_on:
            errors["follow_up_on"] = _("The follow-up cannot be before the meeting.")
        if self.committed_amount and not self.commitment_source:
            errors["commitment_source"] = _("Say which budget the commitment comes from.")
        if errors:
            raise ValidationError(errors)

    def check_new_follow_up(self):
        """A follow-up set now must lie ahead: a date already past is a typing mistake."""
        if self.follow_up_on and self.follow_up_on < timezone.localdate():
            raise ValidationError(
                {
                    "follow_up_on": _(
                        "The follow-up date has already passed. Choose today or a later day."
                    )
                }
            )

    def mark_follow_up_done(self, outcome):
        outcome = (outcome or "").strip()
        if not outcome:
            raise ValidationError({"outcome": _("Say what came of the follow-up.")})
        self.follow_up_done = True
        self.outcome = outcome
        self.save(update_fields=["follow_up_done", "outcome", "updated_at"])


def overdue_follow_ups(scope):
    """The overdue follow-ups in the user's log, oldest first: for the home page."""
    return (
        AdvocacyMeeting.objects.overdue()
        .log_of(scope)
        .select_related("library", "region")
        .order_by("follow_up_on", "pk")
    )
