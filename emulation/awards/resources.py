"""Excel for titles and rules, registrations and decisions (Vietnamese headers, names and
labels; codes kept where a re-import needs them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from cum4.import_widgets import LabelListWidget, PersonWidget
from cum4.models import Unit, User
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
from emulation.staff.models import LeaveKind
from emulation.staff.resources import STAFF_LABELS, CodeWidget, PersonColumns


class AwardResource(BaseResource):
    hidden_fields = ("id", "code")  # "tt_ldxs": read back, not read
    labels = {"code": _("code")}
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
    counted_leave = fields.Field(attribute="counted_leave", column_name="counted_leave",
                                 widget=LabelListWidget(LeaveKind.choices))

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


class DecisionItemResource(PersonColumns):
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
    labels = {**STAFF_LABELS, "decision": _("Decision number"),
              "decision_date": _("Decision date"), "cash_reward": _("Cash reward (đồng)")}

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

    def dehydrate_method(self, item: DecisionItem) -> str:
        return item.decision.get_method_display()


class RegistrationItemResource(PersonColumns):
    unit = fields.Field(attribute="registration__unit", column_name="unit", readonly=True,
                        widget=CodeWidget(Unit, "code"))
    year = fields.Field(attribute="registration__year", column_name="year", readonly=True)
    award = _award_field()
    signed_at = fields.Field(attribute="registration__signed_at", column_name="signed_at",
                             readonly=True, widget=widgets.DateTimeWidget())
    late = fields.Field(column_name="late", readonly=True)
    pending_complaint = fields.Field(column_name="pending_complaint", readonly=True)
    labels = {**STAFF_LABELS, "late": _("Late"), "pending_complaint": _("Pending complaint")}

    class Meta:
        model = RegistrationItem
        # Keyed by its id (hidden), as its registration is only shown (unit, year).
        fields = ["id", "unit", "year", "award", "staff_member", "full_name", "signed_at", "late",
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


class ConditionConfirmationResource(PersonColumns):
    award = _award_field()
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))
    # Confirmed on the eligibility page, by a person at a time: shown, not imported.
    confirmed_by = fields.Field(attribute="confirmed_by", column_name="confirmed_by",
                                readonly=True, widget=PersonWidget(User))
    confirmed_at = fields.Field(attribute="confirmed_at", column_name="confirmed_at",
                                readonly=True, widget=widgets.DateTimeWidget())

    class Meta:
        model = ConditionConfirmation
        fields = ["id", "award", "year", "unit", "staff_member", "full_name", "condition",
                  "evidence", "confirmed_by", "confirmed_at"]
        export_order = fields


class RegistrationResource(BaseResource):
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))
    # Signed through the registration page (with its checks), never by a spreadsheet.
    signed_by = fields.Field(attribute="signed_by", column_name="signed_by", readonly=True,
                             widget=PersonWidget(User))
    signed_at = fields.Field(attribute="signed_at", column_name="signed_at", readonly=True,
                             widget=widgets.DateTimeWidget())

    class Meta:
        model = Registration
        import_id_fields = ["unit", "year"]
        fields = ["unit", "year", "note", "signed_by", "signed_at"]
        skip_unchanged = True
