from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "inklusi.reports"
    verbose_name = _("Monthly reports")

    def ready(self):
        from inklusi.comments.services import commentable

        from .models import MonthlyReport

        commentable("laporan", MonthlyReport)
