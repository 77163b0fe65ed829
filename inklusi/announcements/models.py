"""Announcements from the national team, a province or a regency to the people below them,
and a receipt per person addressed, which says whether they have read it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.accounts.models import Role
from inklusi.core.scoping import ScopedQuerySet, ScopePaths, optional_library, optional_region
from inklusi.core.storage import PRIVATE_PREFIX


class AnnouncementQuerySet(ScopedQuerySet):
    def for_reader(self, user, scope):
        """What the user may open: announcements addressed to them, written by them, or sent
        inside an area they coordinate (a province coordinator sees a regency's)."""
        addressed = Receipt.objects.filter(user=user).values("announcement")
        return self.filter(Q(pk__in=addressed) | Q(author=user) | self.scope_q(scope.invite))

    def marked_unread(self, user):
        """Each marked `unread` when addressed to the user and not opened yet."""
        unread = Receipt.objects.filter(
            announcement=models.OuterRef("pk"), user=user, read_at__isnull=True
        )
        return self.annotate(unread=models.Exists(unread))

    def for_home(self, user, scope):
        """The home page's: current ones, the unread first, then the pinned, then the newest."""
        return (
            self.for_reader(user, scope)
            .current()
            .marked_unread(user)
            .select_related("author")
            .order_by("-unread", "-pinned", "-created_at", "-pk")
        )

    def current(self):
        today = timezone.localdate()
        return self.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))


class Announcement(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="announcements"
    )
    # The audience: everyone holding a role inside `region` (none: the whole country), of
    # the chosen roles (none chosen: every role), holding a library of the cohort (if given).
    region = optional_region(verbose_name=_("to the region"))
    audience_roles = models.JSONField(_("to the roles"), default=list, blank=True)
    cohort_year = models.PositiveSmallIntegerField(
        _("programme cohort year"), null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("announcement"), max_length=5000)
    attachment = models.FileField(
        _("attachment"), upload_to=PRIVATE_PREFIX + "announcements/%Y/", blank=True
    )
    attachment_name = models.CharField(max_length=150, blank=True)
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Pinned announcements stay at the top.")
    )
    expires_on = models.DateField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("After this day it leaves the home page. Leave empty to keep it."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    scope_paths = ScopePaths(regions=("region",))
    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-pinned", "-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("announcements:detail", args=[self.pk])

    @property
    def is_expired(self):
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def audience_label(self):
        """Who it was sent to, in words: "Kabupaten Banyuasin · Library manager · cohort 2024"."""
        parts = [self.region.label if self.region_id else str(_("All of Indonesia"))]
        parts += [str(Role(role).label) for role in self.audience_roles if role in Role.values]
        if self.cohort_year:
            parts.append(str(_("cohort %(year)s") % {"year": self.cohort_year}))
        return " · ".join(parts)


class Receipt(models.Model):
    """One person an announcement was addressed to, through which role's region or library,
    and when they opened it (none: not yet)."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="receipts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="announcement_receipts"
    )
    region = optional_region()
    library = optional_library()
    read_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    scope_paths = ScopePaths(regions=("region", "library__region"), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="one_receipt_per_person")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.announcement} → {self.user}"

    @property
    def place_label(self):
        if self.library_id:
            return self.library.name
        return self.region.label if self.region_id else _("All of Indonesia")
