"""Permissions of scoring, the vote and the ranking, built from cum4.permissions predicates.

Objects: a `SheetRef` (a unit's score sheet in a cluster year) for score and evidence rights,
a ClusterYear for the lead's and the members' rights. Phases are business rules checked by
the services (with a message saying why); these say who may act at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from cum4.models import ClusterYear, Unit
from cum4.permissions import (
    is_cluster_lead,
    is_cluster_member,
    is_secretariat,
    is_unit_leader,
    is_viewer,
    unit_roles,
    works_in_unit,
)
from emulation.scoring.selectors import scoring_round_of


@dataclass(frozen=True)
class SheetRef:
    """A unit's score sheet in a cluster year, with the peer unit reviewing it (if any)."""

    cluster_year: ClusterYear
    unit: Unit
    reviewer_id: int | None = None


def _phase(cluster_year: ClusterYear) -> str:
    return scoring_round_of(cluster_year=cluster_year).phase


@rules.predicate
def is_sheet_unit(user, sheet: SheetRef | None) -> bool:
    return sheet is not None and works_in_unit(user, sheet.unit)


@rules.predicate
def leads_sheet_year(user, sheet: SheetRef | None) -> bool:
    return sheet is not None and is_cluster_lead(user, sheet.cluster_year)


@rules.predicate
def reviews_sheet(user, sheet: SheetRef | None) -> bool:
    """Staff of the peer unit the lead assigned to review this sheet."""
    return (
        sheet is not None
        and sheet.reviewer_id is not None
        and getattr(user, "works_in_unit", False)
        and user.unit_id == sheet.reviewer_id
    )


@rules.predicate
def sheet_review_closed(user, sheet: SheetRef | None) -> bool:
    return sheet is not None and _phase(sheet.cluster_year) in ("vote", "final")


@rules.predicate
def member_of_sheet_year(user, sheet: SheetRef | None) -> bool:
    return sheet is not None and is_cluster_member(user, sheet.cluster_year)


@rules.predicate
def review_closed(user, cluster_year: ClusterYear | None) -> bool:
    return cluster_year is not None and _phase(cluster_year) in ("vote", "final")


@rules.predicate
def is_member_unit_leader(user, cluster_year: ClusterYear | None) -> bool:
    """The leader of a member unit of that year: the one who casts the unit's ballot."""
    return (
        cluster_year is not None
        and is_unit_leader(user)
        and cluster_year.pk in unit_roles(user)
    )


# A unit's own sheet, the lead's, the reviewer's and the secretariat's; everyone else's
# only once the review is closed (emulation.md: "A unit sees other units' scores only after
# the review phase closes").
rules.add_perm(
    "emulation.view_score_sheet",
    is_sheet_unit
    | leads_sheet_year
    | reviews_sheet
    | is_secretariat
    | (sheet_review_closed & (member_of_sheet_year | is_viewer)),
)
rules.add_perm("emulation.self_score", is_sheet_unit)
rules.add_perm("emulation.review_score", reviews_sheet | leads_sheet_year)
rules.add_perm("emulation.agree_score", leads_sheet_year)
rules.add_perm(
    "emulation.download_evidence", is_sheet_unit | leads_sheet_year | reviews_sheet | is_secretariat
)
rules.add_perm("emulation.lodge_result_complaint", is_sheet_unit)

# Cluster-year rights.
rules.add_perm("emulation.manage_criteria", is_secretariat)
rules.add_perm("emulation.run_scoring", is_cluster_lead)
rules.add_perm("emulation.view_scoring", is_cluster_member | is_cluster_lead | is_viewer
               | is_secretariat)
rules.add_perm("emulation.cast_ballot", is_member_unit_leader)
rules.add_perm(
    "emulation.view_ranking",
    is_cluster_lead | is_secretariat | (review_closed & (is_cluster_member | is_viewer)),
)
