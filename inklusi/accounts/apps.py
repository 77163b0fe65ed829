from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "inklusi.accounts"
    verbose_name = _("People and access")

    def ready(self):
        from . import signals  # noqa: F401  (connects the user_logged_in receiver)
