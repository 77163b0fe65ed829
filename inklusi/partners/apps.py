from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "inklusi.partners"
    verbose_name = _("Partners")

    def ready(self):
        from inklusi.comments.services import commentable

        from .models import Agreement

        commentable("perjanjian", Agreement, own_page=True)
