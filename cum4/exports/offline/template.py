"""Writing the offline template of a quarterly report (see cum4.exports.offline)."""

from __future__ import annotations

import secrets
from typing import BinaryIO

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cum4.exports.offline.layout import (
    CHECK_COLUMN,
    FIRST_ROW,
    FONT,
    FORMAT_VERSION,
    META_SHEET,
    VALUE_COLUMN,
    VALUE_LETTER,
    describe,
)
from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import report_sections
from cum4.reports.validation import ReportValues, field_key

INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
ERROR_FILL = PatternFill("solid", fgColor="F8B4B4", bgColor="F8B4B4")
WARNING_FILL = PatternFill("solid", fgColor="FCD9A8", bgColor="FCD9A8")
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
            "what": describe(report.unit.name, report.year, report.quarter).upper()
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
