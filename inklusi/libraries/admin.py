from django.contrib import admin

from .models import Assistance, Library


class AssistanceInline(admin.TabularInline):
    model = Assistance
    extra = 0


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "status", "cohort_year", "npp"]
    list_filter = ["kind", "status", "cohort_year"]
    search_fields = ["name", "npp", "region__name"]
    autocomplete_fields = ["region"]
    inlines = [AssistanceInline]
