"""Cluster scoring: criteria tables, scores with evidence, phases, the nomination vote,
proposals and complaints about results (emulation.md, "Scoring and ranking").

Totals and ranks are never stored: they are computed from the scores by
`emulation.scoring.selectors`, so a corrected score always shows through.
"""

from emulation.scoring.models.criteria import CriteriaGroup, CriteriaTable, Criterion, TieBreakRule
from emulation.scoring.models.results import (
    NominationBallot,
    NominationVoteRule,
    RankingProposal,
    ResultComplaint,
    ResultComplaintRule,
)
from emulation.scoring.models.scores import (
    CrossReview,
    Score,
    ScoreEvidence,
    ScoringRound,
    evidence_path,
)

__all__ = [
    "CriteriaGroup",
    "CriteriaTable",
    "Criterion",
    "CrossReview",
    "NominationBallot",
    "NominationVoteRule",
    "RankingProposal",
    "ResultComplaint",
    "ResultComplaintRule",
    "Score",
    "ScoreEvidence",
    "ScoringRound",
    "TieBreakRule",
    "evidence_path",  # named by the migrations
]
