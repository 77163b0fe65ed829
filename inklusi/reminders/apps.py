from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "inklusi.reminders"
    verbose_name = _("Reminders")

    def ready(self):
        from inklusi.notifications import kinds

        from . import digest

        kinds.attach_files("monthly_digest", digest.attachments)
