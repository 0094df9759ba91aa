"""Excel for the staff register: one workbook per unit with a sheet per record kind.

Headers are field names (the one vocabulary). An import is all or nothing: every sheet is
checked first, every bad row is named, and nothing is saved unless every row is good.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

import openpyxl
import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from cum4.exports.tabular import (
    Column,
    choice_decoder,
    choice_label,
    read_back,
    write_sheet,
)
from cum4.models import Unit, User
from cum4.resources import BaseResource
from emulation.staff.models import (
    ComplaintHoldRule,
    DisciplinaryMeasure,
    DisciplineLevel,
    Initiative,
    InitiativeLevel,
    LeadershipLevel,
    LeavePeriod,
    PendingComplaint,
    Rating,
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


# Sheet name → resource; the order matters on import (people before their records).
SHEETS = [
    ("staff", StaffMemberResource),
    ("ratings", YearlyRatingResource),
    ("discipline", DisciplinaryMeasureResource),
    ("initiatives", InitiativeResource),
]

SHEET_TITLES = {
    "staff": gettext_lazy("Staff"),
    "ratings": gettext_lazy("Yearly ratings"),
    "discipline": gettext_lazy("Discipline"),
    "initiatives": gettext_lazy("Initiatives"),
}


def _unit_code(value) -> str:
    """A unit written by its name (as exported) or its code (as typed) → its code."""
    text = str(value).strip()
    if Unit.objects.filter(code=text).exists():
        return text
    return Unit.objects.filter(name=text).values_list("code", flat=True).first() or text


def _date(value):
    return value.date() if isinstance(value, dt.datetime) else value


def _current(member: StaffMember) -> StaffAssignment | None:
    return max(member.assignments.all(), key=lambda a: (a.start, a.pk), default=None)


def _post(attribute: str):
    def value(member: StaffMember):
        current = _current(member)
        return getattr(current, attribute) if current else ""
    return value


def _person_columns() -> list[Column]:
    return [
        Column(gettext_lazy("Staff code"), lambda r: r.staff_member.code, width=14,
               code="staff_member"),
        Column(gettext_lazy("Full name"), lambda r: r.staff_member.full_name, width=26),
        Column(gettext_lazy("Year"), lambda r: r.year, width=8, code="year"),
    ]


def _columns() -> dict[str, list[Column]]:
    return {
        "staff": [
            Column(gettext_lazy("Staff code"), lambda m: m.code, width=14, code="code"),
            Column(gettext_lazy("Full name"), lambda m: m.full_name, width=26, code="full_name"),
            Column(gettext_lazy("Birth year"), lambda m: m.birth_year, width=10,
                   code="birth_year"),
            Column(gettext_lazy("Inspectorate"),
                   lambda m: _current(m).unit.name if _current(m) else "", width=30,
                   code="unit", decode=_unit_code),
            Column(gettext_lazy("Position"), _post("position"), width=24, code="position"),
            Column(gettext_lazy("Leadership level"),
                   lambda m: choice_label(LeadershipLevel.choices, _post("leadership_level")(m)),
                   width=18, code="leadership_level",
                   decode=choice_decoder(LeadershipLevel.choices)),
            Column(gettext_lazy("In post since"), _post("start"), width=12, code="start",
                   decode=_date),
            Column(gettext_lazy("Note"), lambda m: m.note, width=30, code="note"),
        ],
        "ratings": [
            *_person_columns(),
            Column(gettext_lazy("Inspectorate"), lambda r: r.unit.name, width=30, code="unit",
                   decode=_unit_code),
            Column(gettext_lazy("Rating"), lambda r: r.get_rating_display(), width=26,
                   code="rating", decode=choice_decoder(Rating.choices)),
        ],
        "discipline": [
            *_person_columns(),
            Column(gettext_lazy("Measure"), lambda r: r.get_level_display(), width=18,
                   code="level", decode=choice_decoder(DisciplineLevel.choices)),
            Column(gettext_lazy("Decision number"), lambda r: r.decision_ref, width=18,
                   code="decision_ref"),
            Column(gettext_lazy("Reason"), lambda r: r.reason, width=36, code="reason"),
        ],
        "initiatives": [
            *_person_columns(),
            Column(gettext_lazy("Initiative"), lambda r: r.title, width=40, code="title"),
            Column(gettext_lazy("Initiative level"), lambda r: r.get_level_display(), width=18,
                   code="level", decode=choice_decoder(InitiativeLevel.choices)),
            Column(gettext_lazy("Recognised by"), lambda r: r.recognised_by, width=26,
                   code="recognised_by"),
        ],
    }


def _querysets(unit: Unit) -> dict:
    people = StaffMember.objects.filter(assignments__unit=unit).distinct()
    return {
        "staff": people.prefetch_related("assignments__unit").order_by("full_name"),
        "ratings": YearlyRating.objects.filter(staff_member__in=people)
        .select_related("staff_member", "unit").order_by("staff_member__full_name", "year"),
        "discipline": DisciplinaryMeasure.objects.filter(staff_member__in=people)
        .select_related("staff_member").order_by("staff_member__full_name", "year"),
        "initiatives": Initiative.objects.filter(staff_member__in=people)
        .select_related("staff_member").order_by("staff_member__full_name", "year"),
    }


def staff_export_xlsx(*, unit: Unit, output: BinaryIO) -> None:
    """Write the unit's register (everyone who ever worked there) as one workbook, for people
    to read (Vietnamese headers, names and labels) and to import back as it is."""
    querysets = _querysets(unit)
    columns = _columns()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, _resource in SHEETS:
        write_sheet(book.create_sheet(), title=SHEET_TITLES[name], columns=columns[name],
                    rows=querysets[name])
    book.save(output)


def _sheet_key(title: str) -> str | None:
    """The sheet a title names: its code ("ratings") or its Vietnamese title."""
    for name, _resource in SHEETS:
        if title.strip() in (name, str(SHEET_TITLES[name])):
            return name
    return None


def _read_sheets(upload) -> dict[str, tuple[str, tablib.Dataset]]:
    """Sheet key → (the sheet's title in the file, its rows with code headers)."""
    workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    columns = _columns()
    sheets = {}
    for title in workbook.sheetnames:
        key = _sheet_key(title)
        if key is None:
            continue
        rows = list(workbook[title].iter_rows(values_only=True))
        if not rows:
            continue
        headers, body = read_back(rows, columns[key])
        data = tablib.Dataset(headers=headers)
        for row in body:
            if any(cell not in (None, "") for cell in row):
                # Blank cells are empty text (text columns are NOT NULL; other widgets read "" as
                # nothing).
                data.append(["" if cell is None else cell for cell in row])
        sheets[key] = (title, data)
    return sheets


def _row_errors(sheet: str, result) -> list[str]:
    errors = []
    for number, row_errors in result.row_errors():
        for error in row_errors:
            errors.append(_("Sheet %(sheet)s, row %(row)s: %(error)s")
                          % {"sheet": sheet, "row": number + 1, "error": error.error})
    for invalid in result.invalid_rows:
        detail = "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in invalid.error_dict.items()
        )
        errors.append(_("Sheet %(sheet)s, row %(row)s: %(error)s")
                      % {"sheet": sheet, "row": invalid.number + 1, "error": detail})
    return errors


class _Rollback(Exception):
    pass


def staff_import_xlsx(*, unit: Unit | None, upload, by: User) -> tuple[list[str], int]:
    """Import a register workbook. Returns (errors naming sheet and row, rows imported).

    With any error nothing is saved. Records of people outside `unit` are refused (a unit only
    imports its own people); the secretariat imports with `unit=None`.
    """
    try:
        sheets = _read_sheets(upload)
    except Exception:  # a corrupt or non-xlsx file
        return [_("The file is not an Excel workbook (.xlsx).")], 0
    known = [name for name, _resource in SHEETS if name in sheets]
    if not known:
        return [_("No sheet named staff, ratings, discipline or initiatives.")], 0
    errors: list[str] = []
    count = 0
    try:
        with transaction.atomic():
            for name, resource_class in SHEETS:
                if name not in sheets:
                    continue
                title, data = sheets[name]
                resource = resource_class(unit=unit) if name == "staff" else resource_class()
                result = resource.import_data(data, dry_run=False, use_transactions=True)
                errors += _row_errors(title, result)
                if unit is not None and name != "staff":
                    errors += _outside_unit(title, data, unit)
                count += len(data)
            if errors:
                raise _Rollback
    except _Rollback:
        return errors, 0
    return [], count


def _outside_unit(sheet: str, data: tablib.Dataset, unit: Unit) -> list[str]:
    codes = {str(row.get("staff_member") or "").strip() for row in data.dict}
    inside = set(
        StaffAssignment.objects.filter(unit=unit, staff_member__code__in=codes)
        .values_list("staff_member__code", flat=True)
    )
    errors = []
    for number, row in enumerate(data.dict, start=2):
        code = str(row.get("staff_member") or "").strip()
        if code and code not in inside:
            errors.append(
                _("Sheet %(sheet)s, row %(row)s: %(error)s")
                % {"sheet": sheet, "row": number,
                   "error": _("%(code)s is not a person of %(unit)s") % {"code": code, "unit": unit}}
            )
    return errors


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
