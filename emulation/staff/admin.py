"""Admin of the staff register, titles, dated rules, registrations and decisions."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cum4.admin import HistoryImportExportAdmin
from emulation.models import (
    Award,
    BaseSalary,
    ConditionConfirmation,
    CycleDeadline,
    Decision,
    DecisionItem,
    DisciplinaryMeasure,
    Initiative,
    PendingComplaint,
    Registration,
    RegistrationItem,
    RewardMultiplier,
    StaffAssignment,
    StaffMember,
    TitleRule,
    YearlyRating,
)
from emulation.resources import awards as award_resources
from emulation.resources import staff as staff_resources


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
    resource_classes = [award_resources.PendingComplaintResource]
    list_display = ["kind", "unit", "staff_member", "received_on", "resolved_on", "reference"]
    list_filter = ["kind", "unit"]
    list_select_related = ["unit", "staff_member"]
    autocomplete_fields = ["staff_member"]


@admin.register(Award)
class AwardAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.AwardResource]
    list_display = ["code", "name", "category", "subject", "level", "sort_order"]
    list_filter = ["category", "subject", "level"]
    search_fields = ["code", "name"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.BaseSalaryResource]
    list_display = ["amount", "valid_from", "valid_to", "legal_basis"]


@admin.register(RewardMultiplier)
class RewardMultiplierAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.RewardMultiplierResource]
    list_display = ["award", "collective", "multiplier", "round_up_to", "valid_from", "valid_to",
                    "legal_basis"]
    list_filter = ["collective", "legal_basis"]


@admin.register(TitleRule)
class TitleRuleAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.TitleRuleResource]
    list_display = ["award", "enabled", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["enabled", "award"]
    fieldsets = (
        (None, {"fields": ("award", "enabled", "valid_from", "valid_to", "legal_basis", "note")}),
        (_("Individual conditions"), {"fields": (
            "min_rating", "excellent_or_initiative", "streak_award", "streak_years",
            "initiative_level", "max_share_of_ldtt",
        )}),
        (_("Collective conditions"), {"fields": (
            "members_ldtt_percent", "all_members_complete", "min_cstdcs_members",
            "blocking_discipline",
        )}),
        (_("Conditions confirmed by hand"), {"fields": ("manual_conditions",)}),
    )


@admin.register(CycleDeadline)
class CycleDeadlineAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.CycleDeadlineResource]
    list_display = ["kind", "day", "month", "valid_from", "valid_to", "legal_basis"]


class RegistrationItemInline(admin.TabularInline):
    model = RegistrationItem
    extra = 0
    autocomplete_fields = ["staff_member"]


@admin.register(Registration)
class RegistrationAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.RegistrationResource]
    list_display = ["unit", "year", "signed_by", "signed_at"]
    list_filter = ["year", "unit"]
    list_select_related = ["unit", "signed_by"]
    inlines = [RegistrationItemInline]


@admin.register(RegistrationItem)
class RegistrationItemAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.RegistrationItemResource]
    list_display = ["registration", "award", "staff_member"]
    list_filter = ["registration__year", "award"]
    list_select_related = ["registration__unit", "award", "staff_member"]


class DecisionItemInline(admin.TabularInline):
    model = DecisionItem
    extra = 0
    autocomplete_fields = ["staff_member"]


@admin.register(Decision)
class DecisionAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.DecisionResource]
    list_display = ["number", "date", "authority", "method", "year"]
    list_filter = ["year", "method"]
    search_fields = ["number", "authority"]
    inlines = [DecisionItemInline]


@admin.register(DecisionItem)
class DecisionItemAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.DecisionItemResource]
    list_display = ["decision", "award", "unit", "staff_member"]
    list_filter = ["decision__year", "award", "unit"]
    list_select_related = ["decision", "award", "unit", "staff_member"]


@admin.register(ConditionConfirmation)
class ConditionConfirmationAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.ConditionConfirmationResource]
    list_display = ["award", "year", "unit", "staff_member", "condition", "confirmed_by"]
    list_filter = ["year", "award"]
