from django.contrib import admin

from .models import AdvocacyMeeting


@admin.register(AdvocacyMeeting)
class AdvocacyMeetingAdmin(admin.ModelAdmin):
    list_display = ["topic", "counterpart_name", "met_on", "committed_amount", "follow_up_on"]
    list_filter = ["counterpart_kind", "follow_up_done"]
    search_fields = ["topic", "counterpart_name"]
    raw_id_fields = ["library", "region"]
