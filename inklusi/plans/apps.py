from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "inklusi.plans"
    verbose_name = _("Work plans")

    def ready(self):
        from inklusi.core import next_steps

        from .steps import next_steps as steps

        next_steps.register(steps)
