from django.contrib import admin

from . import services
from .models import Activity, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_id", "name_en", "slug", "position", "is_active", "livelihood"]
    list_editable = ["position", "is_active", "livelihood"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """Saves and deletes go through the services, so the dashboard's summaries follow. The
    state (published, verified, sent back) changes on the activity's own page, by the rules of
    `services.ACTIONS`, so it is shown here but not edited."""

    list_display = ["title", "library", "starts_on", "status", "review"]
    list_filter = ["status", "review", "category"]
    search_fields = ["title", "library__name"]
    raw_id_fields = ["library"]
    readonly_fields = [*services.MOVED_FIELDS, "created_by"]
    date_hierarchy = "starts_on"

    def save_model(self, request, obj, form, change):
        services.save_activity(obj, request.user, publish=obj.is_published)

    def delete_model(self, request, obj):
        services.delete(obj, request.user)

    def delete_queryset(self, request, queryset):
        services.delete_activities(list(queryset), request.user)
