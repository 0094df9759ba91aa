"""Writes of the year-end report: the lead's identity fields and narrative sections."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cum4.models import ClusterYear, User
from cum4.yearend.models import YearEndReport


@transaction.atomic
def year_end_report_save(
    *, cluster_year: ClusterYear, values: dict[str, Any], by: User | None
) -> YearEndReport:
    """Create or update the year-end report of `cluster_year` with `values` (model field
    names → values); every save is a history row (who, when, what before)."""
    report = (
        YearEndReport.objects.select_for_update().filter(cluster_year=cluster_year).first()
        or YearEndReport(cluster_year=cluster_year)
    )
    for name, value in values.items():
        setattr(report, name, value)
    report.updated_by = by
    report.full_clean()
    report.save()
    return report
