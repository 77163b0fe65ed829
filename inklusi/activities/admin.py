from django.contrib import admin

from .models import Activity, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_id", "name_en", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "library", "starts_on", "status", "review"]
    list_filter = ["status", "review", "category"]
    search_fields = ["title", "library__name"]
    raw_id_fields = ["library", "created_by", "reviewed_by"]
    date_hierarchy = "starts_on"
