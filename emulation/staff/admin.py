"""Admin of the staff register (with import/export and change history)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cum4.admin import HistoryImportExportAdmin
from emulation.staff import resources as staff_resources
from emulation.staff.models import (
    ComplaintHoldRule,
    DisciplinaryMeasure,
    Initiative,
    LeavePeriod,
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
    actions = ["carry_to_successor"]

    @admin.action(description=_("Carry the staff of the selected ceased units to their successor"))
    def carry_to_successor(self, request, queryset):
        from emulation.staff.services import staff_carry_to_successor

        units = {a.unit for a in queryset.select_related("unit__successor")}
        for unit in units:
            try:
                carried = staff_carry_to_successor(unit=unit, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(count)s people carried from %(unit)s to %(successor)s.")
                    % {"count": len(carried), "unit": unit, "successor": unit.successor},
                )


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


@admin.register(LeavePeriod)
class LeavePeriodAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.LeavePeriodResource]
    list_display = ["staff_member", "kind", "start", "end"]
    list_filter = ["kind"]
    list_select_related = ["staff_member"]
    search_fields = ["staff_member__full_name", "staff_member__code"]


@admin.register(ComplaintHoldRule)
class ComplaintHoldRuleAdmin(HistoryImportExportAdmin):
    resource_classes = [staff_resources.ComplaintHoldRuleResource]
    list_display = ["legal_basis", "valid_from", "valid_to", "needs_confirmation"]
