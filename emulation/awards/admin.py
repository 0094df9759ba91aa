"""Admin of titles, dated rules, registrations and decisions."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cum4.admin import HistoryImportExportAdmin
from emulation.awards import resources as award_resources
from emulation.awards.models import (
    Award,
    BaseSalary,
    ConditionConfirmation,
    Decision,
    DecisionItem,
    Registration,
    RegistrationItem,
    RewardMultiplier,
    TitleRule,
)
from emulation.movements.models import CycleDeadline


@admin.register(Award)
class AwardAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.AwardResource]
    list_display = ["code", "name", "category", "subject", "level", "sort_order"]
    list_filter = ["category", "subject", "level"]
    search_fields = ["code", "name"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.BaseSalaryResource]
    list_display = ["amount", "valid_from", "valid_to", "legal_basis", "needs_confirmation"]


@admin.register(RewardMultiplier)
class RewardMultiplierAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.RewardMultiplierResource]
    list_display = ["award", "collective", "multiplier", "round_up_to", "valid_from", "valid_to",
                    "legal_basis", "needs_confirmation"]
    list_filter = ["collective", "legal_basis", "needs_confirmation"]


@admin.register(TitleRule)
class TitleRuleAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.TitleRuleResource]
    list_display = ["award", "enabled", "valid_from", "valid_to", "legal_basis",
                    "needs_confirmation"]
    list_filter = ["enabled", "award", "needs_confirmation"]
    fieldsets = (
        (None, {"fields": ("award", "enabled", "valid_from", "valid_to", "legal_basis", "note",
                           "needs_confirmation")}),
        (_("Individual conditions"), {"fields": (
            "requires_ldtt", "min_months_worked", "counted_leave", "min_rating",
            "excellent_or_initiative", "streak_award", "streak_years", "initiative_level",
            "max_share_of_ldtt",
        )}),
        (_("Collective conditions"), {"fields": (
            "members_ldtt_percent", "members_ldtt_comparator", "all_members_complete",
            "min_cstdcs_members", "blocking_discipline",
        )}),
        (_("Conditions confirmed by hand"), {"fields": ("manual_conditions",)}),
    )


@admin.register(CycleDeadline)
class CycleDeadlineAdmin(HistoryImportExportAdmin):
    resource_classes = [award_resources.CycleDeadlineResource]
    list_display = ["kind", "day", "month", "valid_from", "valid_to", "legal_basis",
                    "needs_confirmation"]


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
    list_display = ["number", "date", "authority", "method", "year", "proposer"]
    list_filter = ["year", "method", "proposer"]
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
