from django.contrib import admin

from .models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    """For moderation: look and remove. Announcements are posted from their page, which
    addresses them (`services.post`), so the admin neither adds nor changes them. The
    attachment is named, not linked: it is private (core/storage.py), read on its page."""

    exclude = ["attachment"]

    list_display = ["title", "author", "region", "created_at", "pinned", "expires_on"]
    list_filter = ["pinned"]
    search_fields = ["title", "body"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
