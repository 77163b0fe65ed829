import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.core.auditing import part_of
from inklusi.core.phones import normalize_whatsapp
from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.regions.models import Level

from .validators import normalize_npp, validate_in_indonesia


class Kind(models.TextChoices):
    PROVINCE = "province", _("Provincial library")
    REGENCY = "regency", _("Regency/city library")
    VILLAGE = "village", _("Village/kelurahan library")
    TBM = "tbm", _("Community reading house (TBM)")
    SCHOOL = "school", _("School library")


# The region level each kind of library is registered at.
KIND_REGION_LEVELS = {
    Kind.PROVINCE: (Level.PROVINCE,),
    Kind.REGENCY: (Level.REGENCY,),
    Kind.VILLAGE: (Level.VILLAGE,),
    Kind.TBM: (Level.DISTRICT, Level.VILLAGE),
    Kind.SCHOOL: (Level.DISTRICT, Level.VILLAGE),
}


class Status(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    REPLICATING = "replicating", _("Replicating")
    INDEPENDENT = "independent", _("Independent")


# Written by the monitoring summaries, never by a save of the library.
KEPT_BY_SUMMARIES = ("last_activity_on",)

# The text fields a complete registry entry has filled in (besides its coordinates).
PROFILE_TEXT_FIELDS = ("address", "opening_hours", "whatsapp", "cover_photo")


class LibraryQuerySet(ScopedQuerySet):
    def incomplete(self):
        """Libraries whose profile still lacks coordinates or one of PROFILE_TEXT_FIELDS."""
        missing = models.Q(latitude__isnull=True) | models.Q(longitude__isnull=True)
        for name in PROFILE_TEXT_FIELDS:
            missing |= models.Q(**{name: ""})
        return self.filter(missing)

    def without_manager(self):
        """Libraries no one manages in Inklusi yet: nobody holds the library-manager role."""
        managed = RoleAssignment.objects.filter(role=Role.LIBRARY_MANAGER).values("library_id")
        return self.exclude(pk__in=managed)

    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(
            models.Q(name__icontains=text)
            | models.Q(npp__icontains=text)
            | models.Q(address__icontains=text)
            | models.Q(region__name__icontains=text)
        )


def _iplm_count(label, help_text=""):
    return models.PositiveIntegerField(label, null=True, blank=True, help_text=help_text)


# Libraries never active first, then the longest quiet: COALESCE rather than NULLS FIRST, which
# SQLite cannot index.
QUIET_ORDER = Coalesce("last_activity_on", models.Value(datetime.date.min))


class Library(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.VILLAGE)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="libraries",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    npp = models.CharField(
        _("NPP (library number)"), max_length=20, unique=True, null=True, blank=True
    )
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("For example: Monday–Friday 08.00–15.00, Saturday 08.00–12.00"),
    )
    whatsapp = models.CharField(_("WhatsApp number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    cohort_year = models.PositiveSmallIntegerField(
        _("programme cohort year"), null=True, blank=True
    )
    status = models.CharField(
        _("programme status"), max_length=20, choices=Status.choices, default=Status.CANDIDATE
    )
    joined_on = models.DateField(
        _("in the programme since"),
        null=True,
        blank=True,
        help_text=_(
            "The day the library became a TPBIS beneficiary. Monthly reports are expected from "
            "that month on."
        ),
    )
    # The latest published activity's date, kept by the monitoring summaries (for "went quiet").
    last_activity_on = models.DateField(_("last activity"), null=True, blank=True, editable=False)
    description = models.TextField(_("about the library"), blank=True)
    # The literacy index (IPLM) elements the profile holds; empty is "not given", not zero
    # (the regency's IPLM download counts how many libraries gave each).
    collection_titles = _iplm_count(_("collection: titles"))
    collection_copies = _iplm_count(_("collection: copies"))
    staff = _iplm_count(_("library staff"))
    trained_staff = _iplm_count(
        _("staff trained in librarianship"),
        _("Staff with a librarianship qualification or training (Diklat, Bimtek)."),
    )
    cover_photo = models.ImageField(_("cover photo"), upload_to="libraries/covers/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_paths = ScopePaths(regions=("region",), library="pk")
    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["cohort_year"]),
            models.Index(fields=["last_activity_on"]),
            # Also in the order of the dashboard's "gone quiet" list, whose first rows then
            # come from the index instead of a sort of every quiet library; with the columns
            # of the quiet filter, so that counting the quiet libraries reads only the index
            # (PostgreSQL; SQLite ignores `include`).
            models.Index(
                QUIET_ORDER,
                "region",
                "name",
                include=["last_activity_on", "status", "joined_on"],
                name="library_quiet_order",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Only `services.py` saves libraries. A library loaded before an activity was
        published must not write back the `last_activity_on` it was loaded with: that date is
        written by the monitoring summaries alone (a queryset update)."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in KEPT_BY_SUMMARIES
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("libraries:detail", args=[self.pk])

    def clean(self):
        errors = {}
        try:
            self.npp = normalize_npp(self.npp)
        except ValidationError as e:
            errors["npp"] = e.messages
        try:
            self.whatsapp = normalize_whatsapp(self.whatsapp)
        except ValidationError as e:
            errors["whatsapp"] = e.messages
        try:
            validate_in_indonesia(self.latitude, self.longitude)
        except ValidationError as e:
            errors.update(e.message_dict)
        if self.cohort_year and not 2018 <= self.cohort_year <= timezone.now().year + 1:
            errors["cohort_year"] = _("Enter a year between 2018 and next year.")
        if self.status != Status.CANDIDATE and self.joined_on is None:
            self.joined_on = timezone.localdate()
        levels = KIND_REGION_LEVELS.get(self.kind, ())
        if self.region_id and self.region.level not in levels:
            allowed = " / ".join(str(Level(level).label).lower() for level in levels)
            errors["region"] = _(
                "Pick a region of level %(levels)s for this kind of library (%(kind)s)."
            ) % {"kind": self.get_kind_display(), "levels": allowed}
        if errors:
            raise ValidationError(errors)

    def managers(self):
        """The people who hold the library-manager role for this library."""
        return User.objects.filter(
            is_active=True, roles__role=Role.LIBRARY_MANAGER, roles__library=self
        ).order_by("full_name")

    @property
    def whatsapp_link(self):
        return f"https://wa.me/{self.whatsapp}" if self.whatsapp else ""

    @property
    def place_beside_name(self):
        """Where the library is, for the small print beside its name, without saying the
        place twice: "Perpustakaan Desa Kuala Puntian" is followed by its district and
        regency, not by "Desa Kuala Puntian" again."""
        region = self.region
        if region.name.casefold() in self.name.casefold():
            return region.context
        return region.label

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def social_links(self):
        """(label, url) of each social-media account the library has."""
        names = ["website", "facebook", "instagram", "youtube", "tiktok"]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in names
            if getattr(self, name)
        ]

    def missing_profile_fields(self):
        """Labels of the profile fields a complete registry entry still lacks."""
        labels = [
            self._meta.get_field(name).verbose_name
            for name in PROFILE_TEXT_FIELDS
            if not getattr(self, name)
        ]
        if not self.has_location:
            labels.insert(1, _("location on the map"))
        return labels


class AssistanceKind(models.TextChoices):
    COMPUTERS = "computers", _("Computers and equipment")
    INTERNET = "internet", _("Internet connection")
    BOOKS = "books", _("Books")
    FURNITURE = "furniture", _("Furniture and shelving")
    TRAINING = "training", _("Training (Bimtek)")
    FUNDS = "funds", _("Funds")
    OTHER = "other", _("Other")


class Assistance(models.Model):
    """Help the library received: what, when, from whom."""

    library = models.ForeignKey(Library, on_delete=models.CASCADE, related_name="assistance")
    kind = models.CharField(_("what"), max_length=20, choices=AssistanceKind.choices)
    description = models.CharField(_("details"), max_length=300, blank=True)
    received_on = models.DateField(_("received on"))
    provider = models.CharField(
        _("from whom"), max_length=200, help_text=_("For example: Perpusnas, a company's CSR")
    )

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on"]
        verbose_name = _("assistance")
        verbose_name_plural = _("assistance received")

    def __str__(self):
        # The year by its text: the audit trail names the record before the field is a date.
        return f"{self.get_kind_display()} ({str(self.received_on)[:4]})"

    def get_additional_data(self):
        """Its audit entries show in the library's history (inklusi.core.auditing)."""
        return part_of(Library, self.library_id)
