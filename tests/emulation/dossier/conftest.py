"""A final year to build dossiers on: a small criteria table scored, the vote cast (six of
seven for the first unit), the ranking finalised with its proposals; then the dossier."""

from __future__ import annotations

import datetime as dt

import pytest

from cum4.models import ClusterYear, Unit
from emulation.dossier import services
from emulation.dossier.models import Component, Dossier
from emulation.scoring.services.vote import ballot_cast, scoring_finalise
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table, staff_of

__all__ = ["component_of", "finalise_year", "leader_of", "staff_of"]

# Totals by unit (criteria a + c, the rest 0): a clear order without ties.
POINTS = {"langson": (38, 47), "laichau": (36, 45), "sonla": (35, 44), "laocai": (33, 41),
          "dienbien": (32, 40), "caobang": (30, 38), "hagiang": (28, 36), "tuyenquang": (27, 35)}
FINALISED = dt.datetime(2022, 12, 9, 10, 0, tzinfo=dt.UTC)


def finalise_year(cluster_year: ClusterYear, *, first: str, merit: tuple[str, ...],
                  at: dt.datetime = FINALISED) -> None:
    """Score the members, let six of them vote for `first` (which votes for the next), and
    finalise with `merit` proposed for the Bằng khen."""
    criteria = small_table(cluster_year)
    units = {u.code: u for u in Unit.objects.filter(memberships__cluster_year=cluster_year)}
    for code, unit in units.items():
        a, c = POINTS[code]
        set_scores(unit, {criteria["a"]: a, criteria["c"]: c})
    set_phase(cluster_year, "vote")
    second = merit[0] if merit else next(code for code in units if code != first)
    for code in units:
        ballot_cast(cluster_year=cluster_year, nominee=units[second if code == first else first],
                    by=leader_of(code))
    scoring_finalise(cluster_year=cluster_year, merit_units=[units[c] for c in merit], by=None,
                     at=at)


@pytest.fixture
def final_2022(cluster_2022) -> ClusterYear:
    finalise_year(cluster_2022, first="langson", merit=("laichau", "sonla"))
    return cluster_2022


@pytest.fixture
def dossier_2022(final_2022, lead_2022) -> Dossier:
    return services.dossier_open(cluster_year=final_2022, by=lead_2022)


def component_of(cluster_year: ClusterYear, kind: str, unit_code: str | None = None) -> Component:
    query = Component.objects.filter(dossier__cluster_year=cluster_year, kind=kind)
    if unit_code:
        query = query.filter(dossier__unit__code=unit_code)
    return query.select_related("dossier__cluster_year__cluster", "dossier__unit",
                                "dossier__proposal__unit").get()
