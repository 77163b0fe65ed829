from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibrariesConfig(AppConfig):
    name = "inklusi.libraries"
    verbose_name = _("Libraries")

    def ready(self):
        from inklusi.core import next_steps

        from .steps import next_steps as steps

        next_steps.register(steps)
