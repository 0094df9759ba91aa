"""Admin of the dossier: read-mostly. A frozen component cannot be changed or deleted here
(nor anywhere: the model refuses too); the history of every write is kept."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from emulation.dossier.models import Component, Dossier, SignedCopy, UnitDossier


@admin.register(Dossier)
class DossierAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "cluster_year", "kind", "unit", "completed_at"]
    list_filter = ["kind", "cluster_year"]
    readonly_fields = ["cluster_year", "kind", "parent", "proposal", "unit", "opened_by",
                       "opened_at"]


@admin.register(Component)
class ComponentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "number", "issued_on", "frozen_at"]
    list_filter = ["kind", "dossier__cluster_year"]
    readonly_fields = ["dossier", "kind", "drafted_at", "drafted_by", "frozen_at", "frozen_by",
                       "snapshot"]

    def has_change_permission(self, request, obj: Component | None = None) -> bool:
        if obj is not None and obj.is_frozen:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj: Component | None = None) -> bool:
        if obj is not None and obj.is_frozen:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(SignedCopy)
class SignedCopyAdmin(SimpleHistoryAdmin):
    list_display = ["original_name", "component", "uploaded_by", "uploaded_at"]
    readonly_fields = ["component", "file", "original_name", "size", "uploaded_by", "uploaded_at"]


@admin.register(UnitDossier)
class UnitDossierAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "cluster_year", "sent_at", "sent_by"]
    list_filter = ["cluster_year"]
    readonly_fields = ["cluster_year", "unit", "sent_at", "sent_by", "contents"]
