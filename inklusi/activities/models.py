"""Community-engagement activities (*kegiatan pelibatan masyarakat*) and their photos.

An activity is written by the library's manager (or a coordinator), published when ready, and
then verified or sent back by a coordinator: the moves and who may make them are in
`services.py`, the only place that writes activities. Only published activities reach the
public pages, and of their photos only those with consent to publish.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inklusi.core.auditing import part_of
from inklusi.core.funding import FundingSource
from inklusi.core.offline import OfflineRecord
from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.core.storage import PRIVATE_PREFIX

MAX_PHOTOS = 10
THUMBNAIL_SIDE = 480


class Category(models.Model):
    """The maintained list of activity categories (edited in the admin, seeded by a migration)."""

    slug = models.SlugField(unique=True)
    name_id = models.CharField(_("name in Indonesian"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    # Livelihood activities: their outcome survey asks whether people earned or saved money
    # or started a business.
    livelihood = models.BooleanField(_("livelihood activity"), default=False)

    class Meta:
        ordering = ["position", "name_id"]
        verbose_name = _("activity category")
        verbose_name_plural = _("activity categories")

    def __str__(self):
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Review(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Sent back")


# Each social-media field accepts links to these hosts (and their subdomains) only.
SOCIAL_HOSTS = {
    "facebook_url": ("facebook.com", "fb.com", "fb.watch"),
    "instagram_url": ("instagram.com",),
    "youtube_url": ("youtube.com", "youtu.be"),
    "tiktok_url": ("tiktok.com",),
    "whatsapp_url": ("whatsapp.com", "wa.me"),
}

# Participant counts: by gender (these two make the total), by age group, by inclusion group.
GENDER_FIELDS = ("participants_female", "participants_male")
AGE_FIELDS = (
    "participants_children",
    "participants_youth",
    "participants_adults",
    "participants_elderly",
)
INCLUSION_FIELDS = (
    "participants_disability",
    "participants_low_income",
    "participants_out_of_school",
)


def _count(label, help_text=""):
    return models.PositiveIntegerField(label, default=0, help_text=help_text)


class ActivityQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def awaiting_verification(self):
        return self.published().filter(review=Review.PENDING)

    def in_month(self, month):
        """Activities that start in the calendar month of `month` (any date in it)."""
        return self.filter(starts_on__year=month.year, starts_on__month=month.month)


class Activity(OfflineRecord):
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="activities"
    )
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Only for activities of several days.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("what happened"), blank=True)
    facilitator = models.CharField(_("facilitator or speaker"), max_length=200, blank=True)
    partners = models.CharField(
        _("partners involved"),
        max_length=300,
        blank=True,
        help_text=_("For example: village government, PKK, a local company"),
    )
    participants_female = _count(_("women and girls"))
    participants_male = _count(_("men and boys"))
    participants_children = _count(_("children (0–12)"))
    participants_youth = _count(_("youth (13–24)"))
    participants_adults = _count(_("adults (25–59)"))
    participants_elderly = _count(_("elderly (60+)"))
    participants_disability = _count(_("persons with disabilities"))
    participants_low_income = _count(_("from low-income families"))
    participants_out_of_school = _count(_("children and youth out of school"))
    volunteers = _count(_("volunteers"))
    cost = models.PositiveBigIntegerField(_("cost (Rp)"), default=0)
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource.choices, default="none"
    )
    outcome = models.TextField(_("outcome"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    facebook_url = models.URLField(_("Facebook post"), max_length=500, blank=True)
    instagram_url = models.URLField(_("Instagram post"), max_length=500, blank=True)
    youtube_url = models.URLField(_("YouTube video"), max_length=500, blank=True)
    tiktok_url = models.URLField(_("TikTok video"), max_length=500, blank=True)
    whatsapp_url = models.URLField(_("WhatsApp channel post"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    review = models.CharField(
        _("verification"), max_length=20, choices=Review.choices, default=Review.PENDING
    )
    review_comment = models.TextField(_("coordinator's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["library", "starts_on"]),
            models.Index(fields=["status", "starts_on"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.pk])

    def get_public_url(self):
        return reverse("public:activity", args=[self.pk])

    @property
    def participants_total(self):
        return self.participants_female + self.participants_male

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def state(self):
        """(key, label): the one status shown in lists and on the page. A draft, a draft sent
        back, or, once published, where its verification stands (only published activities
        are verified, so "Verified" says published too)."""
        if self.is_published:
            shown = Review(self.review)
        else:
            shown = Review.RETURNED if self.review == Review.RETURNED else Status.DRAFT
        return shown.value, shown.label

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.starts_on and self.starts_on > today:
            errors["starts_on"] = _("Record an activity once it has taken place.")
        if self.starts_on and self.ends_on:
            if self.ends_on < self.starts_on:
                errors["ends_on"] = _("The end date cannot be before the start date.")
            elif self.ends_on > today:
                errors["ends_on"] = _("Record an activity once it has taken place.")
        total = self.participants_total
        age_sum = sum(getattr(self, name) for name in AGE_FIELDS)
        if age_sum and age_sum != total:
            errors["participants_children"] = _(
                "The age groups add up to %(ages)s, but women and men add up to %(total)s. "
                "Each participant belongs to one age group."
            ) % {"ages": age_sum, "total": total}
        for name in INCLUSION_FIELDS:
            if getattr(self, name) > total:
                errors[name] = _("This cannot be more than all participants (%(total)s).") % {
                    "total": total
                }
        for name, hosts in SOCIAL_HOSTS.items():
            url = getattr(self, name)
            if url and not _on_host(url, hosts):
                errors[name] = _("This is not a link to %(site)s.") % {
                    "site": self._meta.get_field(name).verbose_name
                }
        if self.cost and self.funding_source == FundingSource.NONE:
            errors["funding_source"] = _("Say who paid the cost.")
        if errors:
            raise ValidationError(errors)

    def social_links(self):
        """(label, url) of each social-media post about the activity."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SOCIAL_HOSTS
            if getattr(self, name)
        ]


def _on_host(url, hosts):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


# Photos are stored under random names, and only a public one (`ActivityPhoto.is_public`)
# outside the private prefix, which is never served by address (core/storage.py); the photo
# service moves them as the activity or the consent changes.
def photo_path(photo, filename):
    return _photo_name(photo, "photos")


def thumbnail_path(photo, filename):
    return _photo_name(photo, "thumbs")


def _photo_name(photo, kind):
    prefix = "" if photo.is_public else PRIVATE_PREFIX
    return f"{prefix}activities/{kind}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.jpg"


class ActivityPhotoQuerySet(ScopedQuerySet):
    def public(self):
        """Photos that may appear on public pages: consented, of a published activity."""
        return self.filter(consent_to_publish=True, activity__status=Status.PUBLISHED)


class ActivityPhoto(models.Model):
    """A photo, re-encoded on upload (no location or camera metadata), with its thumbnail."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path)
    thumbnail = models.ImageField(upload_to=thumbnail_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    consent_to_publish = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_(
            "Tick only if the people who can be recognised in the photo (or a parent, for "
            "children) agreed to its publication."
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_paths = ScopePaths(regions=("activity__library__region",), library="activity__library")
    objects = ActivityPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    def get_absolute_url(self):
        """The photo through the scope check (the activity's readers), public or not."""
        return reverse("activities:photo", args=[self.activity_id, self.pk])

    def get_thumbnail_url(self):
        return reverse("activities:thumbnail", args=[self.activity_id, self.pk])

    @property
    def is_public(self):
        """Shown on the public pages and served by address: consented, activity published."""
        return self.consent_to_publish and self.activity.status == Status.PUBLISHED

    def get_additional_data(self):
        """Its audit entries show in the activity's history (inklusi.core.auditing)."""
        return part_of(Activity, self.activity_id)
