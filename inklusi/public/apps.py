from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The open face of the programme: library and activity pages and feeds, no login."""

    name = "inklusi.public"
    verbose_name = _("Public pages")
