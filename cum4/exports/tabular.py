"""One helper for every tabular Excel export: a named sheet people can read.

A column is a spec: its Vietnamese header, how to get the value from a row object, its width
and number format. Values are made readable on the way out: an aware datetime becomes the
local (Asia/Ho_Chi_Minh) wall-clock time, a date stays a date cell shown dd/mm/yyyy, an amount
is a number shown with thousands separators, a lazy translation is text, and text that a
spreadsheet would run as a formula is prefixed with an apostrophe.

A column may carry an import `code` and be `hidden`: a file that is read back keeps its
machine keys in hidden columns headed by the code, while people see names and labels.
`import_headers` turns a read-back header row into those codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
MONEY_FORMAT = "#,##0"


@dataclass(frozen=True)
class Column:
    header: Any  # a (lazy) translated string
    value: Callable[[Any], Any]
    width: float = 16
    number_format: str | None = None
    code: str = ""  # the key a re-import reads; "" for a column people only read
    hidden: bool = False
    # How a re-import turns the shown value back into what it reads (a name into a code).
    decode: Callable[[Any], Any] | None = None


def cell_value(value: Any) -> Any:
    """A value as an Excel cell: local naive datetimes, plain numbers, safe text."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return "Có" if value else ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def _number_format(column: Column, value: Any) -> str | None:
    if column.number_format:
        return column.number_format
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    return None


def sheet_title(title: Any) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\)."""
    text = str(title)
    for char in "[]:*?/\\":
        text = text.replace(char, "-")
    if len(text) > 31:  # cut between words, not inside one
        text = text[:32].rsplit(" ", 1)[0] if " " in text[:32] else text[:31]
    return text.strip() or "Dữ liệu"


def write_sheet(
    sheet: Worksheet,
    *,
    title: Any,
    columns: Sequence[Column],
    rows: Iterable[Any],
    preamble: Sequence[Sequence[Any]] = (),
) -> Worksheet:
    """Write `rows` under a bold header on `sheet`, named, widths set, header frozen."""
    sheet.title = sheet_title(title)
    for line in preamble:
        sheet.append([cell_value(v) for v in line])
    if preamble:
        sheet.append([])
    header_row = sheet.max_row + 1 if preamble else 1
    sheet.append([column.code if column.hidden else cell_value(column.header)
                  for column in columns])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        values = [cell_value(column.value(row)) for column in columns]
        sheet.append(values)
        for column, cell in zip(columns, sheet[sheet.max_row], strict=False):
            number_format = _number_format(column, cell.value)
            if number_format:
                cell.number_format = number_format
    for index, column in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    return sheet


def write_workbook(
    output: BinaryIO,
    *,
    title: Any,
    columns: Sequence[Column],
    rows: Iterable[Any],
    preamble: Sequence[Sequence[Any]] = (),
) -> None:
    """A workbook of one sheet (see `write_sheet`) saved to `output`."""
    workbook = Workbook()
    write_sheet(workbook.active, title=title, columns=columns, rows=rows, preamble=preamble)
    workbook.save(output)


def import_headers(headers: Sequence[Any], columns: Sequence[Column]) -> list[str]:
    """The codes a re-import reads for a header row written by `write_sheet`.

    A hidden column is headed by its code already; a visible column with a code is recognised
    by its Vietnamese header (or its code, for files written before); a column people only read
    becomes "" so the import ignores it.
    """
    by_header = {str(c.header).strip(): c.code for c in columns if not c.hidden}
    codes = {c.code for c in columns if c.code}
    result = []
    for header in headers:
        text = "" if header is None else str(header).strip()
        result.append(text if text in codes else by_header.get(text, text))
    return result


def read_back(
    rows: Sequence[Sequence[Any]], columns: Sequence[Column]
) -> tuple[list[str], list[list[Any]]]:
    """Headers as codes and values decoded, for a sheet written with `columns` (or by hand
    with the codes as headers). Columns that are only read by people are dropped."""
    if not rows:
        return [], []
    headers = import_headers(rows[0], columns)
    decoders = {c.code: c.decode for c in columns if c.code and c.decode}
    keep = [i for i, header in enumerate(headers) if header]
    body = []
    for row in rows[1:]:
        cells = list(row) + [None] * (len(headers) - len(row))
        line = []
        for i in keep:
            value = cells[i]
            decode = decoders.get(headers[i])
            line.append(decode(value) if decode and value not in (None, "") else value)
        body.append(line)
    return [headers[i] for i in keep], body


def choice_decoder(choices: Iterable[tuple[Any, Any]]) -> Callable[[Any], Any]:
    """Reads an enum back from its label (or its value, for files written with codes)."""
    pairs = list(choices)

    def decode(value: Any) -> Any:
        text = str(value).strip()
        labels = {str(label).strip().casefold(): code for code, label in pairs}
        return labels.get(text.casefold(), text)

    return decode


def choice_label(choices: Iterable[tuple[Any, Any]], value: Any) -> str:
    """The label of an enum value (its Vietnamese text once translated)."""
    return str(dict(choices).get(value, value or ""))
