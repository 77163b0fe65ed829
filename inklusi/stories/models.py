"""Stories of change and the Most Significant Change selection: a library records what changed
in someone's life; the regency, the province and the nation each choose the most significant
of the quarter from the level below, and say why."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.core.storage import PRIVATE_PREFIX


class Domain(models.TextChoices):
    LITERACY = "literacy", _("Literacy")
    LIVELIHOOD = "livelihood", _("Livelihood")
    DIGITAL = "digital", _("Digital skills")
    SOCIAL_INCLUSION = "inclusion", _("Social inclusion")
    HEALTH = "health", _("Health")
    OTHER = "other", _("Other")


class Level(models.TextChoices):
    """The selection levels, lowest first: each chooses among the picks of the one below."""

    REGENCY = "regency", _("Regency/city")
    PROVINCE = "province", _("Province")
    NATION = "nation", _("Nation")


LEVELS = list(Level)


def quarter_of(day):
    """The first day of the quarter holding `day`."""
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def photo_path(story, filename):
    """A private, unguessable name: the file is reached only through the views that check
    consent and scope, never by a /media/ address."""
    return f"{PRIVATE_PREFIX}stories/{timezone.now():%Y}/{uuid.uuid4().hex}.jpg"


class StoryQuerySet(ScopedQuerySet):
    def in_quarter(self, quarter):
        return self.filter(quarter=quarter)

    def chosen(self, level=Level.REGENCY):
        """Stories chosen at `level` or above (every chosen story by default)."""
        higher = LEVELS[LEVELS.index(level) :]
        return self.filter(pk__in=Selection.objects.filter(level__in=higher).values("story"))


class Story(models.Model):
    library = models.ForeignKey("libraries.Library", on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # The quarter whose selection the story enters: the quarter it was recorded in.
    quarter = models.DateField(editable=False)
    domain = models.CharField(_("domain"), max_length=12, choices=Domain)
    # Public: whose life changed, described without a name ("a mother of three who sells
    # cakes"). The name, if the library keeps one, is `person`, which is never shown publicly.
    who = models.CharField(
        _("whose life changed"),
        max_length=200,
        help_text=_("Describe the person without their name, e.g. “a mother who sells cakes”."),
    )
    person = models.CharField(
        _("their name (kept private)"),
        max_length=100,
        blank=True,
        help_text=_("Optional. Only your library and its coordinators see it; never public."),
    )
    what_changed = models.TextField(_("what changed"), max_length=3000)
    why_it_matters = models.TextField(_("why it matters"), max_length=2000)
    quote = models.TextField(_("a quote in their words"), max_length=500, blank=True)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True, max_length=200)
    # The consent record: who recorded that the person agreed to the photo being published,
    # when, and when it was withdrawn (the photo is deleted then).
    photo_consent = models.BooleanField(
        _("the person agreed to the photo being published"), default=False
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story of change")
        verbose_name_plural = _("stories of change")
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["quarter", "library"])]

    def __str__(self):
        return self.who

    def save(self, *args, **kwargs):
        self.quarter = quarter_of(timezone.localtime(self.recorded_at).date())
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:detail", args=[self.pk])

    @property
    def has_consented_photo(self):
        """A photo the person agreed to publish and has not withdrawn."""
        return bool(self.photo) and self.photo_consent and self.consent_withdrawn_at is None


class SelectionQuerySet(models.QuerySet):
    def inside(self, code, first_day, end_day):
        """Picks of stories of libraries inside region `code` made from `first_day` up to
        (not including) `end_day`, highest level last."""
        return (
            self.filter(
                story__library__region__code__inside=code,
                chosen_at__date__gte=first_day,
                chosen_at__date__lt=end_day,
            )
            .select_related("story__library", "region")
            .order_by("chosen_at", "pk")
        )


class Selection(models.Model):
    """One level's choice of a story, with the reason; the region is the regency or province
    that chose (none for the nation)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="selections")
    level = models.CharField(max_length=8, choices=Level)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("why this story is the most significant"), max_length=2000)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_at = models.DateTimeField(default=timezone.now)

    objects = SelectionQuerySet.as_manager()

    class Meta:
        ordering = ["story", "chosen_at"]
        constraints = [
            models.UniqueConstraint(fields=["story", "level"], name="one_selection_per_level")
        ]
        indexes = [models.Index(fields=["level", "region"])]

    def __str__(self):
        return f"{self.get_level_display()}: {self.story}"
