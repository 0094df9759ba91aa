"""The indicator catalogue as the exports see it: the reports' dictionary, labels as text.

The reports package owns the dictionary (`cum4.reports.selectors.indicators()`, CONTRACT.md);
the exports read it with labels resolved in the active language (Vietnamese for documents).
"""

from __future__ import annotations

from dataclasses import dataclass

from cum4.reports.sections import report_sections
from cum4.reports.selectors import indicators

RATE_CODES = frozenset({"recovery_rate", "resolution_rate", "on_time_rate"})


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    kind: str  # "opening" | "flow" | "derived"
    section: str  # "A".."E"


def export_indicators() -> list[Indicator]:
    """Every indicator in dictionary order, then the derived codes (labels as text)."""
    return [
        Indicator(code=i.code, label=str(i.label), unit=str(i.unit), kind=i.kind, section=i.section)
        for i in indicators()
    ]


def section_labels() -> dict[str, str]:
    """Section code → label, A..E, in the active language."""
    return {section.code: str(section.label) for section in report_sections()}


def is_rate(code: str) -> bool:
    return code in RATE_CODES
