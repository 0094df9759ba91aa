"""Admin of scoring. Ballots are read-only and show their nominee only once the vote is
closed; scores of a final year are changed through complaints, not here."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin
from simple_history.admin import SimpleHistoryAdmin

from cum4.admin import HistoryImportExportAdmin
from cum4.exports.admin_excel import ReadableImportExportMixin
from emulation.scoring import resources
from emulation.scoring.models import (
    CriteriaGroup,
    CriteriaTable,
    Criterion,
    CrossReview,
    NominationBallot,
    NominationVoteRule,
    RankingProposal,
    ResultComplaint,
    ResultComplaintRule,
    Score,
    ScoreEvidence,
    ScoringRound,
    TieBreakRule,
)
from emulation.scoring.selectors import scoring_round_of


class CriteriaGroupInline(admin.TabularInline):
    model = CriteriaGroup
    extra = 0


class TieBreakInline(admin.TabularInline):
    model = TieBreakRule
    extra = 0


@admin.register(CriteriaTable)
class CriteriaTableAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cluster_year", "is_sample", "bonus_cap"]
    list_select_related = ["cluster_year__cluster"]
    inlines = [CriteriaGroupInline, TieBreakInline]


@admin.register(CriteriaGroup)
class CriteriaGroupAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.CriteriaGroupResource]
    list_display = ["name", "code", "position", "table"]
    list_filter = ["table__cluster_year__year"]


@admin.register(Criterion)
class CriterionAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.CriterionResource]
    list_display = ["name", "group", "max_points", "method", "indicator_code", "target",
                    "evidence_required"]
    list_filter = ["group__table__cluster_year__year", "method"]
    list_select_related = ["group"]
    search_fields = ["name", "code"]


@admin.register(ScoringRound)
class ScoringRoundAdmin(SimpleHistoryAdmin):
    list_display = ["cluster_year", "phase", "finalised_at"]
    readonly_fields = ["finalised_at", "finalised_by"]


@admin.register(CrossReview)
class CrossReviewAdmin(SimpleHistoryAdmin):
    list_display = ["cluster_year", "unit", "reviewer"]


class EvidenceInline(admin.TabularInline):
    model = ScoreEvidence
    extra = 0
    readonly_fields = ["original_name", "size", "uploaded_by", "uploaded_at"]
    fields = readonly_fields


@admin.register(Score)
class ScoreAdmin(ReadableImportExportMixin, ExportMixin, SimpleHistoryAdmin):
    """Export only (an import would skip the phase rules); a final year's scores change only
    through an accepted complaint, never here."""

    resource_classes = [resources.ScoreResource]
    list_display = ["unit", "criterion", "self_score", "review_score", "agreed_score"]
    list_filter = ["criterion__group__table__cluster_year__year", "unit"]
    list_select_related = ["unit", "criterion"]
    inlines = [EvidenceInline]

    def has_change_permission(self, request, obj: Score | None = None) -> bool:
        if obj is not None:
            cluster_year = obj.criterion.group.table.cluster_year
            if scoring_round_of(cluster_year=cluster_year).phase == "final":
                return False
        return super().has_change_permission(request, obj)


@admin.register(NominationBallot)
class NominationBallotAdmin(ReadableImportExportMixin, ExportMixin, admin.ModelAdmin):
    """Read-only: ballots are cast by unit leaders on the vote page."""

    resource_classes = [resources.NominationBallotResource]
    list_display = ["cluster_year", "voter", "nominee_if_closed", "cast_at", "revision"]
    list_select_related = ["cluster_year__cluster", "voter", "nominee"]
    exclude = ["nominee"]

    @admin.display(description=_("proposed leading unit"))
    def nominee_if_closed(self, ballot: NominationBallot) -> str:
        if not scoring_round_of(cluster_year=ballot.cluster_year).vote_closed:
            return "—"
        return str(ballot.nominee)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RankingProposal)
class RankingProposalAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.RankingProposalResource]
    list_display = ["cluster_year", "unit", "award_code", "rank", "has_pending_complaint",
                    "dossier_deadline"]
    list_filter = ["cluster_year__year", "award_code"]


@admin.register(ResultComplaint)
class ResultComplaintAdmin(SimpleHistoryAdmin):
    list_display = ["cluster_year", "unit", "subject", "status", "lodged_at", "reopened"]
    list_filter = ["status", "cluster_year__year"]


@admin.register(NominationVoteRule)
class NominationVoteRuleAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.NominationVoteRuleResource]
    list_display = ["threshold_percent", "allow_self_vote", "valid_from", "valid_to",
                    "legal_basis"]


@admin.register(ResultComplaintRule)
class ResultComplaintRuleAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.ResultComplaintRuleResource]
    list_display = ["days", "valid_from", "valid_to", "legal_basis"]


