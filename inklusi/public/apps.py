from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The open face of the programme: library and activity pages and feeds, no login."""

    name = "inklusi.public"
    verbose_name = _("Public pages")

    def ready(self):
        from inklusi.core import derived, public_cache

        # Activities, their photos, reports and libraries: every write that goes through
        # `core.derived` changes what the public pages show.
        derived.on_changes(public_cache.changed)
