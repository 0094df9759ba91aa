"""The ranking and the nomination vote of a cluster year."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from cum4.collation import by_unit
from cum4.content_cache import cached_by_content, rows_digest_of, rows_query
from cum4.models import ClusterYear, Membership, Unit
from cum4.selectors import cluster_year_first
from emulation.scoring import adapters
from emulation.scoring.models import (
    CriteriaGroup,
    CriteriaTable,
    Criterion,
    NominationBallot,
    NominationVoteRule,
    Score,
    ScoringRound,
    TieBreakRule,
)
from emulation.scoring.selectors.sheets import _lines
from emulation.scoring.selectors.totals import (
    TableTree,
    compute_totals,
    scoring_round_of,
    table_tree,
)

CLOSED_RANKING_SECONDS = 60 * 60


@dataclass
class RankRow:
    unit: Unit
    total: Decimal
    groups: dict[str, Decimal]  # group code → subtotal
    rank: int = 0
    previous_rank: int | None = None
    votes: int | None = None  # only once the vote is closed

    @property
    def change(self) -> int | None:
        """Places gained against last year (positive = up)."""
        if self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass
class VoteResult:
    rule: NominationVoteRule | None
    members: list[Unit]
    voted_unit_ids: set[int]
    closed: bool
    counts: dict[int, int]  # nominee id → ballots; empty while the vote is open
    threshold_percent: Decimal
    needed: int

    @property
    def winner(self) -> Unit | None:
        if not self.closed:
            return None
        for unit in self.members:
            if self.counts.get(unit.pk, 0) >= self.needed:
                return unit
        return None

    @property
    def tally(self) -> list[tuple[Unit, int]]:
        """(nominee, ballots) most ballots first; only once the vote is closed."""
        if not self.closed:
            return []
        rows = [(u, self.counts.get(u.pk, 0)) for u in self.members]
        return sorted(rows, key=lambda row: (-row[1], row[0].name))


@dataclass
class Ranking:
    cluster_year: ClusterYear
    round: ScoringRound
    tree: TableTree
    rows: list[RankRow]
    vote: VoteResult
    previous_year: int | None = None
    read_figures: bool = False  # an indicator criterion read the approved figures

    @property
    def groups(self) -> list[CriteriaGroup]:
        return self.tree.groups

    @property
    def winner(self) -> Unit | None:
        return self.vote.winner

    @property
    def fingerprint(self) -> tuple:
        """Everything the ranking table shows (keys its cached rendering)."""
        return (
            self.previous_year,
            self.vote.closed,
            tuple((group.code, group.name) for group in self.groups),
            tuple(
                (row.unit.pk, str(row.unit), row.rank, row.total, tuple(row.groups.items()),
                 row.change, row.votes)
                for row in self.rows
            ),
        )

    def as_json(self) -> list[dict]:
        """The "ranking" of the cluster report: rank order, numbers as floats (the unit's
        code, and its name for the exports)."""
        return [
            {
                "unit": row.unit.code,
                "name": row.unit.name,
                "rank": row.rank,
                "total": float(row.total),
                "groups": {code: float(value) for code, value in row.groups.items()},
                "votes": row.votes,
            }
            for row in self.rows
        ]


def vote_rule_for(*, cluster_year: ClusterYear) -> NominationVoteRule | None:
    """The vote rule in force on 1 December of the year (the year-end review)."""
    day = dt.date(cluster_year.year, 12, 1)
    return NominationVoteRule.objects.in_force_on(day).order_by("-valid_from").first()


def vote_result(*, cluster_year: ClusterYear, members: list[Unit] | None = None) -> VoteResult:
    """Who has voted, and — only once the vote is closed (final) — the count per nominee.

    Secrecy: while the vote is open nothing here says for whom anyone voted.
    """
    round_ = scoring_round_of(cluster_year=cluster_year)
    if members is None:
        members = by_unit(m.unit for m in Membership.objects.filter(cluster_year=cluster_year)
                          .select_related("unit"))
    rule = vote_rule_for(cluster_year=cluster_year)
    threshold = rule.threshold_percent if rule else Decimal("80")
    ballots = NominationBallot.objects.filter(cluster_year=cluster_year)
    closed = round_.vote_closed
    if closed:
        pairs = list(ballots.values_list("voter_id", "nominee_id"))
        voted = {voter for voter, _ in pairs}
        counts = dict(Counter(nominee for _, nominee in pairs))
    else:
        voted, counts = set(ballots.values_list("voter_id", flat=True)), {}
    needed = math.ceil(threshold * len(members) / Decimal(100)) if members else 1
    return VoteResult(rule=rule, members=members, voted_unit_ids=voted, closed=closed,
                      counts=counts, threshold_percent=threshold, needed=max(needed, 1))


def _final_successors() -> dict[int, int]:
    """Unit id → id of the unit carrying its line today (one query)."""
    successor = dict(Unit.objects.values_list("id", "successor_id"))
    result = {}
    for unit_id in successor:
        current, seen = unit_id, {unit_id}
        while successor.get(current) and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        result[unit_id] = current
    return result


def _needs_figures(tree: TableTree, round_: ScoringRound, members: list[Unit],
                   scores: dict[int, dict[int, Score]]) -> bool:
    """Whether an indicator criterion still reads the approved figures: not once the year is
    final and every unit's indicator points are frozen as agreed scores (the previous year of
    every ranking page)."""
    computed = [c for c in tree.criteria if c.is_computed]
    if not computed:
        return False
    if round_.phase != ScoringRound.Phase.FINAL:
        return True
    return any(
        (score := scores.get(unit.pk, {}).get(criterion.pk)) is None
        or score.agreed_score is None
        for unit in members
        for criterion in computed
    )


@dataclass(frozen=True)
class ClosedRanking:
    """What other pages read of a year whose vote is closed: each unit's rank and the
    cluster report's "ranking" rows (Ranking.as_json)."""

    ranks: dict[int, int]  # unit id → rank
    rows: list[dict]
    merged: bool = False  # a member has a successor: its line is not its own id
    read_figures: bool = False  # computed from the approved figures, not only agreed scores


_ANY_YEAR = -765_432_109  # a cluster year id no row has, replaced by the one asked for


@functools.cache
def _closed_ranking_inputs() -> tuple[str, tuple]:
    """The one query reading every row a closed ranking is computed from, for the cluster
    year `_ANY_YEAR` (built once per process: building it costs more than running it)."""
    year = _ANY_YEAR
    return rows_query(
        ScoringRound.objects.filter(cluster_year_id=year),
        CriteriaTable.objects.filter(cluster_year_id=year),
        CriteriaGroup.objects.filter(table__cluster_year_id=year),
        Criterion.objects.filter(group__table__cluster_year_id=year),
        TieBreakRule.objects.filter(table__cluster_year_id=year),
        Membership.objects.filter(cluster_year_id=year),
        Unit.objects.filter(memberships__cluster_year_id=year),
        Score.objects.filter(criterion__group__table__cluster_year_id=year),
        NominationBallot.objects.filter(cluster_year_id=year),
        NominationVoteRule.objects.all(),
    )


def closed_ranking(*, cluster_year: ClusterYear) -> ClosedRanking:
    """The ranking of a year whose vote is closed, computed once per content of what decides
    it: a digest of every row it reads (the round, the table with its groups, criteria and
    tie-breaks, the members and their units, the scores, the ballots, the vote rules), read
    in one query, so that any write — a save, a queryset update(), the admin, an import, a
    fix in SQL — is a new key. A ranking that read the approved figures (a year not frozen as
    agreed scores) is not kept: the figures are not in the digest."""
    sql, params = _closed_ranking_inputs()
    digest = rows_digest_of(sql, tuple(cluster_year.pk if p == _ANY_YEAR else p for p in params))

    def compute() -> ClosedRanking:
        result = ranking(cluster_year=cluster_year, with_previous=False)
        return ClosedRanking(ranks={row.unit.pk: row.rank for row in result.rows},
                             rows=result.as_json(),
                             merged=any(row.unit.successor_id for row in result.rows),
                             read_figures=result.read_figures)

    return cached_by_content("emulation-closed-ranking", (cluster_year.pk, digest), compute,
                             seconds=CLOSED_RANKING_SECONDS,
                             keep=lambda value: not value.read_figures)


def ranking(*, cluster_year: ClusterYear, with_previous: bool = True) -> Ranking:
    """The ranking of a cluster year: totals of agreed scores, descending.

    Equal totals share a rank unless the table's tie-break rules (higher subtotal of a group,
    in order) separate them. Each row carries its group subtotals, last year's rank of the
    unit's line (across mergers, by final successor) when last year is final, and the ballots
    it received once the vote is closed. A constant number of queries whatever the number of
    units and criteria.
    """
    round_ = scoring_round_of(cluster_year=cluster_year)
    tree = table_tree(cluster_year=cluster_year)
    members = by_unit(m.unit for m in Membership.objects.filter(cluster_year=cluster_year)
                      .select_related("unit"))
    scores: dict[int, dict[int, Score]] = defaultdict(dict)  # unit id → criterion id → score
    if tree.table:
        for score in Score.objects.filter(criterion__group__table=tree.table,
                                          unit__in=members):
            scores[score.unit_id][score.criterion_id] = score
    figures: dict[int, dict] = {}
    read_figures = _needs_figures(tree, round_, members, scores)
    if read_figures:
        figures = adapters.approved_year_figures(units=members, year=cluster_year.year)
    vote = vote_result(cluster_year=cluster_year, members=members)

    rows = []
    for unit in members:
        lines = _lines(tree, round_, scores[unit.pk], figures.get(unit.pk, {}))
        totals = compute_totals(tree, {ln.criterion.pk: ln.layer("counted") for ln in lines})
        rows.append(RankRow(
            unit=unit,
            total=totals.total,
            groups={g.code: totals.groups[g.pk] for g in tree.groups},
            votes=vote.counts.get(unit.pk, 0) if vote.closed else None,
        ))

    def key(row: RankRow) -> tuple:
        return (row.total, *(row.groups[g.code] for g in tree.tie_break_groups))

    rows.sort(key=lambda row: (tuple(-v for v in key(row)), row.unit.name))
    for index, row in enumerate(rows):
        same = index and key(rows[index - 1]) == key(row)
        row.rank = rows[index - 1].rank if same else index + 1

    previous_year = None
    if with_previous:
        previous = cluster_year_first(  # with its round, in the same query
            ClusterYear.objects.filter(cluster_id=cluster_year.cluster_id,
                                       year=cluster_year.year - 1))
        if previous and scoring_round_of(cluster_year=previous).vote_closed:
            previous_year = previous.year
            closed = closed_ranking(cluster_year=previous)
            # Lines across mergers; without any successor every unit is its own line.
            merged = closed.merged or any(unit.successor_id for unit in members)
            line_of = _final_successors() if merged else {}
            before = {line_of.get(unit_id, unit_id): rank
                      for unit_id, rank in closed.ranks.items()}
            for row in rows:
                row.previous_rank = before.get(line_of.get(row.unit.pk, row.unit.pk))
    return Ranking(cluster_year=cluster_year, round=round_, tree=tree, rows=rows, vote=vote,
                   previous_year=previous_year, read_figures=read_figures)
