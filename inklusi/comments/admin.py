from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """For moderation: look and remove; comments are written on their record's page."""

    list_display = ["__str__", "author", "content_type", "object_id", "created_at"]
    search_fields = ["body"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
