"""Import-export resources of the staff register (the admin's, and the rows of the unit's
workbook in `emulation.staff.workbook`)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from cum4.models import Unit
from cum4.resources import BaseResource
from emulation.staff.models import (
    ComplaintHoldRule,
    DisciplinaryMeasure,
    Initiative,
    LeadershipLevel,
    LeavePeriod,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the target's natural code, with a readable error."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return self.get_queryset(value, row, **kwargs).get(**{self.field: str(value).strip()})
        except self.model.DoesNotExist:
            raise ValueError(_("unknown code “%(code)s”") % {"code": value}) from None


class ChoiceWidget(widgets.CharWidget):
    """A choice written as its code; an unknown code is an error, not a silent blank."""

    def __init__(self, choices, **kwargs) -> None:
        super().__init__(**kwargs)
        self.codes = [code for code, _label in choices]

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if value not in self.codes:
            raise ValueError(
                _("“%(value)s” is not one of: %(codes)s")
                % {"value": value, "codes": ", ".join(self.codes)}
            )
        return value


def _staff_field() -> fields.Field:
    return fields.Field(
        attribute="staff_member", column_name="staff_member",
        widget=CodeWidget(StaffMember, "code"),
    )


def _unit_field(attribute: str = "unit") -> fields.Field:
    return fields.Field(attribute=attribute, column_name="unit", widget=CodeWidget(Unit, "code"))


class StaffMemberResource(BaseResource):
    """A person with their current post; importing a new post starts a new assignment."""

    unit = fields.Field(column_name="unit", readonly=False)
    position = fields.Field(column_name="position")
    leadership_level = fields.Field(column_name="leadership_level")
    start = fields.Field(column_name="start")

    class Meta:
        model = StaffMember
        import_id_fields = ["code"]
        fields = ["code", "full_name", "birth_year", "unit", "position", "leadership_level",
                  "start", "note"]
        export_order = fields
        skip_unchanged = False
        clean_model_instances = True

    def __init__(self, unit: Unit | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.only_unit = unit

    def _current(self, member: StaffMember) -> StaffAssignment | None:
        return max(member.assignments.all(), key=lambda a: (a.start, a.pk), default=None)

    def dehydrate_unit(self, member):
        current = self._current(member)
        return current.unit.code if current else ""

    def dehydrate_position(self, member):
        current = self._current(member)
        return current.position if current else ""

    def dehydrate_leadership_level(self, member):
        current = self._current(member)
        return current.leadership_level if current else ""

    def dehydrate_start(self, member):
        current = self._current(member)
        return current.start if current else ""

    def import_instance(self, instance, row, **kwargs):
        # Validate the post columns with the person so a bad row is named before anything saves.
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors.update(error.message_dict)
        unit = Unit.objects.filter(code=str(row.get("unit") or "").strip()).first()
        if unit is None:
            errors["unit"] = _("unknown code “%(code)s”") % {"code": row.get("unit")}
        elif self.only_unit is not None and unit != self.only_unit:
            errors["unit"] = _("a unit can only import its own staff (%(code)s)") % {
                "code": self.only_unit.code
            }
        if row.get("leadership_level") not in LeadershipLevel.values:
            errors["leadership_level"] = _("“%(value)s” is not one of: %(codes)s") % {
                "value": row.get("leadership_level"), "codes": ", ".join(LeadershipLevel.values)
            }
        start = row.get("start")
        try:
            start = widgets.DateWidget().clean(start)
        except ValueError:
            start = None
        if not start:
            errors["start"] = _("a date is needed (dd/mm/yyyy)")
        if not str(row.get("position") or "").strip():
            errors["position"] = _("this column is needed")
        if errors:
            raise ValidationError(errors)
        instance._post = (unit, str(row["position"]).strip(), row["leadership_level"], start)

    def after_save_instance(self, instance, row, **kwargs):
        if kwargs.get("dry_run"):
            return
        unit, position, level, start = instance._post
        StaffAssignment.objects.update_or_create(
            staff_member=instance, unit=unit, start=start,
            defaults={"position": position, "leadership_level": level},
        )
        # An earlier open post ends where this one starts: one history, no overlap.
        StaffAssignment.objects.filter(
            staff_member=instance, end__isnull=True, start__lt=start
        ).update(end=start - dt.timedelta(days=1))


class YearlyRatingResource(BaseResource):
    staff_member = _staff_field()
    unit = _unit_field()
    rating = fields.Field(attribute="rating", column_name="rating",
                          widget=ChoiceWidget(YearlyRating._meta.get_field("rating").choices))

    class Meta:
        model = YearlyRating
        import_id_fields = ["staff_member", "year"]
        fields = ["staff_member", "year", "unit", "rating"]
        skip_unchanged = True
        clean_model_instances = True


class DisciplinaryMeasureResource(BaseResource):
    staff_member = _staff_field()
    level = fields.Field(attribute="level", column_name="level",
                         widget=ChoiceWidget(DisciplinaryMeasure._meta.get_field("level").choices))

    class Meta:
        model = DisciplinaryMeasure
        import_id_fields = ["staff_member", "year", "level"]
        fields = ["staff_member", "year", "level", "decision_ref", "reason"]
        skip_unchanged = True
        clean_model_instances = True


class InitiativeResource(BaseResource):
    staff_member = _staff_field()
    level = fields.Field(attribute="level", column_name="level",
                         widget=ChoiceWidget(Initiative._meta.get_field("level").choices))

    class Meta:
        model = Initiative
        import_id_fields = ["staff_member", "year", "title"]
        fields = ["staff_member", "year", "title", "level", "recognised_by"]
        skip_unchanged = True
        clean_model_instances = True


class LeavePeriodResource(BaseResource):
    staff_member = _staff_field()
    kind = fields.Field(attribute="kind", column_name="kind",
                        widget=ChoiceWidget(LeavePeriod._meta.get_field("kind").choices))

    class Meta:
        model = LeavePeriod
        import_id_fields = ["staff_member", "kind", "start"]
        fields = ["staff_member", "kind", "start", "end", "note"]
        skip_unchanged = True
        clean_model_instances = True


class ComplaintHoldRuleResource(BaseResource):
    class Meta:
        model = ComplaintHoldRule
        import_id_fields = ["valid_from"]
        fields = ["valid_from", "valid_to", "legal_basis", "note", "needs_confirmation"]
        skip_unchanged = True
        clean_model_instances = True


class StaffAssignmentResource(BaseResource):
    staff_member = _staff_field()
    unit = _unit_field()

    class Meta:
        model = StaffAssignment
        import_id_fields = ["staff_member", "unit", "start"]
        fields = ["staff_member", "unit", "position", "leadership_level", "start", "end"]
        skip_unchanged = True
        clean_model_instances = True


class PersonColumns:
    """Staff code plus the person's name for readers (the name is export-only)."""

    staff_member = fields.Field(
        attribute="staff_member", column_name="staff_member",
        widget=CodeWidget(StaffMember, "code"),
    )
    full_name = fields.Field(attribute="staff_member__full_name", column_name="full_name",
                             readonly=True)


class PendingComplaintResource(PersonColumns, BaseResource):
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))

    class Meta:
        model = PendingComplaint
        fields = ["id", "kind", "unit", "staff_member", "full_name", "received_on",
                  "resolved_on", "reference", "summary"]
        clean_model_instances = True
