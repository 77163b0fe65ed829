"""Partners (*mitra*) of the libraries: who they are, whom to call, what was agreed and given.

A partner can serve many libraries, and is seen by everyone whose scope covers one of its
libraries or its region. Contacts are professional personal data: shown to logged-in users of
that scope only, never on public pages.
"""

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.auditing import part_of
from inklusi.core.scoping import ScopedQuerySet, ScopePaths, optional_library, optional_region
from inklusi.core.storage import PRIVATE_PREFIX

from .names import normalise_name

ENDING_SOON_DAYS = 90


class PartnerKind(models.TextChoices):
    GOVERNMENT_UNIT = "government_unit", _("Regional government unit")
    VILLAGE_GOVERNMENT = "village_government", _("Village government")
    COMPANY = "company", _("Company / CSR")
    NGO = "ngo", _("NGO or foundation")
    UNIVERSITY = "university", _("University or school")
    COMMUNITY = "community", _("Community group")
    MEDIA = "media", _("Media")
    RELIGIOUS = "religious", _("Religious organisation")
    INDIVIDUAL = "individual", _("Individual")


class PartnerQuerySet(ScopedQuerySet):
    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text)
            | Q(sector__icontains=text)
            | Q(name_key__contains=normalise_name(text) or text)
        )


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=200)
    # The name without legal forms, punctuation and case: what the duplicate check compares.
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    sector = models.CharField(
        _("sector"),
        max_length=100,
        blank=True,
        help_text=_("For example: banking, agriculture, education, telecommunications."),
    )
    region = optional_region(
        help_text=_("Where the partner is based or works: a province, regency or village.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    libraries = models.ManyToManyField(
        "libraries.Library",
        verbose_name=_("libraries"),
        blank=True,
        related_name="partners",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Its own region or its libraries' regions, or one of its libraries.
    scope_paths = ScopePaths(regions=("region", "libraries__region"), library="libraries")
    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.pk])


class PartnerContact(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = models.CharField(
        _("phone or WhatsApp"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()./-]{5,28}$", _("Enter a phone number, e.g. 0812 3456 7890.")
            )
        ],
    )
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name

    def get_additional_data(self):
        """Its audit entries show in the partner's history (inklusi.core.auditing)."""
        return part_of(Partner, self.partner_id)


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding (MoU)")
    PKS = "pks", _("Cooperation agreement (PKS)")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("In force")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


class AgreementQuerySet(ScopedQuerySet):
    def scope_q(self, access):
        """An agreement is in scope when its partner is and, when it names one library, that
        library is too (no library means all the partner's libraries)."""
        partners = Partner.objects.filter(Partner.objects.scope_q(access)).values("pk")
        return Q(partner__in=partners) & (
            Q(library__isnull=True) | access.q(("library__region",), "library")
        )

    def ending_soon(self, days=ENDING_SOON_DAYS):
        """Agreements in force whose end date falls within the next `days` days (today too)."""
        today = timezone.localdate()
        return self.filter(
            status=AgreementStatus.ACTIVE,
            ends_on__gte=today,
            ends_on__lte=today + datetime.timedelta(days=days),
        )


def agreement_path(agreement, filename):
    """An unguessable name: the file is served only through the scope-checked view."""
    return f"{PRIVATE_PREFIX}partners/agreements/{timezone.now():%Y}/{uuid.uuid4().hex}.pdf"


class Agreement(models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="agreements"
    )
    library = optional_library(
        help_text=_("Leave empty if the agreement covers all the partner's libraries.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AgreementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    parties = models.CharField(
        _("parties"),
        max_length=300,
        blank=True,
        help_text=_("Who signed, e.g. Dinas Perpustakaan Kabupaten Banyuasin and the partner."),
    )
    scope = models.TextField(_("what it covers"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Leave empty if it has no end date.")
    )
    document = models.FileField(
        _("signed document (PDF)"), upload_to=agreement_path, blank=True, max_length=200
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.partner.get_absolute_url() + f"#agreement-{self.pk}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})

    @property
    def days_left(self):
        return (self.ends_on - timezone.localdate()).days if self.ends_on else None

    @property
    def is_ending_soon(self):
        days = self.days_left
        return (
            self.status == AgreementStatus.ACTIVE
            and days is not None
            and 0 <= days <= ENDING_SOON_DAYS
        )

    @property
    def is_past_end(self):
        """In force on paper but past its end date: its status needs updating."""
        days = self.days_left
        return self.status == AgreementStatus.ACTIVE and days is not None and days < 0

    @property
    def document_name(self):
        return PurePosixPath(self.document.name).name if self.document else ""

    def get_additional_data(self):
        """Its audit entries show in the partner's history (inklusi.core.auditing)."""
        return part_of(Partner, self.partner_id)


class ContributionKind(models.TextChoices):
    CASH = "cash", _("Cash")
    GOODS = "goods", _("Goods")
    VENUE = "venue", _("Venue")
    TRAINERS = "trainers", _("Trainers or speakers")
    BOOKS = "books", _("Books")
    INTERNET = "internet", _("Internet access")
    OTHER = "other", _("Other")


class ContributionQuerySet(ScopedQuerySet):
    def totals(self):
        """{"total", "estimated", "by_kind": [(kind, label, value)]} of these contributions."""
        sums = dict(
            self.order_by().values_list("kind").annotate(value=models.Sum("value")).order_by()
        )
        estimated = self.filter(is_estimate=True).aggregate(v=models.Sum("value"))["v"] or 0
        return {
            "total": sum(sums.values()),
            "estimated": estimated,
            "by_kind": [(k.value, k.label, sums[k.value]) for k in ContributionKind if k in sums],
        }


class Contribution(models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contributions"
    )
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    kind = models.CharField(_("what was given"), max_length=20, choices=ContributionKind.choices)
    description = models.CharField(_("description"), max_length=300)
    value = models.PositiveBigIntegerField(_("value (Rp)"), default=0)
    is_estimate = models.BooleanField(
        _("the value is an estimate"),
        default=False,
        help_text=_("For goods, a venue or trainers: what it would have cost to buy."),
    )
    given_on = models.DateField(_("date"))
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity it served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [models.Index(fields=["library", "given_on"])]

    def __str__(self):
        return self.description

    def clean(self):
        errors = {}
        if self.given_on and self.given_on > timezone.localdate():
            errors["given_on"] = _("Record a contribution once it has been given.")
        if self.activity_id and self.library_id and self.activity.library_id != self.library_id:
            errors["activity"] = _("Pick an activity of the same library.")
        if self.kind == ContributionKind.CASH and not self.value:
            errors["value"] = _("Enter the amount given.")
        if self.kind == ContributionKind.CASH and self.is_estimate:
            errors["is_estimate"] = _("A cash amount is exact, not an estimate.")
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        """Its audit entries show in the partner's history (inklusi.core.auditing)."""
        return part_of(Partner, self.partner_id)
