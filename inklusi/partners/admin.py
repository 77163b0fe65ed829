from django.contrib import admin

from inklusi.core.widgets import PRIVATE_FILES_IN_ADMIN

from .models import Agreement, Contribution, Partner, PartnerContact


class ContactInline(admin.TabularInline):
    model = PartnerContact
    extra = 0


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "sector"]
    autocomplete_fields = ["region", "libraries"]
    inlines = [ContactInline]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    formfield_overrides = PRIVATE_FILES_IN_ADMIN
    list_display = ["title", "partner", "kind", "starts_on", "ends_on", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "partner__name"]
    raw_id_fields = ["partner", "library"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["description", "partner", "library", "kind", "value", "given_on"]
    list_filter = ["kind"]
    search_fields = ["description", "partner__name", "library__name"]
    raw_id_fields = ["partner", "library", "activity"]
