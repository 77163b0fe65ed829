from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "inklusi.surveys"
    verbose_name = _("Outcome surveys")

    def ready(self):
        from inklusi.core import derived

        from . import summaries

        derived.on_changes(summaries.refresh_touched)
