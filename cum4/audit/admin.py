"""The access log in the admin: the secretariat reads and filters it; nobody edits it."""

from __future__ import annotations

from django.contrib import admin

from cum4.audit.models import AccessRecord


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "what", "ip_address"]
    list_filter = ["action", "at", "user__role", "user__unit"]
    search_fields = ["username", "what", "path"]
    date_hierarchy = "at"
    list_select_related = ["user"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
