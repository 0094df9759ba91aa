"""Builders for pledge and movement tests: a pledge with targets, approved quarterly reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from complaints.models import ResolutionSection
from cum4.models import ClusterYear, Membership, Unit
from cum4.reports.models import QuarterlyReport
from emulation.movements.models import Movement, Pledge, PledgeTarget


def pledge_for(cluster_year: ClusterYear, host: Unit) -> Pledge:
    return Pledge.objects.create(
        cluster_year=cluster_year, signed_on=dt.date(2022, 3, 18), host_unit=host, theme="Chủ đề"
    )


def indicator_target(pledge: Pledge, code: str = "resolution_rate", comparator: str = "ge",
                     threshold: int = 85, period: str = "year") -> PledgeTarget:
    return PledgeTarget.objects.create(
        pledge=pledge, position=pledge.targets.count() + 1, title=f"{code} {comparator} {threshold}",
        kind=PledgeTarget.Kind.INDICATOR, indicator_code=code, comparator=comparator,
        threshold=Decimal(threshold), period=period,
    )


def manual_target(pledge: Pledge, title: str = "Không có công chức vi phạm kỷ luật") -> PledgeTarget:
    return PledgeTarget.objects.create(
        pledge=pledge, position=pledge.targets.count() + 1, title=title,
        kind=PledgeTarget.Kind.MANUAL,
    )


def quarter_report(unit: Unit, year: int, quarter: int, *, resolved: int, in_jurisdiction: int,
                   state: str = QuarterlyReport.State.APPROVED) -> QuarterlyReport:
    """A report whose section D gives `resolved` of `in_jurisdiction` cases (new in the quarter;
    denunciations empty), in `state`."""
    now = timezone.now()
    report = QuarterlyReport.objects.create(
        unit=unit, year=year, quarter=quarter, state=state,
        submitted_at=None if state in ("draft", "returned") else now,
        approved_at=now if state == QuarterlyReport.State.APPROVED else None,
    )
    ResolutionSection.objects.create(
        report=report, kind="complaint", cases_carried_over=0, cases_new=in_jurisdiction,
        cases_resolved=resolved, cases_resolved_on_time=resolved,
    )
    ResolutionSection.objects.create(
        report=report, kind="denunciation", cases_carried_over=0, cases_new=0, cases_resolved=0,
        cases_resolved_on_time=0,
    )
    return report


def extra_members(cluster_year: ClusterYear, count: int) -> list[Unit]:
    """More member units for the query-count tests (the second data size)."""
    units = []
    for n in range(count):
        unit = Unit.objects.create(code=f"extra{n}", name=f"Thanh tra tỉnh Thêm {n}", province=f"Thêm {n}")
        Membership.objects.create(cluster_year=cluster_year, unit=unit)
        units.append(unit)
    return units


def movement(cluster_year: ClusterYear, name: str = "Phong trào thử", **fields) -> Movement:
    values = {
        "launched_by": Movement.LaunchedBy.GOVERNMENT_INSPECTORATE,
        "scope": "ministry_province",
        "kind": Movement.Kind.REGULAR,
        "starts_on": dt.date(cluster_year.year, 1, 1),
        "ends_on": dt.date(cluster_year.year, 12, 31),
    }
    values.update(fields)
    return Movement.objects.create(cluster_year=cluster_year, name=name, **values)
