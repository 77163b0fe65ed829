from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "inklusi.activities"
    verbose_name = _("Activities")

    def ready(self):
        from inklusi.core import next_steps

        from .steps import next_steps as steps

        next_steps.register(steps)
