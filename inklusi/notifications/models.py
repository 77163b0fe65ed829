from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import kinds


class EmailState(models.TextChoices):
    NONE = "none", _("No e-mail")  # the kind is switched off, or the person has no address
    WAITING = "waiting", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """A person's own notifications: nobody else's, whatever their role."""
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing one person should know about: kept in their inbox, perhaps e-mailed.

    The e-mail fields are a small state machine (`services.deliver`): a worker claims a row by
    moving it from waiting to sending in one UPDATE, so two workers never send the same row,
    and marks it sent once the mail server took it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30)  # a code of kinds.KINDS
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the kind needs to build its e-mail again (the digest's region and month).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    email = models.CharField(
        _("e-mail"), max_length=10, choices=EmailState.choices, default=EmailState.NONE
    )
    in_daily_digest = models.BooleanField(default=False)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_next_try_at = models.DateTimeField(null=True, blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=500, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email", "email_next_try_at"]),
        ]

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return kinds.label(self.kind)


class Delivery(models.TextChoices):
    EACH = "each", _("One e-mail for each notification")
    DAILY = "daily", _("One e-mail a day with everything new")


class EmailSettings(models.Model):
    """How a person wants their notifications e-mailed; no row means the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_settings",
    )
    delivery = models.CharField(
        _("e-mail delivery"), max_length=10, choices=Delivery.choices, default=Delivery.EACH
    )
    muted_kinds = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("notification e-mail settings")
        verbose_name_plural = _("notification e-mail settings")

    def __str__(self):
        return str(self.user)

    def wants(self, kind):
        return kind not in self.muted_kinds
