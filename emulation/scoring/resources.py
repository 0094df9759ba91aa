"""Excel import/export of scoring rows for the admin, keyed by natural codes.

Ballots never export the nominee while the vote is open.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from import_export import fields

from cum4.import_widgets import LabelChoiceWidget, NaturalKeyWidget
from cum4.models import Unit
from cum4.resources import BaseResource, ClusterYearWidget
from emulation.awards.models import Award
from emulation.movements.indicators import indicator_labels
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
    return fields.Field(attribute=name, column_name=name, widget=NaturalKeyWidget(Unit))


def _award_choices():
    return Award.objects.values_list("code", "name")


# Rows keyed by database id keep it (and the parent's) in hidden columns; people read the
# parent by its name in the column beside.
class CriteriaGroupResource(BaseResource):
    table_name = fields.Field(attribute="table__name", column_name="table_name", readonly=True)
    labels = {"table_name": _("criteria table"), "position": _("order")}
    hidden_fields = ("id", "code")  # "thanh_tra", read back with the table

    class Meta:
        model = CriteriaGroup
        fields = ["id", "table", "table_name", "code", "name", "position"]
        export_order = fields


class CriterionResource(BaseResource):
    group_name = fields.Field(attribute="group__name", column_name="group_name", readonly=True)
    indicator_code = fields.Field(
        attribute="indicator_code", column_name="indicator_code",
        widget=LabelChoiceWidget(lambda: indicator_labels().items()),
    )
    labels = {"indicator_code": _("Indicator of the quarterly report"),
              "group_name": _("criteria group"), "position": _("order")}

    class Meta:
        model = Criterion
        fields = ["id", "group", "group_name", "code", "name", "position", "max_points", "method",
                  "indicator_code", "target", "evidence_required", "guidance"]
        export_order = fields


class ScoreResource(BaseResource):
    unit = _unit_field("unit")
    criterion_name = fields.Field(attribute="criterion", column_name="criterion_name",
                                  readonly=True)
    labels = {"criterion_name": _("criterion")}

    class Meta:
        model = Score
        fields = ["id", "unit", "criterion", "criterion_name", "self_score", "self_note",
                  "review_score", "review_note", "agreed_score", "agreed_note"]
        export_order = fields

    def dehydrate_criterion_name(self, score: Score) -> str:
        return str(score.criterion)


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
        return ballot.nominee.name


class RankingProposalResource(BaseResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year",
                                widget=ClusterYearWidget())
    unit = _unit_field("unit")
    award_code = fields.Field(attribute="award_code", column_name="award_code",
                              widget=LabelChoiceWidget(_award_choices))
    late = fields.Field(column_name="late", readonly=True)
    on_hold = fields.Field(column_name="on_hold", readonly=True)
    labels = {"late": _("Late"), "on_hold": _("On hold")}

    class Meta:
        model = RankingProposal
        import_id_fields = ["cluster_year", "unit", "award_code"]
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


