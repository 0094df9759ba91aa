"""The demo quarterly reports: the units' profiles (`profiles`) and the builder (`builder`)."""

from __future__ import annotations

from cum4.reports.demo.builder import load_reports, report_values

__all__ = ["load_reports", "report_values"]
