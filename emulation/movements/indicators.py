"""The indicators of the quarterly report a pledge target may be bound to (cum4.reports).

Both the target's validation (models) and the pledge's reads (selectors) use them, so they
live below both.
"""

from __future__ import annotations


def reports_module():
    """The reports selectors module, or None while it has not landed in this tree."""
    try:
        from cum4.reports import selectors as report_selectors
    except ImportError:  # pragma: no cover - only before the reports branch is merged
        return None
    return report_selectors


def indicator_codes() -> set[str] | None:
    """Codes a target may be bound to (None when the reports module is not installed)."""
    reports = reports_module()
    if reports is None:
        return None
    return {indicator.code for indicator in reports.indicators()}


def indicator_labels() -> dict[str, str]:
    """Code → Vietnamese label, for the pledge page and the export."""
    reports = reports_module()
    if reports is None:
        return {}
    return {indicator.code: str(indicator.label) for indicator in reports.indicators()}
