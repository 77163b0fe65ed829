from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """The mark that one reminder went to one person: written, in the same transaction as the
    notification, *before* anything is sent. Its unique key makes a second run, a restarted
    worker or a second scheduler running at the same moment fail to write it, and so send
    nothing."""

    kind = models.CharField(_("reminder"), max_length=30)  # e.g. "report_due_soon"
    object_key = models.CharField(max_length=60)  # what it is about: "library:12"
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    occasion = models.CharField(max_length=60)  # which time: "2026-10", "2026-12-01"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "recipient", "occasion"], name="one_reminder_each"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_key} {self.occasion}"
