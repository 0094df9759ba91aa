"""What the offline template's writer and reader share: its layout and identity."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

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


def describe(unit_name: str, year: int, quarter: int) -> str:
    return _("%(unit)s, quarter %(quarter)s of %(year)s") % {
        "unit": unit_name, "quarter": ("I", "II", "III", "IV")[quarter - 1], "year": year
    }
