"""Offline entry of a quarterly report: the Excel template, reading it back, the preview.

The template opens with its title (unit, quarter, year), a few lines of instructions and its
version; then one row per indicator (and per row of section D, whose labels say complaint or
denunciation) with its Vietnamese label and unit, the key and code in hidden columns; only the
value cells are unlocked, each with an input prompt, and the dictionary's cross-checks flag
cells as the user types (conditional formatting, and a message in the check column). On
upload a number written as text is read only in an unambiguous form ("1234567",
"1.234.567"), never "1.5" as 15. The unit, year, quarter and report version sit in
a very hidden sheet and are checked on upload, so another unit's or quarter's file is refused
by name, and a file downloaded before someone else saved is refused as stale by the save
service. Applying goes through `report_save` (the same validation as the form), all or nothing.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import report_sections
from cum4.reports.validation import Issue, ReportValues, empty_values, field_key

FORMAT_VERSION = "cum4-quarter-2"
# Files of the earlier layout are still read: the reader finds rows by their hidden key.
READABLE_FORMATS = frozenset({"cum4-quarter-1", FORMAT_VERSION})
META_SHEET = "_meta"
FIRST_ROW = 10
COLUMNS = ("key", "section", "row", "code", "label", "unit", "value", "check")
VALUE_COLUMN = COLUMNS.index("value") + 1
CHECK_COLUMN = COLUMNS.index("check") + 1
VALUE_LETTER = get_column_letter(VALUE_COLUMN)
FONT = "Times New Roman"
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
ERROR_FILL = PatternFill("solid", fgColor="F8B4B4", bgColor="F8B4B4")
WARNING_FILL = PatternFill("solid", fgColor="FCD9A8", bgColor="FCD9A8")
# "1234567" or "1.234.567" (dots between groups of three): nothing else is read as a number.
UNAMBIGUOUS_NUMBER = re.compile(r"\d+|\d{1,3}(\.\d{3})+")
# The dictionary's rules as sheet formulas that hold when the rule holds ({code} is the
# code's value cell on the same row set). Rules absent here are checked on upload only.
SHEET_CHECKS = {
    "insp_split": "{insp_planned}+{insp_unplanned}={insp_new}",
    "insp_concluded": "{insp_concluded}<={insp_carried_over}+{insp_new}",
    "subjects_violating": "{subjects_violating}<={subjects_inspected}",
    "recovery_vs_violation": "{recovery_recommended_vnd}+{other_economic_vnd}<={violation_vnd}",
    "recovery_land_vs_violation": "{recovery_recommended_land_m2}<={violation_land_m2}",
    "recovered_vs_recommended": "{recovered_vnd}<={recovery_recommended_vnd}",
    "sanction_needs_decision": "OR({sanction_vnd}=0,{sanction_decisions}>0)",
    "referred_persons": "{referred_persons}>={referred_cases}",
    "declarations_done": "{asset_declarations_done}<={asset_declarations_required}",
    "corruption_persons": "{corruption_persons}>={corruption_cases}",
    "reception_persons": "{reception_persons}>={reception_turns}",
    "petitions_split": (
        "{petitions_complaint}+{petitions_denunciation}+{petitions_proposal}={petitions_received}"
    ),
    "petitions_eligible": "{petitions_eligible}<={petitions_carried_over}+{petitions_received}",
    "petitions_jurisdiction": (
        "{petitions_in_jurisdiction}+{petitions_out_jurisdiction}={petitions_eligible}"
    ),
    "cases_resolved": "{cases_resolved}<={cases_carried_over}+{cases_new}",
    "cases_on_time": "{cases_resolved_on_time}<={cases_resolved}",
    "cases_withdrawn": "{cases_withdrawn}<={cases_resolved}",
    "findings": (
        "{findings_correct}+{findings_partly_correct}+{findings_incorrect}"
        "<={cases_resolved}-{cases_withdrawn}"
    ),
}


class TemplateRefused(ValidationError):
    """The file is not a template of this report (or not a template at all)."""


@dataclass(frozen=True)
class CellError:
    """A value cell that is not a whole number ≥ 0: the cell ("G19"), its label and value."""

    row: int
    code: str
    message: str
    cell: str = ""
    label: str = ""
    value: str = ""


@dataclass
class ParsedTemplate:
    unit_code: str
    year: int
    quarter: int
    version: int
    values: ReportValues
    rows: dict[str, int] = field(default_factory=dict)  # field key → sheet row
    cell_errors: list[CellError] = field(default_factory=list)
    # The values the file was downloaded with (field key → value); empty for older files.
    base: dict[str, int | None] = field(default_factory=dict)


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

    @property
    def cells(self) -> str:
        """The value cells of the rule ("G12, G13, G14")."""
        return ", ".join(f"{VALUE_LETTER}{row}" for row in self.rows)


@dataclass(frozen=True)
class StaleValue:
    """A value saved by someone else after the file was downloaded."""

    cell: str
    label: str
    at_download: int | None
    now: int | None
    in_file: int | None


@dataclass
class Preview:
    changes: list[Change]
    errors: list[RowIssue]
    warnings: list[RowIssue]
    cell_errors: list[CellError]
    # Set when the report was saved after the download: the file is refused.
    stale: list[StaleValue] | None = None
    versions: tuple[int, int] = (0, 0)  # (the file's, the report's now)

    @property
    def can_apply(self) -> bool:
        return (
            not self.errors and not self.cell_errors and self.stale is None and bool(self.changes)
        )


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
        for letter, width in zip("ABCDEFGH", (4, 22, 12, 26, 62, 14, 18, 48), strict=True):
            sheet.column_dimensions[letter].width = width
        # Key and code stay for the upload, out of sight.
        sheet.column_dimensions["A"].hidden = True
        sheet.column_dimensions["D"].hidden = True
        _template_heading(sheet, report)
        headers = [_("Key"), _("Section"), _("Row"), _("Code"), _("Indicator"),
                   _("Unit of measure"), _("Value"), _("Check")]
        for column, text in enumerate(headers, start=1):
            cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=text)
            cell.font = Font(name=FONT, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cells: dict[tuple[str, str], dict[str, str]] = {}
        row = FIRST_ROW
        for section in report_sections():
            for row_key, row_label in section.rows:
                for spec in section.indicators:
                    label = f"{row_label}: {spec.label}" if row_label else str(spec.label)
                    entries = (
                        field_key(section.code, row_key, spec.code),
                        f"{section.code}. {section.label}",
                        str(row_label),
                        spec.code,
                        label,
                        str(spec.unit),
                        values.get(section.code, {}).get(row_key, {}).get(spec.code),
                    )
                    for column, value in enumerate(entries, start=1):
                        cell = sheet.cell(row=row, column=column, value=value)
                        cell.font = Font(name=FONT)
                    sheet.cell(row=row, column=5).alignment = Alignment(wrap_text=True)
                    value_cell = sheet.cell(row=row, column=VALUE_COLUMN)
                    value_cell.protection = Protection(locked=False)
                    value_cell.fill = INPUT_FILL
                    value_cell.number_format = "#,##0"
                    _input_prompt(sheet, value_cell.coordinate, label, str(spec.unit))
                    cells.setdefault((section.code, row_key), {})[spec.code] = value_cell.coordinate
                    row += 1
        _sheet_checks(sheet, cells)
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
        identity = (
            ("format", FORMAT_VERSION), ("unit", report.unit.code),
            ("unit_name", report.unit.name), ("year", report.year),
            ("quarter", report.quarter), ("version", report.version),
        )
        # What the file was downloaded with, to show what changed since if it comes back stale.
        base = [
            (f"base:{field_key(section.code, row_key, code)}",
             values.get(section.code, {}).get(row_key, {}).get(code))
            for section in report_sections()
            for row_key in section.row_keys
            for code in section.codes
        ]
        for index, (name, value) in enumerate((*identity, *base), start=1):
            meta.cell(row=index, column=1, value=name)
            meta.cell(row=index, column=2, value=value)
        meta.protection.sheet = True
        meta.protection.password = secrets.token_hex(8)
        meta.sheet_state = "veryHidden"
        book.save(output)


def _template_heading(sheet, report: QuarterlyReport) -> None:
    """Rows 1–7 over the visible columns: title, instructions, version."""
    downloaded = timezone.localtime()
    lines = (
        (_("QUARTERLY REPORT — %(what)s") % {
            "what": _describe(report.unit.name, report.year, report.quarter).upper()
        }, Font(name=FONT, size=14, bold=True)),
        (_("1. Enter whole numbers in the yellow cells (0 is a value; money in đồng, land in "
           "m²); leave a cell empty if the figure is not known yet."), Font(name=FONT)),
        (_("2. A number typed as text is read only as 1234567 or 1.234.567; “1.5” or “1,5” is "
           "refused."), Font(name=FONT)),
        (_("3. A cell turning red breaks a rule of the report; the Check column says which. "
           "Orange is a warning to explain when submitting."), Font(name=FONT)),
        (_("4. Upload the file on the report's page: every change is shown before anything is "
           "saved. A file downloaded before someone else saved the report is refused."),
         Font(name=FONT)),
        (_("Template %(format)s · report version %(version)s · downloaded %(when)s") % {
            "format": FORMAT_VERSION, "version": report.version,
            "when": downloaded.strftime("%H:%M %d/%m/%Y"),
        }, Font(name=FONT, italic=True, color="555555")),
    )
    for row, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=2, value=text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=CHECK_COLUMN)
        sheet.row_dimensions[row].height = 22 if row == 1 else 18


def _input_prompt(sheet, coordinate: str, label: str, unit: str) -> None:
    """The prompt shown when the cell is selected, and the whole-number check on typing."""
    validation = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle=_("Whole number"),
        error=_("Enter a whole number of 0 or more."),
        showInputMessage=True, promptTitle=_("Enter")[:32],
        prompt=(_("%(label)s, in %(unit)s: a whole number of 0 or more; empty if not known.")
                % {"label": label, "unit": unit})[:255],
    )
    sheet.add_data_validation(validation)
    validation.add(coordinate)


def _sheet_checks(sheet, cells: dict[tuple[str, str], dict[str, str]]) -> None:
    """Each formula-able rule: its cells red (error) or orange (warning) and its message in the
    Check column of its first cell, as soon as all its cells are filled and it fails."""
    for section in report_sections():
        for row_key in section.row_keys:
            refs = cells.get((section.code, row_key), {})
            for rule in section.rules:
                template = SHEET_CHECKS.get(rule.code)
                if template is None or any(code not in refs for code in rule.fields):
                    continue
                holds = template.format(**{code: refs[code] for code in rule.fields})
                filled = ",".join(refs[code] for code in rule.fields)
                failing = f"AND(COUNT({filled})={len(rule.fields)},NOT({holds}))"
                fill = ERROR_FILL if rule.level == "error" else WARNING_FILL
                for code in rule.fields:
                    sheet.conditional_formatting.add(
                        refs[code], FormulaRule(formula=[failing], fill=fill, stopIfTrue=False)
                    )
                anchor = refs[rule.fields[0]]
                check = sheet[f"{get_column_letter(CHECK_COLUMN)}{anchor[len(VALUE_LETTER):]}"]
                message = str(rule.message).replace('"', "'")
                previous = check.value
                text = f'IF({failing},"{message}","")'
                check.value = f"={text}" if previous is None else f'={previous[1:]}&{text}'
                check.font = Font(name=FONT, color="C00000")
                check.alignment = Alignment(wrap_text=True, vertical="top")


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
    if meta.get("format") not in READABLE_FORMATS:
        raise TemplateRefused(_("The file is not a quarterly report template of this system."))
    sheet = book.worksheets[0]
    parsed = ParsedTemplate(
        unit_code=str(meta["unit"]),
        year=int(meta["year"]),
        quarter=int(meta["quarter"]),
        version=int(meta["version"]),
        values=empty_values(),
        base={key[len("base:"):]: value for key, value in meta.items()
              if str(key).startswith("base:")},
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
            parsed.cell_errors.append(CellError(
                row, code, error, cell=f"{VALUE_LETTER}{row}",
                label=str(sheet.cell(row=row, column=5).value or code), value=str(raw),
            ))
        parsed.values[section_code][row_key][code] = value
    return parsed


def _whole_number(raw: object) -> tuple[int | None, str]:
    """A cell's value as a whole number ≥ 0, or the reason it is not one.

    Text is read only when it cannot mean two things: digits alone, or groups of three
    separated by dots ("1.234.567"). "1.5", "1,5" and "12.5" are refused, never read as 15.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, bool):
        return None, _("Enter a whole number of 0 or more.")
    if isinstance(raw, int | float) and float(raw).is_integer() and raw >= 0:
        return int(raw), ""
    if isinstance(raw, str):
        text = raw.strip()
        if UNAMBIGUOUS_NUMBER.fullmatch(text):
            return int(text.replace(".", "")), ""
        return None, _(
            "“%(value)s” is not an unambiguous whole number: write 1234567 or 1.234.567 "
            "(dots between groups of three digits)."
        ) % {"value": raw}
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
        field_key(section.code, row_key, spec.code): (
            spec.code, f"{row_label}: {spec.label}" if row_label else str(spec.label)
        )
        for section in report_sections()
        for row_key, row_label in section.rows
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
        stale=_stale_values(report, parsed, stored, labels),
        versions=(parsed.version, report.version),
    )


def _stale_values(
    report: QuarterlyReport, parsed: ParsedTemplate, stored: ReportValues,
    labels: dict[str, tuple[str, str]],
) -> list[StaleValue] | None:
    """None when the file is of the report's current version; else every value saved since
    the download (at download, now, in the file), by cell."""
    if parsed.version == report.version:
        return None
    since = []
    for key, row in sorted(parsed.rows.items(), key=lambda item: item[1]):
        section_code, _sep, rest = key.partition("-")
        row_key, _sep, code = rest.rpartition("-")
        now = stored.get(section_code, {}).get(row_key, {}).get(code)
        if key in parsed.base and parsed.base[key] != now:
            since.append(StaleValue(
                cell=f"{VALUE_LETTER}{row}", label=labels[key][1], at_download=parsed.base[key],
                now=now, in_file=parsed.values.get(section_code, {}).get(row_key, {}).get(code),
            ))
    return since


def template_apply(*, report: QuarterlyReport, parsed: ParsedTemplate, by) -> list[Issue]:
    """Save the uploaded values through the reports' save service: the same permission,
    version check (a file downloaded before someone else saved is refused as stale) and error
    rules as the entry form, in one transaction, all or nothing. Returns the warnings."""
    from cum4.reports.services import report_save

    template_check_identity(report=report, parsed=parsed)
    if parsed.cell_errors:
        raise TemplateRefused(_("Some cells are not whole numbers: nothing was saved."))
    return report_save(report=report, values=parsed.values, version=parsed.version, by=by)
