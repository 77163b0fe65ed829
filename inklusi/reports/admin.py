from django.contrib import admin

from .models import MonthlyReport


@admin.register(MonthlyReport)
class MonthlyReportAdmin(admin.ModelAdmin):
    list_display = ["library", "month", "visitors_female", "visitors_male", "submitted_at"]
    raw_id_fields = ["library", "submitted_by", "updated_by"]
    date_hierarchy = "month"
