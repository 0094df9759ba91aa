"""Offline entry of a quarterly report: the Excel template, reading it back, the preview.

The template has one row per indicator (and per row of section D) with its key, code, label
and unit; only the value cells are unlocked. The unit, year, quarter and report version sit in
a very hidden sheet and are checked on upload, so another unit's or quarter's file is refused
by name, and a file downloaded before someone else saved is refused as stale by the save
service. Applying goes through `report_save` (the same validation as the form), all or nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import report_sections
from cum4.reports.validation import Issue, ReportValues, empty_values, field_key

FORMAT_VERSION = "cum4-quarter-1"
META_SHEET = "_meta"
FIRST_ROW = 5
COLUMNS = ("key", "section", "row", "code", "label", "unit", "value")
VALUE_COLUMN = COLUMNS.index("value") + 1
FONT = "Times New Roman"
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")


class TemplateRefused(ValidationError):
    """The file is not a template of this report (or not a template at all)."""


@dataclass(frozen=True)
class CellError:
    row: int
    code: str
    message: str


@dataclass
class ParsedTemplate:
    unit_code: str
    year: int
    quarter: int
    version: int
    values: ReportValues
    rows: dict[str, int] = field(default_factory=dict)  # field key → sheet row
    cell_errors: list[CellError] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    row: int
    key: str
    code: str
    label: str
    old: int | None
    new: int | None


@dataclass(frozen=True)
class RowIssue:
    rows: tuple[int, ...]
    issue: Issue


@dataclass
class Preview:
    changes: list[Change]
    errors: list[RowIssue]
    warnings: list[RowIssue]
    cell_errors: list[CellError]

    @property
    def can_apply(self) -> bool:
        return not self.errors and not self.cell_errors and bool(self.changes)


def _describe(unit_name: str, year: int, quarter: int) -> str:
    return _("%(unit)s, quarter %(quarter)s of %(year)s") % {
        "unit": unit_name, "quarter": ("I", "II", "III", "IV")[quarter - 1], "year": year
    }


def quarter_template(*, report: QuarterlyReport, values: ReportValues, output: BinaryIO) -> None:
    """Write the template of `report` pre-filled with `values` (what is entered so far)."""
    with translation.override("vi"):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Quarterly report")
        title = _("Quarterly report — %(what)s") % {
            "what": _describe(report.unit.name, report.year, report.quarter)
        }
        sheet["A1"] = title
        sheet["A1"].font = Font(name=FONT, size=14, bold=True)
        sheet["A2"] = _(
            "Fill in the yellow cells with whole numbers (0 is a value; money in đồng, land in "
            "m²), then upload this file on the report's page. Other cells are protected."
        )
        sheet["A2"].font = Font(name=FONT, italic=True)
        headers = [_("Key"), _("Section"), _("Row"), _("Code"), _("Indicator"),
                   _("Unit of measure"), _("Value")]
        for column, text in enumerate(headers, start=1):
            cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=text)
            cell.font = Font(name=FONT, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        validation = DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle=_("Whole number"),
            error=_("Enter a whole number of 0 or more."),
        )
        sheet.add_data_validation(validation)
        row = FIRST_ROW
        for section in report_sections():
            for row_key, row_label in section.rows:
                for spec in section.indicators:
                    entries = (
                        field_key(section.code, row_key, spec.code),
                        f"{section.code}. {section.label}",
                        str(row_label),
                        spec.code,
                        str(spec.label),
                        str(spec.unit),
                        values.get(section.code, {}).get(row_key, {}).get(spec.code),
                    )
                    for column, value in enumerate(entries, start=1):
                        cell = sheet.cell(row=row, column=column, value=value)
                        cell.font = Font(name=FONT)
                    value_cell = sheet.cell(row=row, column=VALUE_COLUMN)
                    value_cell.protection = Protection(locked=False)
                    value_cell.fill = INPUT_FILL
                    value_cell.number_format = "#,##0"
                    validation.add(value_cell)
                    row += 1
        for letter, width in zip("ABCDEFG", (4, 26, 14, 26, 60, 16, 20), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["A"].hidden = True
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"
        sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        # Protection keeps honest users to the value cells; it is not a security boundary
        # (every value is validated again on upload).
        sheet.protection.sheet = True
        sheet.protection.password = secrets.token_hex(8)
        sheet.protection.formatColumns = False

        meta = book.create_sheet(META_SHEET)
        for index, (name, value) in enumerate(
            (("format", FORMAT_VERSION), ("unit", report.unit.code), ("unit_name", report.unit.name),
             ("year", report.year), ("quarter", report.quarter), ("version", report.version)),
            start=1,
        ):
            meta.cell(row=index, column=1, value=name)
            meta.cell(row=index, column=2, value=value)
        meta.protection.sheet = True
        meta.protection.password = secrets.token_hex(8)
        meta.sheet_state = "veryHidden"
        book.save(output)


def template_read(*, file: BinaryIO) -> ParsedTemplate:
    """Read an uploaded template: its identity, its values and the cells that are not whole
    numbers ≥ 0 (by sheet row). Raises TemplateRefused when it is not a template."""
    try:
        book = load_workbook(file, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a non-xlsx file
        raise TemplateRefused(_("The file is not an Excel workbook (.xlsx).")) from exc
    if META_SHEET not in book.sheetnames:
        raise TemplateRefused(_("The file is not a quarterly report template of this system."))
    meta = {row[0]: row[1] for row in book[META_SHEET].iter_rows(values_only=True) if row[0]}
    if meta.get("format") != FORMAT_VERSION:
        raise TemplateRefused(_("The file is not a quarterly report template of this system."))
    sheet = book.worksheets[0]
    parsed = ParsedTemplate(
        unit_code=str(meta["unit"]),
        year=int(meta["year"]),
        quarter=int(meta["quarter"]),
        version=int(meta["version"]),
        values=empty_values(),
    )
    known = {
        field_key(section.code, row_key, code): (section.code, row_key, code)
        for section in report_sections()
        for row_key in section.row_keys
        for code in section.codes
    }
    for row in range(FIRST_ROW, sheet.max_row + 1):
        key = sheet.cell(row=row, column=1).value
        if key not in known:
            continue
        section_code, row_key, code = known[key]
        parsed.rows[key] = row
        raw = sheet.cell(row=row, column=VALUE_COLUMN).value
        value, error = _whole_number(raw)
        if error:
            parsed.cell_errors.append(CellError(row, code, error))
        parsed.values[section_code][row_key][code] = value
    return parsed


def _whole_number(raw: object) -> tuple[int | None, str]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, bool):
        return None, _("Enter a whole number of 0 or more.")
    if isinstance(raw, int | float) and float(raw).is_integer() and raw >= 0:
        return int(raw), ""
    if isinstance(raw, str):
        text = raw.strip().replace(".", "").replace(" ", "")
        if text.isdigit():
            return int(text), ""
    return None, _("“%(value)s” is not a whole number of 0 or more.") % {"value": raw}


def template_check_identity(*, report: QuarterlyReport, parsed: ParsedTemplate) -> None:
    """Refuse, naming both, a template of another unit or quarter; refuse an approved report."""
    if (parsed.unit_code, parsed.year, parsed.quarter) != (
        report.unit.code, report.year, report.quarter
    ):
        from cum4.models import Unit

        other = Unit.objects.filter(code=parsed.unit_code).values_list("name", flat=True).first()
        raise TemplateRefused(
            _("This file is the template of %(file)s, not of %(report)s. Nothing was read.")
            % {
                "file": _describe(other or parsed.unit_code, parsed.year, parsed.quarter),
                "report": _describe(report.unit.name, report.year, report.quarter),
            }
        )
    if report.state == QuarterlyReport.State.APPROVED:
        raise TemplateRefused(
            _("The report is approved and locked; an uploaded file cannot change it.")
        )
    if not report.is_editable:
        raise TemplateRefused(
            _("The report has been submitted and awaits the cluster lead: it cannot be changed.")
        )


def template_preview(
    *, report: QuarterlyReport, parsed: ParsedTemplate, stored: ReportValues, issues: list[Issue]
) -> Preview:
    """Every change against the stored values and every rule issue, each with its sheet rows.

    `issues` are the report's rule errors and warnings for the uploaded values (the same
    checks as the entry form)."""
    labels = {
        field_key(section.code, row_key, spec.code): (spec.code, str(spec.label))
        for section in report_sections()
        for row_key in section.row_keys
        for spec in section.indicators
    }
    changes = []
    for key, row in sorted(parsed.rows.items(), key=lambda item: item[1]):
        section_code, _sep, rest = key.partition("-")
        row_key, _sep, code = rest.rpartition("-")
        old = stored.get(section_code, {}).get(row_key, {}).get(code)
        new = parsed.values.get(section_code, {}).get(row_key, {}).get(code)
        if old != new:
            changes.append(Change(row, key, *labels[key], old, new))

    def rows_of(issue: Issue) -> tuple[int, ...]:
        return tuple(sorted(parsed.rows[k] for k in issue.keys if k in parsed.rows))

    return Preview(
        changes=changes,
        errors=[RowIssue(rows_of(i), i) for i in issues if i.level == "error"],
        warnings=[RowIssue(rows_of(i), i) for i in issues if i.level == "warning"],
        cell_errors=parsed.cell_errors,
    )


def template_apply(*, report: QuarterlyReport, parsed: ParsedTemplate, by) -> list[Issue]:
    """Save the uploaded values through the reports' save service: the same permission,
    version check (a file downloaded before someone else saved is refused as stale) and error
    rules as the entry form, in one transaction, all or nothing. Returns the warnings."""
    from cum4.reports.services import report_save

    template_check_identity(report=report, parsed=parsed)
    if parsed.cell_errors:
        raise TemplateRefused(_("Some cells are not whole numbers: nothing was saved."))
    return report_save(report=report, values=parsed.values, version=parsed.version, by=by)
