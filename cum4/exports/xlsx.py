"""The cluster workbook: totals and rates, a sheet per section with a row per unit, the ranking.

Written from the `cluster_report` JSON only (the same data as the JSON and the Word report), in
Vietnamese whatever the reader's language: the file is filed and mailed as it is. Numbers are
stored as numbers with formats (#,##0 and 0.00%), so the reader's locale shows 1.902 and
89,72%; rates are stored as ratios (0.8972) as Excel expects of a percentage cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import BinaryIO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cum4.exports.catalogue import Indicator, export_indicators, is_rate, section_labels
from cum4.exports.common import cluster_title, period_phrase, ranking_rows, value_of

FONT = "Times New Roman"
NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
RATE_FORMAT = "0.00%"
TITLE = Font(name=FONT, size=14, bold=True)
NOTE = Font(name=FONT, size=11, italic=True)
HEADER = Font(name=FONT, size=11, bold=True)
CODE = Font(name=FONT, size=9, color="666666")
BODY = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
RANKING_COLUMNS = ("rank", "unit", "name", "score", "votes")


def cluster_workbook(*, data: dict, output: BinaryIO) -> None:
    """Write the workbook of one cluster_report JSON (`data`) to `output` (xlsx bytes)."""
    with translation.override("vi"):
        book = Workbook()
        indicators = export_indicators()
        sections = section_labels()
        _totals_sheet(book.active, data, indicators, sections)
        # Sheet names are at most 31 characters: short names, the full label in the title.
        sheet_names = {
            "A": _("A. Inspections"),
            "B": _("B. Citizen reception"),
            "C": _("C. Petitions"),
            "D": _("D. Complaint resolution"),
            "E": _("E. Anti-corruption"),
        }
        for section, label in sections.items():
            codes = [i for i in indicators if i.section == section]
            sheet = book.create_sheet(sheet_names.get(section, section)[:31])
            _section_sheet(sheet, data, f"{section}. {label}", codes)
        if data.get("ranking"):
            _ranking_sheet(book.create_sheet(_("Ranking")), data)
        book.save(output)


def _heading(sheet: Worksheet, data: dict, subject: str, width: int) -> None:
    title = _("%(subject)s — %(cluster)s, %(period)s %(year)s") % {
        "subject": subject,
        "cluster": cluster_title(data),
        "period": period_phrase(data["period"]),
        "year": data["year"],
    }
    sheet.cell(row=1, column=1, value=title).font = TITLE
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    note = _("Approved reports only: drafts, submitted and returned reports are not counted.")
    sheet.cell(row=2, column=1, value=note).font = NOTE
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(width, 1))


def _write_value(cell, code: str, value: int | Decimal | None, font: Font = BODY) -> None:
    cell.font = font
    cell.border = BOX
    if value is None:
        cell.value = "–"
        cell.alignment = Alignment(horizontal="center")
    elif is_rate(code):
        cell.value = float(value / 100)
        cell.number_format = RATE_FORMAT
    else:
        cell.value = int(value) if isinstance(value, int) else float(value)
        cell.number_format = NUMBER_FORMAT if isinstance(value, int) else DECIMAL_FORMAT


def _header_cell(sheet: Worksheet, row: int, column: int, value: str, font: Font = HEADER):
    cell = sheet.cell(row=row, column=column, value=value)
    cell.font = font
    cell.alignment = WRAP_CENTER
    cell.border = BOX
    cell.fill = HEADER_FILL
    return cell


def _totals_sheet(
    sheet: Worksheet, data: dict, indicators: list[Indicator], sections: dict[str, str]
) -> None:
    sheet.title = _("Cluster totals")
    headers = [_("No."), _("Code"), _("Indicator"), _("Unit of measure"), _("Cluster total")]
    _heading(sheet, data, _("Cluster totals and rates"), len(headers))
    for column, text in enumerate(headers, start=1):
        _header_cell(sheet, 4, column, text)
    row = 5
    totals = data["totals"]
    for section, section_label in sections.items():
        cell = sheet.cell(row=row, column=1, value=f"{section}. {section_label}")
        cell.font = BOLD
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        row += 1
        for number, indicator in enumerate(
            (i for i in indicators if i.section == section), start=1
        ):
            sheet.cell(row=row, column=1, value=number).font = BODY
            sheet.cell(row=row, column=2, value=indicator.code).font = CODE
            label = sheet.cell(row=row, column=3, value=indicator.label)
            label.font = BOLD if indicator.kind == "derived" else BODY
            label.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.cell(row=row, column=4, value=indicator.unit).font = BODY
            for column in range(1, 5):
                sheet.cell(row=row, column=column).border = BOX
            _write_value(sheet.cell(row=row, column=5), indicator.code,
                         value_of(totals, indicator.code))
            row += 1
    for column, width in zip("ABCDE", (6, 30, 60, 16, 22), strict=True):
        sheet.column_dimensions[column].width = width
    _page_setup(sheet, header_rows="4:4", freeze="A5")


def _section_sheet(sheet: Worksheet, data: dict, title: str, codes: list[Indicator]) -> None:
    width = 2 + len(codes)
    _heading(sheet, data, title, width)
    _header_cell(sheet, 4, 1, _("No."))
    _header_cell(sheet, 4, 2, _("Inspectorate"))
    for row in (5, 6):
        _header_cell(sheet, row, 1, "")
        _header_cell(sheet, row, 2, "")
    for offset, indicator in enumerate(codes, start=3):
        _header_cell(sheet, 4, offset, indicator.label)
        _header_cell(sheet, 5, offset, indicator.unit, font=BODY)
        _header_cell(sheet, 6, offset, indicator.code, font=CODE)
        sheet.column_dimensions[get_column_letter(offset)].width = 17
    sheet.row_dimensions[4].height = 75
    row = 7
    for number, entry in enumerate(data["units"], start=1):
        sheet.cell(row=row, column=1, value=number).font = BODY
        sheet.cell(row=row, column=1).border = BOX
        name = sheet.cell(row=row, column=2, value=entry.get("name") or entry["unit"])
        name.font = BODY
        name.border = BOX
        for offset, indicator in enumerate(codes, start=3):
            _write_value(sheet.cell(row=row, column=offset), indicator.code,
                         value_of(entry["figures"], indicator.code))
        row += 1
    total_label = sheet.cell(row=row, column=2, value=_("Cluster total"))
    total_label.font = BOLD
    for column in range(1, width + 1):
        sheet.cell(row=row, column=column).fill = TOTAL_FILL
        sheet.cell(row=row, column=column).border = BOX
    for offset, indicator in enumerate(codes, start=3):
        cell = sheet.cell(row=row, column=offset)
        _write_value(cell, indicator.code, value_of(data["totals"], indicator.code), font=BOLD)
        cell.fill = TOTAL_FILL
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 30
    _page_setup(sheet, header_rows="4:6", freeze="C7")


def _ranking_sheet(sheet: Worksheet, data: dict) -> None:
    rows = ranking_rows(data)
    present = [key for key in RANKING_COLUMNS if any(entry.get(key) is not None for entry in rows)]
    labels = {
        "rank": _("Rank"),
        "unit": _("Code"),
        "name": _("Inspectorate"),
        "score": _("Score"),
        "votes": _("Votes"),
    }
    _heading(sheet, data, _("Emulation ranking"), len(present))
    for column, key in enumerate(present, start=1):
        _header_cell(sheet, 4, column, labels[key])
        sheet.column_dimensions[get_column_letter(column)].width = {
            "name": 30
        }.get(key, 12)
    for row, entry in enumerate(rows, start=5):
        for column, key in enumerate(present, start=1):
            cell = sheet.cell(row=row, column=column)
            cell.font = BODY
            cell.border = BOX
            raw = entry.get(key)
            if key == "score" and raw is not None:
                cell.value = float(raw)
                cell.number_format = DECIMAL_FORMAT
            else:
                cell.value = raw
    _page_setup(sheet, header_rows="4:4", freeze="A5")


def _page_setup(sheet: Worksheet, *, header_rows: str, freeze: str) -> None:
    """A4 landscape, one page wide, header rows repeated on every printed page."""
    sheet.freeze_panes = freeze
    sheet.print_title_rows = header_rows
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = _("Page &P of &N")
