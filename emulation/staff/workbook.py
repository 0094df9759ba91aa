"""The staff register as one workbook per unit, a sheet per record kind.

An import is all or nothing: every sheet is checked first, every bad row is named, and
nothing is saved unless every row is good. The rows are read by the resources of
`emulation.staff.resources`.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

import openpyxl
import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cum4.exports.tabular import (
    Column,
    choice_decoder,
    choice_label,
    read_back,
    write_sheet,
)
from cum4.models import Unit, User
from emulation.staff.models import (
    DisciplinaryMeasure,
    DisciplineLevel,
    Initiative,
    InitiativeLevel,
    LeadershipLevel,
    Rating,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)
from emulation.staff.resources import (
    DisciplinaryMeasureResource,
    InitiativeResource,
    StaffMemberResource,
    YearlyRatingResource,
)

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
