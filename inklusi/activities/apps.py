from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "inklusi.activities"
    verbose_name = _("Activities")

    def ready(self):
        from inklusi.comments.services import commentable

        from .models import Activity

        commentable("kegiatan", Activity)
