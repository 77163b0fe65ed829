from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "inklusi.plans"
    verbose_name = _("Work plans")

    def ready(self):
        from inklusi.comments.services import commentable
        from inklusi.core import next_steps

        from .models import Plan
        from .steps import next_steps as steps

        commentable("rencana", Plan)
        next_steps.register(steps)
