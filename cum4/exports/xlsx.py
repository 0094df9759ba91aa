"""The cluster workbook: totals and rates, a sheet per section with a row per unit, the ranking.

Written from the `cluster_report` JSON only (the same data as the JSON and the Word report), in
Vietnamese whatever the reader's language: the file is filed and mailed as it is. Numbers are
stored as numbers with formats (#,##0 and 0.00%), so the reader's locale shows 1.902 and
89,72%; rates are stored as ratios (0.8972) as Excel expects of a percentage cell.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import BinaryIO

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cum4.exports.catalogue import Indicator, export_indicators, is_rate, section_labels
from cum4.exports.common import (
    cluster_title,
    counted_period,
    counted_quarters,
    period_phrase,
    quarters_text,
    ranking_rows,
    value_of,
)
from cum4.formatting import vn_date

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
# Money units the reader may pick: the divisor and the unit of measure printed.
MONEY_UNITS = {"dong": (1, "đồng"), "million": (1_000_000, "triệu đồng")}
# A section sheet prints at most this many indicator columns per A4 landscape page, so it
# reads at about 75% rather than shrinking every column onto one page.
COLUMNS_PER_PAGE = 8
INDICATOR_WIDTH = 16
NAME_WIDTH = 26
# Pixels (at 96 dpi) per Excel width unit when judging what fits: Excel with Calibri uses 7,
# LibreOffice without Calibri about 9,3; the larger keeps every page whole in both.
PX_PER_UNIT = 9.5
NUMBER_WIDTH = 6
MARGIN_INCHES = 0.5
USABLE_MM = 297 - 2 * MARGIN_INCHES * 25.4


def cluster_workbook(*, data: dict, output: BinaryIO, money_unit: str | None = None) -> None:
    """Write the workbook of one cluster_report JSON (`data`) to `output` (xlsx bytes).

    `money_unit`: "dong" (default) or "million" (triệu đồng), also read from
    data["money_unit"]. Every sheet states the period the figures cover, the quarters counted
    and the production date, prints on A4 landscape at a readable scale (wide sections over
    several pages with the unit names repeated), and keeps the indicator codes in a hidden
    row or column for re-import.
    """
    unit = money_unit or data.get("money_unit") or "dong"
    if unit not in MONEY_UNITS:
        raise ValueError(f"Unknown money unit {unit!r}")
    with translation.override("vi"):
        book = Workbook()
        indicators = export_indicators()
        sections = section_labels()
        context = _Context(data=data, money=unit, produced=timezone.localdate())
        _totals_sheet(book.active, context, indicators, sections)
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
            _section_sheet(sheet, context, f"{section}. {label}", codes)
        if data.get("ranking"):
            _ranking_sheet(book.create_sheet(_("Ranking")), context)
        book.properties.creator = data.get("issuing_body") or cluster_title(data)
        book.properties.title = _heading_title(data, _("Cluster totals and rates"))
        book.properties.language = "vi-VN"
        book.save(output)


class _Context:
    """What every sheet needs besides its rows: the data, the money unit, the day."""

    def __init__(self, *, data: dict, money: str, produced: dt.date) -> None:
        self.data = data
        self.money = money
        self.divisor, self.money_label = MONEY_UNITS[money]
        self.produced = produced

    def unit_of(self, indicator: Indicator) -> str:
        return self.money_label if indicator.code.endswith("_vnd") else indicator.unit


def _heading_title(data: dict, subject: str) -> str:
    return _("%(subject)s — %(cluster)s, %(period)s %(year)s") % {
        "subject": subject,
        "cluster": cluster_title(data),
        "period": period_phrase(counted_period(data)),
        "year": data["year"],
    }


def _heading(sheet: Worksheet, context: _Context, subject: str, width: int, *,
             first: int = 1) -> None:
    """Rows 1–3: title; what is counted (approved reports, which quarters); production date
    and money unit. Each row merged across the sheet, wrapped, tall enough for its text."""
    data = context.data
    note = _("Approved reports only: drafts, submitted and returned reports are not counted.")
    counted = _("Quarters counted: %(quarters)s of %(year)s.") % {
        "quarters": quarters_text(counted_quarters(data)), "year": data["year"],
    }
    produced = _("Produced on %(date)s; money in %(unit)s.") % {
        "date": vn_date(context.produced), "unit": context.money_label,
    }
    lines = (
        (_heading_title(data, subject), TITLE),
        (f"{note} {counted}", NOTE),
        (produced, NOTE),
    )
    last = first + max(width, 1) - 1
    chars_per_line = max(sum(_width_of(sheet, c) for c in range(first, last + 1)) * 0.9, 20)
    for row, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=first, value=text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        line_count = math.ceil(len(text) * (1.3 if font is TITLE else 1) / chars_per_line)
        height = max(line_count, 1) * (19 if font is TITLE else 15)
        sheet.row_dimensions[row].height = max(sheet.row_dimensions[row].height or 0, height)
    # The period and the production date on every printed page too.
    sheet.oddHeader.left.text = f"{cluster_title(data)} — {period_phrase(counted_period(data))} {data['year']}"
    sheet.oddHeader.right.text = _("Produced on %(date)s") % {"date": vn_date(context.produced)}


def _width_of(sheet: Worksheet, column: int) -> float:
    return sheet.column_dimensions[get_column_letter(column)].width or 8.43


def _write_value(cell, code: str, value: int | Decimal | None, font: Font = BODY,
                 divisor: int = 1) -> None:
    cell.font = font
    cell.border = BOX
    if value is None:
        cell.value = "–"
        cell.alignment = Alignment(horizontal="center")
    elif is_rate(code):
        cell.value = float(value / 100)
        cell.number_format = RATE_FORMAT
    elif code.endswith("_vnd") and divisor != 1:
        # Stored exactly (in the chosen unit), shown to two decimals.
        cell.value = float(Decimal(value) / divisor)
        cell.number_format = DECIMAL_FORMAT
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
    sheet: Worksheet, context: _Context, indicators: list[Indicator], sections: dict[str, str]
) -> None:
    sheet.title = _("Cluster totals")
    headers = [_("No."), _("Code"), _("Indicator"), _("Unit of measure"), _("Cluster total")]
    widths = (6, 30, 62, 16, 22)
    for column, width in zip("ABCDE", widths, strict=True):
        sheet.column_dimensions[column].width = width
    # The codes stay for re-import and formulas, out of sight and off the paper.
    sheet.column_dimensions["B"].hidden = True
    _heading(sheet, context, _("Cluster totals and rates"), len(headers))
    for column, text in enumerate(headers, start=1):
        _header_cell(sheet, 4, column, text)
    row = 5
    totals = context.data["totals"]
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
            if len(indicator.label) > widths[2]:
                sheet.row_dimensions[row].height = 15 * math.ceil(len(indicator.label) / widths[2])
            sheet.cell(row=row, column=4, value=context.unit_of(indicator)).font = BODY
            for column in range(1, 5):
                sheet.cell(row=row, column=column).border = BOX
            _write_value(sheet.cell(row=row, column=5), indicator.code,
                         value_of(totals, indicator.code), divisor=context.divisor)
            row += 1
    _page_setup(sheet, header_rows="4:4", freeze="A5")


def _section_sheet(sheet: Worksheet, context: _Context, title: str, codes: list[Indicator]) -> None:
    """A row per unit, a column per indicator. A wide section is cut into groups of at most
    COLUMNS_PER_PAGE indicators side by side, each group a print area of its own with its
    title, No. and unit columns, so every printed page is a whole table at a readable scale
    (never one page shrunk to 35%)."""
    groups = _groups(codes)
    column = 1
    areas = []
    for index, group in enumerate(groups):
        first = column
        column = _section_group(sheet, context, title, group, first=first, part=(index, len(groups)))
        last_row = 7 + len(context.data["units"])
        areas.append(f"{get_column_letter(first)}1:{get_column_letter(column - 1)}{last_row}")
    sheet.row_dimensions[6].hidden = True
    _page_setup(sheet, header_rows="4:6", freeze="C7")
    if len(groups) > 1:
        sheet.print_area = areas
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
        sheet.page_setup.fitToWidth = None
        sheet.page_setup.fitToHeight = None
        sheet.page_setup.scale = print_scale(
            NUMBER_WIDTH, NAME_WIDTH, *([INDICATOR_WIDTH] * max(len(g) for g in groups))
        )


def _groups(codes: list[Indicator]) -> list[list[Indicator]]:
    """Even groups of at most COLUMNS_PER_PAGE indicators, in dictionary order."""
    count = math.ceil(len(codes) / COLUMNS_PER_PAGE) or 1
    size = math.ceil(len(codes) / count) or 1
    return [codes[start:start + size] for start in range(0, len(codes), size)] or [[]]


def _section_group(sheet: Worksheet, context: _Context, title: str, codes: list[Indicator], *,
                   first: int, part: tuple[int, int]) -> int:
    """One group of a section sheet from column `first`: No., unit, the indicators; returns
    the column after it."""
    data = context.data
    number_column, name_column = first, first + 1
    sheet.column_dimensions[get_column_letter(number_column)].width = NUMBER_WIDTH
    sheet.column_dimensions[get_column_letter(name_column)].width = NAME_WIDTH
    end = name_column + len(codes)
    for offset in range(name_column + 1, end + 1):
        sheet.column_dimensions[get_column_letter(offset)].width = INDICATOR_WIDTH
    index, count = part
    heading = title if count == 1 else _("%(title)s (part %(part)s of %(count)s)") % {
        "title": title, "part": index + 1, "count": count,
    }
    _heading(sheet, context, heading, end - first + 1, first=first)
    _header_cell(sheet, 4, number_column, _("No."))
    _header_cell(sheet, 4, name_column, _("Inspectorate"))
    for row in (5, 6):
        _header_cell(sheet, row, number_column, "")
        _header_cell(sheet, row, name_column, "")
    longest = 0
    for offset, indicator in enumerate(codes, start=name_column + 1):
        _header_cell(sheet, 4, offset, indicator.label)
        _header_cell(sheet, 5, offset, context.unit_of(indicator), font=BODY)
        _header_cell(sheet, 6, offset, indicator.code, font=CODE)
        longest = max(longest, len(indicator.label))
    # Tall enough for the longest label wrapped in its column: labels never overprint.
    height = 15 * (math.ceil(longest / (INDICATOR_WIDTH - 4)) + 1)
    sheet.row_dimensions[4].height = max(sheet.row_dimensions[4].height or 0, height)
    row = 7
    for number, entry in enumerate(data["units"], start=1):
        sheet.cell(row=row, column=number_column, value=number).font = BODY
        sheet.cell(row=row, column=number_column).border = BOX
        name = sheet.cell(row=row, column=name_column, value=entry.get("name") or entry["unit"])
        name.font = BODY
        name.border = BOX
        for offset, indicator in enumerate(codes, start=name_column + 1):
            _write_value(sheet.cell(row=row, column=offset), indicator.code,
                         value_of(entry["figures"], indicator.code), divisor=context.divisor)
        row += 1
    total_label = sheet.cell(row=row, column=name_column, value=_("Cluster total"))
    total_label.font = BOLD
    for column in range(first, end + 1):
        sheet.cell(row=row, column=column).fill = TOTAL_FILL
        sheet.cell(row=row, column=column).border = BOX
    for offset, indicator in enumerate(codes, start=name_column + 1):
        cell = sheet.cell(row=row, column=offset)
        _write_value(cell, indicator.code, value_of(data["totals"], indicator.code), font=BOLD,
                     divisor=context.divisor)
        cell.fill = TOTAL_FILL
    return end + 1


def print_scale(*widths: float) -> int:
    """The largest whole percentage at which columns of these Excel widths fit across A4
    landscape, at most 100 (PX_PER_UNIT per width unit, 5 px padding per column)."""
    millimetres = sum((width * PX_PER_UNIT + 5) * 25.4 / 96 for width in widths)
    return min(100, math.floor(USABLE_MM / millimetres * 100))


def _ranking_sheet(sheet: Worksheet, context: _Context) -> None:
    data = context.data
    rows = ranking_rows(data)
    present = [key for key in RANKING_COLUMNS if any(entry.get(key) is not None for entry in rows)]
    labels = {
        "rank": _("Rank"),
        "unit": _("Code"),
        "name": _("Inspectorate"),
        "score": _("Score"),
        "votes": _("Votes"),
    }
    for column, key in enumerate(present, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = {
            "name": 40, "unit": 14,
        }.get(key, 12)
        if key == "unit":
            sheet.column_dimensions[get_column_letter(column)].hidden = True
    _heading(sheet, context, _("Emulation ranking"), len(present))
    for column, key in enumerate(present, start=1):
        _header_cell(sheet, 4, column, labels[key])
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
    sheet.page_margins.left = sheet.page_margins.right = MARGIN_INCHES
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = _("Page &P of &N")
