"""Eligibility for emulation titles, computed with reasons from the records and the title
rules in force on a date.

`unit_eligibility(unit=, year=, on=)` evaluates every member of the unit in that year and the
unit itself, in a constant number of queries. A title is *met* when every condition the app can
compute holds and every hand-checked condition is confirmed, *missed* when a computable
condition fails (the reasons say which and by how much), and *needs* a confirmation otherwise.

As the law reads: `individual` titles, `streaks` (consecutive years), `collective` titles,
over the shared `engine` of results, facts and hand-checked conditions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from django.db.models import Q

from cum4.models import Unit
from emulation.awards.eligibility.collective import collective_title
from emulation.awards.eligibility.engine import (
    MET,
    MISSED,
    NEEDS,
    PAUSED,
    NextYearEntry,
    PersonEligibility,
    TitleResult,
    TitleResults,
)
from emulation.awards.eligibility.individual import apply_cap, individual_title
from emulation.awards.eligibility.loading import (
    load_facts,
    members_in_year,
    pending_in_unit,
    rules_between,
)
from emulation.awards.eligibility.streaks import next_year
from emulation.awards.models import Award, TitleRule
from emulation.staff.models import StaffAssignment, StaffMember
from emulation.staff.selectors import hold_reason, hold_rule_in_force

__all__ = [
    "MET",
    "MISSED",
    "NEEDS",
    "PAUSED",
    "PersonEligibility",
    "UnitEligibility",
    "person_eligibility",
    "rules_in_force",
    "unit_eligibility",
]


@dataclass
class UnitEligibility:
    unit: Unit
    year: int
    on: dt.date
    rules: list[TitleRule]
    members: list[PersonEligibility]
    collective: dict[str, TitleResult]
    ldtt_count: int
    next_year: list[NextYearEntry]
    pending_complaint: bool = False

    def person(self, staff_id: int) -> PersonEligibility | None:
        return next((p for p in self.members if p.staff_member.pk == staff_id), None)

    @property
    def individual_awards(self) -> list[Award]:
        seen: dict[str, Award] = {}
        for rule in self.rules:
            if rule.award.for_individuals:
                seen.setdefault(rule.award_id, rule.award)
        return sorted(seen.values(), key=lambda a: a.sort_order)

def rules_in_force(on: dt.date) -> list[TitleRule]:
    """Enabled title rules in force on a date, titles in their display order."""
    return list(
        TitleRule.objects.in_force_on(on)
        .filter(enabled=True)
        .select_related("award", "streak_award")
        .order_by("award__sort_order", "pk")
    )


def _rules_in_force_on(on: dt.date, next_on: dt.date) -> tuple[list[TitleRule], list[TitleRule]]:
    """rules_in_force(on) and rules_in_force(next_on), in one query."""
    both = rules_between(min(on, next_on), max(on, next_on))

    def in_force(rule: TitleRule, day: dt.date) -> bool:
        return rule.valid_from <= day and (rule.valid_to is None or rule.valid_to >= day)

    return [r for r in both if in_force(r, on)], [r for r in both if in_force(r, next_on)]


def unit_eligibility(*, unit: Unit, year: int, on: dt.date | None = None) -> UnitEligibility:
    """Eligibility of a unit and its people for `year` under the rules in force on `on`
    (default 31/12 of the year, when titles are considered). Members by name; 11 queries
    whatever the number of staff (12 when someone has a complaint pending). A person's titles
    are worked out when first read: the unit's share of LĐTT reads every member's LĐTT, a
    page of the staff table only its people's other titles."""
    on = on or dt.date(year, 12, 31)
    next_on = dt.date(year + 1, 12, 31)
    rules, rules_next = _rules_in_force_on(on, next_on)
    names = {r.award_id: str(r.award) for r in rules + rules_next}
    for r in rules + rules_next:
        if r.streak_award_id:
            names[r.streak_award_id] = str(r.streak_award)
    by_award: dict[str, list[TitleRule]] = defaultdict(list)
    for rule in rules:
        by_award[rule.award_id].append(rule)
    awards = {rule.award_id: rule.award for rule in rules}

    assignments, service = members_in_year(unit, year)
    person_ids = [a.staff_member_id for a in assignments]
    facts = load_facts(unit, year)
    facts.service = service
    facts.spans = {r.award_id: r.streak_years for r in rules_next + rules if r.streak_years}
    flags = pending_in_unit(unit, year, on, set(person_ids))
    hold = ""
    if flags.unit_ids or flags.staff_ids:  # the rule's wording only where something is held
        hold_rule = hold_rule_in_force(on=on)
        hold = hold_reason(legal_basis=hold_rule.legal_basis if hold_rule else "")

    # The titles a person can hold alone, in sort order (a streak reads this year's base title).
    individual = {
        award.code: plain
        for award in awards.values()
        if award.subject == Award.Subject.INDIVIDUAL
        and (plain := [r for r in by_award[award.code] if r.max_share_of_ldtt is None])
    }

    def title(pid: int, code: str, earlier: Mapping[str, TitleResult]) -> TitleResult:
        result = individual_title(individual[code], awards[code], pid, year, facts, earlier, names)
        if flags.staff(pid):
            result.hold = hold
        return result

    codes = list(individual)  # one list for everybody: a person's titles never change it
    members = [
        PersonEligibility(
            assignment.staff_member,
            assignment,
            facts.ratings.get((assignment.staff_member_id, year)),
            TitleResults(codes, partial(title, assignment.staff_member_id)),
            flags.staff(assignment.staff_member_id),
        )
        for assignment in assignments
    ]
    cap_rules = [r for r in rules if r.max_share_of_ldtt is not None]
    if cap_rules:
        # The cap adds a condition to titles already worked out without it, as it always has.
        for person in members:
            person.results.evaluate_all()
    ldtt_count = sum(
        1 for p in members if p.holds_ldtt(facts.awarded.get((p.staff_member.id, year), set()))
    )
    apply_cap(cap_rules, members, ldtt_count, facts)
    collective = {
        award.code: collective_title(by_award[award.code], award, unit, year, members, facts)
        for award in awards.values()
        if award.subject == Award.Subject.COLLECTIVE
    }
    if flags.unit(unit.pk):
        for title in collective.values():
            title.hold = hold
    return UnitEligibility(
        unit=unit,
        year=year,
        on=on,
        rules=rules,
        members=members,
        collective=collective,
        ldtt_count=ldtt_count,
        next_year=next_year(rules_next, members, year, facts, names),
        pending_complaint=flags.unit(unit.pk),
    )


def person_eligibility(
    *, staff_member: StaffMember, year: int, on: dt.date | None = None
) -> PersonEligibility | None:
    """One person's eligibility for `year`, in the unit they belonged to that year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    assignment = (
        StaffAssignment.objects.filter(staff_member=staff_member, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gte=start))
        .select_related("unit")
        .order_by("-start", "-pk")
        .first()
    )
    if assignment is None:
        return None
    return unit_eligibility(unit=assignment.unit, year=year, on=on).person(staff_member.pk)
