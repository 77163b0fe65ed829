from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "inklusi.reports"
    verbose_name = _("Monthly reports")

    def ready(self):
        from inklusi.comments.services import commentable
        from inklusi.core import next_steps

        from .models import MonthlyReport
        from .steps import next_steps as steps

        commentable("laporan", MonthlyReport)
        next_steps.register(steps)
