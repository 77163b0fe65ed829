from django.contrib import admin

from . import services
from .models import Assistance, Library


class AssistanceInline(admin.TabularInline):
    model = Assistance
    extra = 0


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    """Saves and deletes go through the services, so the dashboard's summaries follow."""

    list_display = ["name", "kind", "region", "status", "cohort_year", "npp"]
    list_filter = ["kind", "status", "cohort_year"]
    search_fields = ["name", "npp", "region__name"]
    autocomplete_fields = ["region"]
    inlines = [AssistanceInline]

    def save_model(self, request, obj, form, change):
        services.save_library(obj)

    def delete_model(self, request, obj):
        services.delete_libraries([obj])

    def delete_queryset(self, request, queryset):
        services.delete_libraries(list(queryset))
