"""Admin of the staff register (with import/export and change history)."""

from __future__ import annotations

from django.contrib import admin

from cum4.admin import HistoryImportExportAdmin
from emulation.staff import resources as staff_resources
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)


class AssignmentInline(admin.TabularInline):
    model = StaffAssignment
    extra = 0


class RatingInline(admin.TabularInline):
    model = YearlyRating
    extra = 0


@admin.register(StaffMember)
class StaffMemberAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.StaffMemberResource]
    list_display = ["code", "full_name", "birth_year"]
    search_fields = ["code", "full_name"]
    list_filter = ["assignments__unit"]
    inlines = [AssignmentInline, RatingInline]


@admin.register(StaffAssignment)
class StaffAssignmentAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.StaffAssignmentResource]
    list_display = ["staff_member", "unit", "position", "leadership_level", "start", "end"]
    list_filter = ["unit", "leadership_level"]
    list_select_related = ["staff_member", "unit"]
    search_fields = ["staff_member__full_name", "staff_member__code"]


@admin.register(YearlyRating)
class YearlyRatingAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.YearlyRatingResource]
    list_display = ["staff_member", "year", "rating", "unit"]
    list_filter = ["year", "rating", "unit"]
    list_select_related = ["staff_member", "unit"]
    search_fields = ["staff_member__full_name", "staff_member__code"]


@admin.register(DisciplinaryMeasure)
class DisciplinaryMeasureAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.DisciplinaryMeasureResource]
    list_display = ["staff_member", "year", "level", "decision_ref"]
    list_filter = ["year", "level"]
    list_select_related = ["staff_member"]


@admin.register(Initiative)
class InitiativeAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.InitiativeResource]
    list_display = ["title", "staff_member", "year", "level"]
    list_filter = ["year", "level"]
    list_select_related = ["staff_member"]


@admin.register(PendingComplaint)
class PendingComplaintAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.PendingComplaintResource]
    list_display = ["kind", "unit", "staff_member", "received_on", "resolved_on", "reference"]
    list_filter = ["kind", "unit"]
    list_select_related = ["unit", "staff_member"]
    autocomplete_fields = ["staff_member"]
