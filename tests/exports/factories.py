"""Fast approved reports for scale tests: bulk inserts, no history, no validation round trip."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cum4.models import Cluster, ClusterYear, Membership, Unit
from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import OPENING, report_sections


def bulk_approved_reports(units: list[Unit], years: list[int], figures: dict[str, int]) -> None:
    """Approved Q1–Q4 of each unit and year: Q1 holds the year's flows (`figures`), Q2–Q4
    none; section D's first row holds the values."""
    now = timezone.now()
    reports = QuarterlyReport.objects.bulk_create(
        QuarterlyReport(
            unit=unit, year=year, quarter=quarter, state=QuarterlyReport.State.APPROVED,
            submitted_at=now, approved_at=now,
        )
        for unit in units
        for year in years
        for quarter in range(1, 5)
    )
    for section in report_sections():
        model = section.model_class()
        rows = []
        for report in reports:
            values = {
                spec.code: figures[spec.code]
                if spec.kind == OPENING or report.quarter == 1
                else 0
                for spec in section.indicators
            }
            if section.row_field:
                for index, key in enumerate(section.row_keys):
                    row_values = values if index == 0 else dict.fromkeys(values, 0)
                    rows.append(model(report=report, **{section.row_field: key}, **row_values))
            else:
                rows.append(model(report=report, **values))
        model.objects.bulk_create(rows, batch_size=2000)


def national_cluster(*, cluster_code: str, years: list[int], unit_count: int) -> list[Unit]:
    """A cluster with `unit_count` member units (created as needed) in each of `years`."""
    cluster, _ = Cluster.objects.get_or_create(code=cluster_code, defaults={"name": cluster_code})
    units = list(Unit.objects.order_by("code")[:unit_count])
    for index in range(len(units), unit_count):
        units.append(
            Unit.objects.create(code=f"u{index:02d}", name=f"Thanh tra tỉnh {index:02d}",
                                province=f"Tỉnh {index:02d}", valid_from=dt.date(2000, 1, 1))
        )
    for year in years:
        cluster_year, _ = ClusterYear.objects.get_or_create(cluster=cluster, year=year)
        existing = set(cluster_year.memberships.values_list("unit_id", flat=True))
        Membership.objects.bulk_create(
            Membership(cluster_year=cluster_year, unit=unit, role=Membership.Role.MEMBER)
            for unit in units
            if unit.pk not in existing
        )
    return units
