from django.contrib import admin

from . import services
from .models import MonthlyReport


@admin.register(MonthlyReport)
class MonthlyReportAdmin(admin.ModelAdmin):
    """Saves and deletes go through the services, so the dashboard's summaries follow."""

    list_display = ["library", "month", "visitors_female", "visitors_male", "submitted_at"]
    raw_id_fields = ["library", "submitted_by", "updated_by"]
    date_hierarchy = "month"

    def save_model(self, request, obj, form, change):
        if change:
            services.update_report(obj, request.user)
        else:
            services.file_report(obj, request.user, submitted_at=obj.submitted_at)

    def delete_model(self, request, obj):
        services.delete_report(obj, request.user)

    def delete_queryset(self, request, queryset):
        services.delete_reports(list(queryset), request.user)
