from __future__ import annotations

from django.contrib import admin

from cum4.notifications.models import Inbox, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "text", "read_at", "emailed_at"]
    list_filter = ["kind"]
    search_fields = ["text", "recipient__username", "key"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    date_hierarchy = "created_at"

    # Written by the services only, which keep each inbox's unread count: read here.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Inbox)
class InboxAdmin(admin.ModelAdmin):
    list_display = ["user", "unread", "email_enabled"]
    list_filter = ["email_enabled"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]
    readonly_fields = ["unread"]
