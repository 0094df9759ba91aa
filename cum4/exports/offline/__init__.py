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

from cum4.exports.offline.layout import FORMAT_VERSION, META_SHEET
from cum4.exports.offline.template import quarter_template
from cum4.exports.offline.upload import (
    CellError,
    Change,
    ParsedTemplate,
    Preview,
    RowIssue,
    StaleValue,
    TemplateRefused,
    template_apply,
    template_check_identity,
    template_preview,
    template_read,
    whole_number,
)

__all__ = [
    "FORMAT_VERSION", "META_SHEET", "CellError", "Change", "ParsedTemplate", "Preview",
    "RowIssue", "StaleValue", "TemplateRefused", "quarter_template", "template_apply",
    "template_check_identity", "template_preview", "template_read", "whole_number",
]
