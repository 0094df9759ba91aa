"""Excel import/export of scoring rows for the admin, keyed by natural codes.

Ballots never export the nominee while the vote is open.
"""

from __future__ import annotations

from import_export import fields, widgets

from cum4.models import Unit
from cum4.resources import BaseResource, ClusterYearWidget
from emulation.scoring.models import (
    CriteriaGroup,
    Criterion,
    NominationBallot,
    NominationVoteRule,
    RankingProposal,
    ResultComplaintRule,
    Score,
)
from emulation.scoring.selectors import scoring_round_of


def _unit_field(name: str) -> fields.Field:
    return fields.Field(attribute=name, column_name=name,
                        widget=widgets.ForeignKeyWidget(Unit, "code"))


class CriteriaGroupResource(BaseResource):
    class Meta:
        model = CriteriaGroup
        fields = ["id", "table", "code", "name", "position"]


class CriterionResource(BaseResource):
    class Meta:
        model = Criterion
        fields = ["id", "group", "code", "name", "position", "max_points", "method",
                  "indicator_code", "target", "evidence_required", "guidance"]


class ScoreResource(BaseResource):
    unit = _unit_field("unit")

    class Meta:
        model = Score
        fields = ["id", "unit", "criterion", "self_score", "self_note", "review_score",
                  "review_note", "agreed_score", "agreed_note"]


class NominationBallotResource(BaseResource):
    """Export only: the nominee is blank until the vote is closed."""

    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year",
                                widget=ClusterYearWidget())
    voter = _unit_field("voter")
    nominee = fields.Field(column_name="nominee")

    class Meta:
        model = NominationBallot
        fields = ["cluster_year", "voter", "nominee", "cast_at", "revision"]

    def dehydrate_nominee(self, ballot: NominationBallot) -> str:
        if not scoring_round_of(cluster_year=ballot.cluster_year).vote_closed:
            return ""
        return ballot.nominee.code


class RankingProposalResource(BaseResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year",
                                widget=ClusterYearWidget())
    unit = _unit_field("unit")
    late = fields.Field(column_name="late", readonly=True)
    on_hold = fields.Field(column_name="on_hold", readonly=True)

    class Meta:
        model = RankingProposal
        fields = ["cluster_year", "unit", "award_code", "rank", "total",
                  "has_pending_complaint", "pending_note", "dossier_deadline", "late", "on_hold"]

    def dehydrate_late(self, proposal: RankingProposal) -> bool:
        """Finalised after the dossier deadline."""
        return proposal.is_late

    def dehydrate_on_hold(self, proposal: RankingProposal) -> bool:
        """Tạm dừng xét: a complaint or denunciation is under verification."""
        return proposal.is_paused


class NominationVoteRuleResource(BaseResource):
    class Meta:
        model = NominationVoteRule
        import_id_fields = ["valid_from"]
        exclude = ["id"]


class ResultComplaintRuleResource(BaseResource):
    class Meta:
        model = ResultComplaintRule
        import_id_fields = ["valid_from"]
        exclude = ["id"]


