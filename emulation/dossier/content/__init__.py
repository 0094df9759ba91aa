"""Each component's content, assembled from the records and the written parts (a package:
common, the cluster's pieces, a unit's pieces). A frozen component's content is its snapshot."""

from __future__ import annotations

import datetime as dt

from emulation.dossier.content.cluster import (
    minutes_content,
    minutes_parts,
    submission_content,
    submission_parts,
)
from emulation.dossier.content.common import Part, stamp
from emulation.dossier.content.unit import (
    achievement_content,
    achievement_parts,
    pending_content,
    pending_parts,
)
from emulation.dossier.models import Component
from emulation.scoring import selectors as scoring

Kind = Component.Kind


def assemble(component: Component, on: dt.date | None = None) -> dict:
    """The component's content: its frozen snapshot, else built now from the records (the
    pending-complaint statement as of `on`, default today)."""
    if component.snapshot is not None:
        return component.snapshot
    dossier, written = component.dossier, component.written or {}
    if component.kind == Kind.SUBMISSION:
        return submission_content(dossier.cluster_year, written)
    if component.kind == Kind.MINUTES:
        return minutes_content(dossier.cluster_year, written)
    if component.kind == Kind.ACHIEVEMENT:
        return achievement_content(dossier.proposal, written)
    return pending_content(dossier.proposal, written, on=on)


def parts_of(component: Component) -> list[Part]:
    """The parts people write in this component (the form's fields, in order)."""
    dossier = component.dossier
    if component.kind == Kind.SUBMISSION:
        return submission_parts(dossier.cluster_year)
    if component.kind == Kind.MINUTES:
        ranking_round = scoring.scoring_round_of(cluster_year=dossier.cluster_year)
        members = scoring.vote_result(cluster_year=dossier.cluster_year).members
        return minutes_parts(dossier.cluster_year, members, ranking_round.finalised_at)
    if component.kind == Kind.ACHIEVEMENT:
        return achievement_parts(dossier.proposal)
    return pending_parts(dossier.proposal)


__all__ = ["Part", "assemble", "parts_of", "stamp"]
