"""Reads of scoring (a package: totals, sheets, ranking), re-exported here.

Points are Decimals with 2 places. A unit's total = regular criteria + bonus (capped by the
table's bonus cap) − deductions, never below 0. Indicator criteria are computed from the
unit's APPROVED year figures while the year is open, and read from the snapshot taken at
finalisation once it is final.
"""

from emulation.scoring.selectors.ranking import (
    ClosedRanking,
    Ranking,
    RankRow,
    VoteResult,
    closed_ranking,
    ranking,
    vote_result,
    vote_rule_for,
)
from emulation.scoring.selectors.sheets import (
    Line,
    Sheet,
    UnitProgress,
    complaints_of,
    open_reopening,
    proposals_of,
    reviewer_of,
    score_sheet,
    scoring_overview,
    sheet_stamp,
)
from emulation.scoring.selectors.totals import (
    CENT,
    LAYERS,
    ZERO,
    TableTree,
    Totals,
    compute_totals,
    indicator_points,
    parse_points,
    prime_scoring_round,
    round_points,
    scoring_round_of,
    table_tree,
)

__all__ = [
    "CENT", "LAYERS", "ZERO", "ClosedRanking", "Line", "RankRow", "Ranking", "Sheet",
    "TableTree", "Totals", "UnitProgress", "VoteResult", "closed_ranking", "complaints_of",
    "compute_totals", "indicator_points", "open_reopening", "parse_points",
    "prime_scoring_round", "proposals_of", "ranking", "reviewer_of", "round_points",
    "score_sheet", "scoring_overview", "scoring_round_of", "sheet_stamp", "table_tree",
    "vote_result", "vote_rule_for",
]
