"""Fixtures of the scoring tests: a small criteria table, phases, scores, users by unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cum4.models import ClusterYear, Membership, Unit, User
from emulation.scoring.models import (
    CriteriaGroup,
    CriteriaTable,
    Criterion,
    Score,
    ScoringRound,
    TieBreakRule,
)

__all__ = [
    "D",
    "leader_of",
    "scoring_table",
    "set_phase",
    "set_scores",
    "small_table",
    "staff_of",
]


def D(value) -> Decimal:
    return Decimal(str(value))


def leader_of(code: str) -> User:
    return User.objects.select_related("unit").get(username=f"{code}.leader")


def staff_of(code: str) -> User:
    return User.objects.select_related("unit").get(username=f"{code}.staff")


def set_phase(cluster_year: ClusterYear, phase: str) -> ScoringRound:
    round_, _ = ScoringRound.objects.update_or_create(cluster_year=cluster_year,
                                                      defaults={"phase": phase})
    if hasattr(cluster_year, "_scoring_round"):
        del cluster_year._scoring_round
    return round_


def set_scores(unit: Unit, values: dict[Criterion, object], layer: str = "agreed_score") -> None:
    for criterion, value in values.items():
        Score.objects.update_or_create(unit=unit, criterion=criterion,
                                       defaults={layer: D(value)})


def small_table(cluster_year: ClusterYear, *, bonus_cap=5, tie_breaks=("g1", "g2"),
                extra_criteria: int = 0) -> dict[str, Criterion]:
    """g1 (a 40, b yes/no 10), g2 (c 50), bonus (b1 4, b2 4; cap 5), deduction (d1 20).

    `extra_criteria` adds that many manual criteria of 1 point to g2 (for size tests).
    """
    table = CriteriaTable.objects.create(cluster_year=cluster_year, name="Test",
                                         bonus_cap=D(bonus_cap))
    groups = {code: CriteriaGroup.objects.create(table=table, code=code, name=name,
                                                 position=pos)
              for pos, (code, name) in enumerate(
                  [("g1", "Nhóm 1"), ("g2", "Nhóm 2"), ("bonus", "Điểm thưởng"),
                   ("minus", "Điểm trừ")], start=1)}
    M = Criterion.Method
    spec = [("a", "g1", 40, M.MANUAL), ("b", "g1", 10, M.YES_NO), ("c", "g2", 50, M.MANUAL),
            ("b1", "bonus", 4, M.BONUS), ("b2", "bonus", 4, M.BONUS),
            ("d1", "minus", 20, M.DEDUCTION)]
    spec += [(f"x{i}", "g2", 1, M.MANUAL) for i in range(extra_criteria)]
    criteria = {}
    for pos, (code, group, maximum, method) in enumerate(spec, start=1):
        criteria[code] = Criterion.objects.create(group=groups[group], code=code,
                                                  name=f"Tiêu chí {code}", position=pos,
                                                  max_points=D(maximum), method=method)
    for pos, code in enumerate(tie_breaks, start=1):
        TieBreakRule.objects.create(table=table, position=pos, group=groups[code])
    return criteria


@pytest.fixture
def scoring_table(cluster_2022) -> dict[str, Criterion]:
    return small_table(cluster_2022)


def members_of(cluster_year: ClusterYear) -> list[Unit]:
    return [m.unit for m in Membership.objects.filter(cluster_year=cluster_year)
            .select_related("unit")]
