from django.contrib import admin

from .models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """For moderation: look and remove; asking and answering happen on the pages. The photo
    is private (core/storage.py): it is seen on the question's page."""

    exclude = ["photo"]

    list_display = ["__str__", "library", "asked_at", "answered_at", "is_faq"]
    list_filter = ["is_faq"]
    search_fields = ["text", "answer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
