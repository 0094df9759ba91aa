"""Admin of movements and pledges (with import/export and change history)."""

from __future__ import annotations

from django.contrib import admin
from import_export.admin import ExportMixin
from simple_history.admin import SimpleHistoryAdmin

from cum4.admin import HistoryImportExportAdmin
from cum4.exports.admin_excel import ReadableImportExportMixin
from emulation.movements import resources
from emulation.movements.models import (
    ManualJudgement,
    Movement,
    MovementEvidence,
    MovementResponse,
    MovementReview,
    Pledge,
    PledgeTarget,
    StatisticsDeadline,
)


class MovementReviewInline(admin.TabularInline):
    model = MovementReview
    extra = 0


@admin.register(Movement)
class MovementAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.MovementResource]
    list_display = ["name", "cluster_year", "launched_by", "scope", "kind", "starts_on", "ends_on"]
    list_filter = ["cluster_year__year", "launched_by", "scope", "kind"]
    list_select_related = ["cluster_year__cluster"]
    search_fields = ["name", "theme", "document_number"]
    inlines = [MovementReviewInline]


class MovementEvidenceInline(admin.TabularInline):
    model = MovementEvidence
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]


@admin.register(MovementResponse)
class MovementResponseAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.MovementResponseResource]
    list_display = ["movement", "unit", "amount_vnd", "updated_at"]
    list_filter = ["movement__cluster_year__year", "unit"]
    list_select_related = ["movement", "unit"]
    inlines = [MovementEvidenceInline]


@admin.register(MovementReview)
class MovementReviewAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.MovementReviewResource]
    list_display = ["movement", "kind", "held_on"]
    list_filter = ["kind"]


class PledgeTargetInline(admin.TabularInline):
    model = PledgeTarget
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.PledgeResource]
    list_display = ["cluster_year", "signed_on", "host_unit", "document_number"]
    list_select_related = ["cluster_year__cluster", "host_unit"]
    inlines = [PledgeTargetInline]


@admin.register(PledgeTarget)
class PledgeTargetAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.PledgeTargetResource]
    list_display = ["title", "pledge", "kind", "indicator_code", "comparator", "threshold", "period"]
    list_filter = ["kind", "pledge__cluster_year__year"]


@admin.register(ManualJudgement)
class ManualJudgementAdmin(ReadableImportExportMixin, ExportMixin, SimpleHistoryAdmin):
    # Export only: the cluster lead alone judges, through the pledge page, so no import here.
    resource_classes = [resources.ManualJudgementResource]
    list_display = ["target", "unit", "status", "judged_by", "judged_at"]
    list_filter = ["status", "unit"]
    readonly_fields = ["target", "unit", "status", "evidence", "evidence_file", "judged_by"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(StatisticsDeadline)
class StatisticsDeadlineAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.StatisticsDeadlineResource]
    list_display = ["due_day", "due_month", "receiver", "valid_from", "valid_to", "legal_basis"]
