from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at", "email"]
    list_filter = ["kind", "email"]
    search_fields = ["title", "recipient__email"]
    raw_id_fields = ["recipient", "actor"]
    readonly_fields = ["created_at"]
