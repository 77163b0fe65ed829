from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "inklusi.monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from inklusi.core import derived

        from . import summaries

        derived.on_changes(summaries.refresh_touched)
