"""Reading an uploaded offline template back: identity, values, preview, apply."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from cum4.exports.offline.layout import (
    FIRST_ROW,
    META_SHEET,
    READABLE_FORMATS,
    VALUE_COLUMN,
    VALUE_LETTER,
    describe,
)
from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import report_sections
from cum4.reports.validation import Issue, ReportValues, empty_values, field_key

# "1234567" or "1.234.567" (dots between groups of three): nothing else is read as a number.
UNAMBIGUOUS_NUMBER = re.compile(r"\d+|\d{1,3}(\.\d{3})+")


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
        value, error = whole_number(raw)
        if error:
            parsed.cell_errors.append(CellError(
                row, code, error, cell=f"{VALUE_LETTER}{row}",
                label=str(sheet.cell(row=row, column=5).value or code), value=str(raw),
            ))
        parsed.values[section_code][row_key][code] = value
    return parsed


def whole_number(raw: object) -> tuple[int | None, str]:
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
                "file": describe(other or parsed.unit_code, parsed.year, parsed.quarter),
                "report": describe(report.unit.name, report.year, report.quarter),
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
