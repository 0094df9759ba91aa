"""Excel for titles and rules, registrations and decisions (headers are field names)."""

from __future__ import annotations

from import_export import fields, widgets

from cum4.models import Unit
from cum4.resources import BaseResource
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
from emulation.staff.resources import CodeWidget, PersonColumns


class AwardResource(BaseResource):
    class Meta:
        model = Award
        import_id_fields = ["code"]
        fields = ["code", "name", "short_name", "category", "subject", "level", "sort_order"]
        skip_unchanged = True
        clean_model_instances = True


def _award_field(attribute: str = "award", column: str = "award") -> fields.Field:
    return fields.Field(attribute=attribute, column_name=column, widget=CodeWidget(Award, "code"))


class BaseSalaryResource(BaseResource):
    class Meta:
        model = BaseSalary
        import_id_fields = ["valid_from"]
        fields = ["amount", "valid_from", "valid_to", "legal_basis", "note", "needs_confirmation"]
        skip_unchanged = True
        clean_model_instances = True


class RewardMultiplierResource(BaseResource):
    award = _award_field()

    class Meta:
        model = RewardMultiplier
        import_id_fields = ["award", "collective", "valid_from"]
        fields = ["award", "collective", "multiplier", "round_up_to", "valid_from", "valid_to",
                  "legal_basis", "note", "needs_confirmation"]
        skip_unchanged = True
        clean_model_instances = True


class TitleRuleResource(BaseResource):
    award = _award_field()
    streak_award = _award_field("streak_award", "streak_award")

    class Meta:
        model = TitleRule
        exclude = []
        skip_unchanged = True
        clean_model_instances = True


class CycleDeadlineResource(BaseResource):
    class Meta:
        model = CycleDeadline
        import_id_fields = ["kind", "valid_from"]
        fields = ["kind", "month", "day", "valid_from", "valid_to", "legal_basis", "note",
                  "needs_confirmation"]
        skip_unchanged = True
        clean_model_instances = True


class DecisionResource(BaseResource):
    class Meta:
        model = Decision
        import_id_fields = ["number", "authority"]
        fields = ["number", "date", "authority", "method", "year", "proposer", "summary"]
        skip_unchanged = True
        clean_model_instances = True


class DecisionItemResource(PersonColumns, BaseResource):
    """One row per award granted, with its decision and its cash reward in đồng."""

    decision = fields.Field(attribute="decision", column_name="decision",
                            widget=widgets.ForeignKeyWidget(Decision, "number"))
    decision_date = fields.Field(attribute="decision__date", column_name="decision_date",
                                 readonly=True, widget=widgets.DateWidget())
    authority = fields.Field(attribute="decision__authority", column_name="authority",
                             readonly=True)
    method = fields.Field(attribute="decision__method", column_name="method", readonly=True)
    year = fields.Field(attribute="decision__year", column_name="year", readonly=True)
    award = _award_field()
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))
    cash_reward = fields.Field(column_name="cash_reward", readonly=True)

    class Meta:
        model = DecisionItem
        import_id_fields = ["decision", "award", "unit", "staff_member"]
        fields = ["decision", "decision_date", "authority", "method", "year", "award", "unit",
                  "staff_member", "full_name", "cash_reward"]
        export_order = fields
        clean_model_instances = True

    def __init__(self, prices: dict[int, int | None] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.prices = prices or {}

    def dehydrate_cash_reward(self, item: DecisionItem):
        return self.prices.get(item.pk)


class RegistrationItemResource(PersonColumns, BaseResource):
    unit = fields.Field(attribute="registration__unit__code", column_name="unit", readonly=True)
    year = fields.Field(attribute="registration__year", column_name="year", readonly=True)
    award = _award_field()
    signed_at = fields.Field(attribute="registration__signed_at", column_name="signed_at",
                             readonly=True, widget=widgets.DateTimeWidget())
    late = fields.Field(column_name="late", readonly=True)
    pending_complaint = fields.Field(column_name="pending_complaint", readonly=True)

    class Meta:
        model = RegistrationItem
        fields = ["unit", "year", "award", "staff_member", "full_name", "signed_at", "late",
                  "pending_complaint"]
        export_order = fields

    def __init__(self, late: set[int] | None = None, pending=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.late_ids = late or set()
        self.pending = pending

    def dehydrate_late(self, item: RegistrationItem):
        return item.registration_id in self.late_ids

    def dehydrate_pending_complaint(self, item: RegistrationItem):
        if self.pending is None:
            return ""
        if item.staff_member_id:
            return self.pending.staff(item.staff_member_id)
        return self.pending.unit(item.registration.unit_id)


class ConditionConfirmationResource(PersonColumns, BaseResource):
    award = _award_field()
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))

    class Meta:
        model = ConditionConfirmation
        fields = ["award", "year", "unit", "staff_member", "full_name", "condition", "evidence",
                  "confirmed_at"]


class RegistrationResource(BaseResource):
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))
    signed_by = fields.Field(attribute="signed_by__username", column_name="signed_by",
                             readonly=True)

    class Meta:
        model = Registration
        import_id_fields = ["unit", "year"]
        fields = ["unit", "year", "note", "signed_by", "signed_at"]
        skip_unchanged = True
