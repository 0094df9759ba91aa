"""Admin of the quarterly reports: the envelope with its sections inline, and the base of the
section admins (registered by the apps). An approved report is read-only here too; the
section models' clean() runs the same rules as the entry page."""

from __future__ import annotations

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from cum4.exports.admin_excel import ReadableImportExportMixin
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.resources import QuarterlyReportResource, section_resource
from cum4.reports.sections import ReportSection, report_sections


def _approved(obj) -> bool:
    report = obj if isinstance(obj, QuarterlyReport) else getattr(obj, "report", None)
    return bool(report is not None and report.is_approved)


class LockedWhenApprovedMixin:
    """No change or delete once the report is approved (reopen it through the workflow)."""

    def has_change_permission(self, request, obj=None) -> bool:
        return not _approved(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _approved(obj) and super().has_delete_permission(request, obj)


class SectionRowAdmin(
    LockedWhenApprovedMixin, ReadableImportExportMixin, ImportExportModelAdmin, SimpleHistoryAdmin
):
    list_display = ["__str__", "report"]
    list_filter = ["report__year", "report__quarter", "report__state", "report__unit"]
    list_select_related = ["report__unit"]
    raw_id_fields = ["report"]


def register_section_admin(section: ReportSection) -> None:
    """Register the admin (with Excel import/export) of a registered section's model."""
    model = section.model_class()
    attrs = {"resource_classes": [section_resource(section)]}
    if section.row_field:
        attrs["list_display"] = ["__str__", "report", section.row_field]
    admin.site.register(model, type(f"{model.__name__}Admin", (SectionRowAdmin,), attrs))


def _inline(section: ReportSection) -> type[admin.StackedInline]:
    return type(
        f"{section.model_class().__name__}Inline",
        (LockedWhenApprovedMixin, admin.StackedInline),
        {
            "model": section.model_class(),
            "extra": 0,
            "max_num": len(section.rows),
            "can_delete": False,
        },
    )


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "by", "at", "comment"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(QuarterlyReport)
class QuarterlyReportAdmin(
    LockedWhenApprovedMixin, ReadableImportExportMixin, ImportExportModelAdmin, SimpleHistoryAdmin
):
    resource_classes = [QuarterlyReportResource]
    list_display = ["unit", "year", "quarter", "state", "submitted_at", "approved_at", "version"]
    list_filter = ["year", "quarter", "state", "unit"]
    list_select_related = ["unit"]
    search_fields = ["unit__name", "unit__code"]
    # The workflow (submit, approve, return) happens on the report page, with its checks.
    readonly_fields = [
        "state", "version", "submitted_at", "submitted_by", "approved_at", "approved_by",
        "return_reason", "warnings", "warnings_comment", "warnings_acknowledged_by",
        "warnings_acknowledged_at",
    ]

    def get_inlines(self, request, obj):
        return [*(_inline(section) for section in report_sections()), ReportEventInline]

    def save_model(self, request, obj, form, change) -> None:
        obj.version += 1
        super().save_model(request, obj, form, change)
