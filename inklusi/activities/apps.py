from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "inklusi.activities"
    verbose_name = _("Activities")

    def ready(self):
        from inklusi.comments.services import commentable
        from inklusi.core import next_steps

        from .models import Activity
        from .steps import next_steps as steps

        commentable("kegiatan", Activity)
        next_steps.register(steps)
