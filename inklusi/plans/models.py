"""Work plans (*rencana kerja*): one per library and year, built in the training's four steps.

(a) problems and needs found with the community, each with its evidence; (b) the activities
chosen, each answering named needs; (c) budget lines per activity, each with its funding source;
(d) per activity, the expected result and how it will be measured. Then the plan goes through
a life (see `services.py`): review by the coordinator, submission to the funder, a decision per
budget line, and what was actually spent and held. Every step is kept in the audit trail
(`history.py`).
"""

import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from inklusi.core.auditing import part_of
from inklusi.core.funding import FundingSource
from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.core.storage import PRIVATE_PREFIX

MAX_AMOUNT = 10**13  # ten trillion Rupiah: far above any plan, far below the column's limit
MAX_QUANTITY = Decimal("1000000")
MIN_QUANTITY = Decimal("0.01")
FIRST_YEAR = 2018
MONTH_CHOICES = list(MONTHS.items())
# A budget line's funding sources: every source but "no cost".
LINE_SOURCES = [(value, label) for value, label in FundingSource.choices if value != "none"]


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Awaiting the coordinator's review")
    READY = "ready", _("Approved for submission")
    SUBMITTED = "submitted", _("Submitted to the funder")
    DECIDED = "decided", _("Decided")


class Section(models.TextChoices):
    GENERAL = "general", _("The plan as a whole")
    NEEDS = "needs", _("Problems and needs")
    ACTIVITIES = "activities", _("Activities")
    BUDGET = "budget", _("Budget")
    RESULTS = "results", _("Expected results")


class EvidenceKind(models.TextChoices):
    REPORTS = "reports", _("The library's own reports")
    SURVEY = "survey", _("A survey")
    MEETING = "meeting", _("A village meeting")
    OTHER = "other", _("Other")


class Forum(models.TextChoices):
    MUSDES = "musdes", _("Village deliberation (Musdes/Musrenbangdes)")
    MUSRENBANG = "musrenbang", _("Bappeda / regency Musrenbang")
    PARTNER = "partner", _("Partner or CSR")
    OTHER = "other", _("Other")


class Decision(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


def line_total(quantity, unit_price):
    """Quantity × unit price in whole Rupiah, half a Rupiah rounded up."""
    exact = Decimal(quantity or 0) * Decimal(unit_price or 0)
    return int(exact.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


class PlanQuerySet(ScopedQuerySet):
    pass


class Plan(models.Model):
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    background = models.TextField(
        _("background"),
        blank=True,
        help_text=_("The library and its community in your own words: why this plan."),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "library__name", "pk"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.UniqueConstraint(fields=["library", "year"], name="one_plan_per_library_year")
        ]
        indexes = [models.Index(fields=["state", "year"])]

    def __str__(self):
        return f"{self.library} — {self.year}"

    def get_absolute_url(self):
        return reverse("plans:detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.state == State.DRAFT

    @property
    def is_submitted(self):
        return self.state in (State.SUBMITTED, State.DECIDED)

    def lines(self):
        return BudgetLine.objects.filter(activity__plan=self)

    def totals(self):
        """Asked, approved and spent over the whole plan."""
        return _sums(self.lines())

    def totals_by_source(self):
        """[(source value, label, asked, approved, spent)], in the order of FundingSource."""
        rows = {
            row["source"]: row for row in self.lines().values("source").annotate(**SUMS).order_by()
        }
        return [
            {"source": value, "label": label, **clean_sums(rows[value])}
            for value, label in LINE_SOURCES
            if value in rows
        ]


SUMS = {
    "asked": Sum("total"),
    "approved": Sum("approved_amount", filter=Q(decision="approved")),
    "spent": Sum("spent_amount"),
}


def clean_sums(row):
    return {key: row.get(key) or 0 for key in SUMS}


def _sums(lines):
    return clean_sums(lines.aggregate(**SUMS))


class Need(models.Model):
    """Step (a): a problem found with the community, what it needs, and how we know."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="needs")
    problem = models.CharField(_("problem"), max_length=300)
    need = models.TextField(_("what the community needs"))
    evidence_kind = models.CharField(
        _("evidence from"), max_length=20, choices=EvidenceKind.choices
    )
    evidence = models.CharField(
        _("evidence"),
        max_length=300,
        help_text=_("A figure, a survey result or what the village meeting said."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("problem and need")
        verbose_name_plural = _("problems and needs")

    def __str__(self):
        return self.problem

    def get_additional_data(self):
        """Its audit entries show in the plan's history (inklusi.core.auditing)."""
        return part_of(Plan, self.plan_id)


class PlanActivity(models.Model):
    """Steps (b) and (d): an activity answering named needs, its expected result and measure;
    later, whether it was held and the activity record that tells how."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("what will be done"), blank=True)
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs it answers"), related_name="activities", blank=True
    )
    target_group = models.CharField(
        _("target group"), max_length=200, help_text=_("For example: mothers of the PKK, farmers.")
    )
    target_size = models.PositiveIntegerField(
        _("number of people"), validators=[MaxValueValidator(1_000_000)]
    )
    month = models.PositiveSmallIntegerField(_("month"), choices=MONTH_CHOICES)
    person_in_charge = models.CharField(_("person in charge"), max_length=150)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_activities",
    )
    other_partners = models.CharField(
        _("other partners"),
        max_length=200,
        blank=True,
        help_text=_("Partners not recorded in Inklusi yet, by name."),
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    measure = models.TextField(_("how it will be measured"), blank=True)
    held = models.BooleanField(_("held"), null=True, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_activities",
    )
    realisation_note = models.TextField(_("notes on the realisation"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["month", "position", "pk"]
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")

    def __str__(self):
        return self.title

    def clean(self):
        if self.activity_id and self.activity.library_id != self.plan.library_id:
            raise ValidationError({"activity": _("Pick an activity of this library.")})

    def totals(self):
        return _sums(self.lines.all())

    def get_additional_data(self):
        """Its audit entries show in the plan's history (inklusi.core.auditing)."""
        return part_of(Plan, self.plan_id)


def decision_path(line, filename):
    """An unguessable name: the file is served only through the scope-checked view."""
    return f"{PRIVATE_PREFIX}plans/decisions/{timezone.now():%Y}/{uuid.uuid4().hex}.pdf"


# Written only by `services.record_decision`: an ordinary save leaves them as they are stored.
DECISION_FIELDS = (
    "decision",
    "approved_amount",
    "decision_reference",
    "decision_note",
    "decision_document",
    "decided_on",
    "decided_by",
)


class BudgetLine(models.Model):
    """Step (c): item × quantity × unit price = total, asked from one funding source."""

    activity = models.ForeignKey(PlanActivity, on_delete=models.CASCADE, related_name="lines")
    item = models.CharField(_("item"), max_length=200)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(MIN_QUANTITY), MaxValueValidator(MAX_QUANTITY)],
    )
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("For example: person, day, pack.")
    )
    unit_price = models.PositiveBigIntegerField(_("unit price (Rp)"))
    total = models.PositiveBigIntegerField(_("total (Rp)"), editable=False, default=0)
    source = models.CharField(_("funding source"), max_length=20, choices=LINE_SOURCES)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    approved_amount = models.PositiveBigIntegerField(_("approved amount (Rp)"), null=True)
    decision_reference = models.CharField(
        _("decided in"),
        max_length=200,
        blank=True,
        help_text=_("The document or minute that says so, e.g. Berita Acara Musdes No. 3/2025."),
    )
    decision_note = models.TextField(_("note on the decision"), blank=True)
    decision_document = models.FileField(
        _("document (PDF)"), upload_to=decision_path, blank=True, max_length=200
    )
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    spent_amount = models.PositiveBigIntegerField(_("spent (Rp)"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    scope_paths = ScopePaths(
        regions=("activity__plan__library__region",), library="activity__plan__library"
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            # More than asked only with a reason.
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True)
                | Q(approved_amount__lte=F("total"))
                | ~Q(decision_note=""),
                name="budget_line_more_than_asked_needs_a_note",
            ),
        ]

    def __str__(self):
        return self.item

    def save(self, *args, **kwargs):
        self.total = line_total(self.quantity, self.unit_price)
        if self.pk and "update_fields" not in kwargs:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in DECISION_FIELDS
            ]
        super().save(*args, **kwargs)

    def clean(self):
        if self.quantity is not None and self.unit_price is not None:
            if line_total(self.quantity, self.unit_price) > MAX_AMOUNT:
                raise ValidationError(
                    {"unit_price": _("This line adds up to more than any plan can ask.")}
                )

    @property
    def is_approved(self):
        return self.decision == Decision.APPROVED

    @property
    def is_decided(self):
        return self.decision != Decision.PENDING

    def get_additional_data(self):
        """Its audit entries show in the plan's history (inklusi.core.auditing)."""
        return part_of(Plan, self.activity.plan_id)


class Submission(models.Model):
    """The plan (or part of it) handed to a funder: which forum, when, to whom."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="submissions")
    forum = models.CharField(_("forum"), max_length=20, choices=Forum.choices)
    submitted_on = models.DateField(_("submitted on"))
    addressed_to = models.CharField(
        _("submitted to"),
        max_length=200,
        help_text=_("For example: Pemerintah Desa Air Batu, Bappeda Kabupaten Banyuasin."),
    )
    reference = models.CharField(_("letter number"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_on", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return f"{self.get_forum_display()} · {self.submitted_on}"

    def get_additional_data(self):
        """Its audit entries show in the plan's history (inklusi.core.auditing)."""
        return part_of(Plan, self.plan_id)


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    ADDED = "added", _("Added")
    CHANGED = "changed", _("Changed")
    REMOVED = "removed", _("Removed")
    STATE = "state", _("State changed")
    COMMENT = "comment", _("Comment")
    SUBMITTED = "submitted", _("Submitted to the funder")
    DECISION = "decision", _("Decision recorded")
    REALISATION = "realisation", _("Realisation recorded")
