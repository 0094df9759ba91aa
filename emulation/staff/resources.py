"""Import-export resources of the staff register (the admin's, and the rows of the unit's
workbook in `emulation.staff.workbook`)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from cum4.import_widgets import LabelChoiceWidget, LocalDateWidget, NaturalKeyWidget
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


class CodeWidget(NaturalKeyWidget):
    """A foreign key written as the target's name when it has one (a unit), else its natural
    code (a person: names are not unique); read back from either, with a readable error."""

    def __init__(self, model, field: str = "code", **kwargs) -> None:
        names = {f.name for f in model._meta.get_fields()}
        super().__init__(model, field, "name" if "name" in names else None, **kwargs)


def _staff_field() -> fields.Field:
    return fields.Field(
        attribute="staff_member", column_name="staff_member",
        widget=CodeWidget(StaffMember, "code"),
    )


def _name_field() -> fields.Field:
    """The person's name beside their staff code, for readers (not imported)."""
    return fields.Field(attribute="staff_member__full_name", column_name="full_name",
                        readonly=True)


def _unit_field(attribute: str = "unit") -> fields.Field:
    return fields.Field(attribute=attribute, column_name="unit", widget=CodeWidget(Unit, "code"))


STAFF_LABELS = {"staff_member": gettext_lazy("Staff code"),
                "full_name": gettext_lazy("Full name")}


class StaffMemberResource(BaseResource):
    """A person with their current post; importing a new post starts a new assignment."""

    unit = fields.Field(column_name="unit", readonly=False)
    position = fields.Field(column_name="position")
    leadership_level = fields.Field(column_name="leadership_level")
    start = fields.Field(column_name="start", widget=LocalDateWidget())
    labels = {"code": gettext_lazy("Staff code"), "unit": gettext_lazy("Inspectorate"),
              "position": gettext_lazy("Position"),
              "leadership_level": gettext_lazy("Leadership level"),
              "start": gettext_lazy("In post since")}

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
        return current.unit.name if current else ""

    def dehydrate_position(self, member):
        current = self._current(member)
        return current.position if current else ""

    def dehydrate_leadership_level(self, member):
        current = self._current(member)
        return current.get_leadership_level_display() if current else ""

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
        try:  # the unit by its name (as exported) or its code (as typed)
            unit = CodeWidget(Unit).clean(row.get("unit"))
        except ValueError:
            unit = None
        if unit is None:
            errors["unit"] = _("unknown code “%(code)s”") % {"code": row.get("unit")}
        elif self.only_unit is not None and unit != self.only_unit:
            errors["unit"] = _("a unit can only import its own staff (%(code)s)") % {
                "code": self.only_unit.code
            }
        level = None
        try:
            level = LabelChoiceWidget(LeadershipLevel.choices, blank=None).clean(
                row.get("leadership_level"))
        except ValueError as error:
            errors["leadership_level"] = str(error)
        if level is None and "leadership_level" not in errors:
            errors["leadership_level"] = _("this column is needed")
        start = row.get("start")
        try:
            start = LocalDateWidget().clean(start)
        except ValueError:
            start = None
        if not start:
            errors["start"] = _("a date is needed (dd/mm/yyyy)")
        if not str(row.get("position") or "").strip():
            errors["position"] = _("this column is needed")
        if errors:
            raise ValidationError(errors)
        instance._post = (unit, str(row["position"]).strip(), level, start)

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
    full_name = _name_field()
    labels = STAFF_LABELS
    unit = _unit_field()
    rating = fields.Field(attribute="rating", column_name="rating",
                          widget=LabelChoiceWidget(YearlyRating._meta.get_field("rating").choices))

    class Meta:
        model = YearlyRating
        import_id_fields = ["staff_member", "year"]
        fields = ["staff_member", "full_name", "year", "unit", "rating"]
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class DisciplinaryMeasureResource(BaseResource):
    staff_member = _staff_field()
    full_name = _name_field()
    labels = STAFF_LABELS
    level = fields.Field(attribute="level", column_name="level",
                         widget=LabelChoiceWidget(DisciplinaryMeasure._meta.get_field("level").choices))

    class Meta:
        model = DisciplinaryMeasure
        import_id_fields = ["staff_member", "year", "level"]
        fields = ["staff_member", "full_name", "year", "level", "decision_ref", "reason"]
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class InitiativeResource(BaseResource):
    staff_member = _staff_field()
    full_name = _name_field()
    labels = STAFF_LABELS
    level = fields.Field(attribute="level", column_name="level",
                         widget=LabelChoiceWidget(Initiative._meta.get_field("level").choices))

    class Meta:
        model = Initiative
        import_id_fields = ["staff_member", "year", "title"]
        fields = ["staff_member", "full_name", "year", "title", "level", "recognised_by"]
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class LeavePeriodResource(BaseResource):
    staff_member = _staff_field()
    full_name = _name_field()
    labels = STAFF_LABELS
    kind = fields.Field(attribute="kind", column_name="kind",
                        widget=LabelChoiceWidget(LeavePeriod._meta.get_field("kind").choices))

    class Meta:
        model = LeavePeriod
        import_id_fields = ["staff_member", "kind", "start"]
        fields = ["staff_member", "full_name", "kind", "start", "end", "note"]
        export_order = fields
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
    full_name = _name_field()
    labels = STAFF_LABELS
    unit = _unit_field()

    class Meta:
        model = StaffAssignment
        import_id_fields = ["staff_member", "unit", "start"]
        fields = ["staff_member", "full_name", "unit", "position", "leadership_level", "start", "end"]
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class PersonColumns(BaseResource):
    """Staff code plus the person's name for readers (the name is export-only). A resource
    (not a plain mixin) so that its two fields are declared on the resources built on it."""

    labels = STAFF_LABELS
    staff_member = _staff_field()
    full_name = _name_field()


class PendingComplaintResource(PersonColumns):
    unit = fields.Field(attribute="unit", column_name="unit", widget=CodeWidget(Unit, "code"))

    class Meta:
        model = PendingComplaint
        fields = ["id", "kind", "unit", "staff_member", "full_name", "received_on",
                  "resolved_on", "reference", "summary"]
        clean_model_instances = True
