"""Eligibility for emulation titles, computed with reasons from the records and the title
rules in force on a date.

`unit_eligibility(unit=, year=, on=)` evaluates every member of the unit in that year and the
unit itself, in a constant number of queries. A title is *met* when every condition the app can
compute holds and every hand-checked condition is confirmed, *missed* when a computable
condition fails (the reasons say which and by how much), and *needs* a confirmation otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from cum4.formatting import vn_number
from cum4.models import Unit
from emulation.models import (
    DISCIPLINE_RANK,
    INITIATIVE_RANK,
    RATING_RANK,
    Award,
    ConditionConfirmation,
    DecisionItem,
    DisciplinaryMeasure,
    DisciplineLevel,
    Initiative,
    InitiativeLevel,
    Rating,
    StaffAssignment,
    StaffMember,
    TitleRule,
    YearlyRating,
)
from emulation.selectors.awards import pending_flags

MET, MISSED, NEEDS = "met", "missed", "needs"
# Individual titles a member holds that also count as LĐTT for the collective share.
LDTT_OR_ABOVE = ("ldtt", "cstdcs", "cstd_bo", "cstd_toanquoc")
HISTORY_YEARS = 6  # enough for the longest streak of the seeded rules and a spare


@dataclass
class Check:
    """One condition: ok True/False when the app can tell, None when a person must confirm."""

    text: str
    ok: bool | None
    condition: str = ""  # the manual condition's text (the key of its confirmation)
    confirmation: ConditionConfirmation | None = None


@dataclass
class TitleResult:
    award: Award
    checks: list[Check] = field(default_factory=list)
    awarded: bool = False  # already granted by a decision for the year

    @property
    def status(self) -> str:
        if any(check.ok is False for check in self.checks):
            return MISSED
        if any(check.ok is None for check in self.checks):
            return NEEDS
        return MET

    @property
    def reasons(self) -> list[str]:
        """What stands in the way: failed conditions, else unconfirmed ones."""
        failed = [c.text for c in self.checks if c.ok is False]
        return failed or [c.text for c in self.checks if c.ok is None]


@dataclass
class PersonEligibility:
    staff_member: StaffMember
    assignment: StaffAssignment
    rating: str | None
    results: dict[str, TitleResult]
    pending_complaint: bool = False

    @property
    def rating_label(self) -> str:
        return Rating(self.rating).label if self.rating else ""

    def holds_ldtt(self, awarded: set[str]) -> bool:
        result = self.results.get("ldtt")
        return bool(awarded & set(LDTT_OR_ABOVE)) or bool(result and result.status == MET)


@dataclass
class NextYearEntry:
    staff_member: StaffMember
    award: Award
    text: str


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


def _pct(value: Decimal) -> str:
    """68 → "68%", 69.2307 → "69,23%"."""
    rounded = value.quantize(Decimal("0.01"))
    decimals = 0 if rounded == rounded.to_integral() else 2
    return f"{vn_number(rounded, decimals)}%"


@dataclass
class _Facts:
    """Everything the rules read, loaded once for a unit and a year."""

    ratings: dict[tuple[int, int], str]
    discipline: dict[int, list[DisciplinaryMeasure]]
    initiatives: dict[int, list[Initiative]]
    awarded: dict[tuple[int, int], set[str]]  # (person, year) → codes; person 0 = the unit
    confirmations: dict[tuple[str, int | None, str], ConditionConfirmation]


def _members(unit: Unit, year: int) -> list[StaffAssignment]:
    """The unit's people in the year: those whose last assignment begun in the year is here."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    overlapping = Q(start__lte=end) & (Q(end__isnull=True) | Q(end__gte=start))
    here = StaffAssignment.objects.filter(overlapping, unit=unit).values("staff_member_id")
    rows = (
        StaffAssignment.objects.filter(overlapping, staff_member_id__in=here)
        .select_related("staff_member")
        .order_by("staff_member_id", "-start", "-pk")
    )
    last: dict[int, StaffAssignment] = {}
    for row in rows:
        last.setdefault(row.staff_member_id, row)
    members = [a for a in last.values() if a.unit_id == unit.pk]
    return sorted(members, key=lambda a: (a.staff_member.full_name, a.staff_member.code))


def _load_facts(unit: Unit, year: int, person_ids: list[int]) -> _Facts:
    first = year - HISTORY_YEARS
    ratings = {
        (pid, y): r
        for pid, y, r in YearlyRating.objects.filter(
            staff_member_id__in=person_ids, year__gte=first, year__lte=year
        ).values_list("staff_member_id", "year", "rating")
    }
    discipline: dict[int, list[DisciplinaryMeasure]] = defaultdict(list)
    for row in DisciplinaryMeasure.objects.filter(staff_member_id__in=person_ids, year=year):
        discipline[row.staff_member_id].append(row)
    initiatives: dict[int, list[Initiative]] = defaultdict(list)
    for row in Initiative.objects.filter(
        staff_member_id__in=person_ids, year__gte=first, year__lte=year
    ):
        initiatives[row.staff_member_id].append(row)
    awarded: dict[tuple[int, int], set[str]] = defaultdict(set)
    for pid, y, code in DecisionItem.objects.filter(
        Q(staff_member_id__in=person_ids) | Q(unit=unit, staff_member__isnull=True),
        decision__year__gte=first,
        decision__year__lte=year,
    ).values_list("staff_member_id", "decision__year", "award_id"):
        awarded[(pid or 0, y)].add(code)
    confirmations = {
        (c.award_id, c.staff_member_id, c.condition): c
        for c in ConditionConfirmation.objects.filter(unit=unit, year=year)
    }
    return _Facts(ratings, discipline, initiatives, awarded, confirmations)


def _manual_checks(rule: TitleRule, facts: _Facts, person_id: int | None) -> list[Check]:
    checks = []
    for condition in rule.manual_condition_list():
        confirmation = facts.confirmations.get((rule.award_id, person_id, condition))
        checks.append(Check(condition, True if confirmation else None, condition, confirmation))
    return checks


def _individual(
    rules: list[TitleRule],
    award: Award,
    person_id: int,
    year: int,
    facts: _Facts,
    earlier: dict[str, TitleResult],
    names: dict[str, str],
) -> TitleResult:
    result = TitleResult(award, awarded=award.code in facts.awarded.get((person_id, year), set()))
    rating = facts.ratings.get((person_id, year))
    for rule in rules:
        if rule.min_rating:
            ok = rating is not None and RATING_RANK[rating] >= RATING_RANK[rule.min_rating]
            shown = Rating(rating).label if rating else _("no rating")
            result.checks.append(
                Check(
                    _("Rating %(year)s: %(rating)s (%(needed)s or better needed)")
                    % {"year": year, "rating": shown, "needed": Rating(rule.min_rating).label},
                    ok,
                )
            )
        if rule.excellent_or_initiative:
            has_initiative = any(i.year == year for i in facts.initiatives.get(person_id, []))
            ok = rating == Rating.EXCELLENT or has_initiative
            result.checks.append(
                Check(
                    _("Completed tasks excellently or a recognised initiative in %(year)s")
                    % {"year": year}
                    if ok
                    else _("Neither an excellent rating nor a recognised initiative in %(year)s")
                    % {"year": year},
                    ok,
                )
            )
        window = (year, year)
        if rule.streak_award_id and rule.streak_years:
            streak = _streak(rule.streak_award_id, person_id, year, facts, earlier)
            need = rule.streak_years
            window = (year - need + 1, year)
            name = names.get(rule.streak_award_id, rule.streak_award_id)
            result.checks.append(
                Check(
                    _("%(count)s of %(need)s consecutive %(title)s")
                    % {"count": min(streak, need), "need": need, "title": name},
                    streak >= need,
                )
            )
        if rule.initiative_level:
            rank = INITIATIVE_RANK[rule.initiative_level]
            found = [
                i
                for i in facts.initiatives.get(person_id, [])
                if window[0] <= i.year <= window[1] and INITIATIVE_RANK[i.level] >= rank
            ]
            level = InitiativeLevel(rule.initiative_level).label
            result.checks.append(
                Check(
                    _("Initiative at %(level)s level: %(title)s (%(year)s)")
                    % {"level": level, "title": found[0].title, "year": found[0].year}
                    if found
                    else _("No initiative at %(level)s level in %(first)s–%(last)s")
                    % {"level": level, "first": window[0], "last": window[1]},
                    bool(found),
                )
            )
        result.checks.extend(_manual_checks(rule, facts, person_id))
    return result


def _streak(
    code: str, person_id: int, year: int, facts: _Facts, earlier: dict[str, TitleResult]
) -> int:
    """Consecutive years ending with `year` holding the title; the year itself also counts
    when the title is not granted yet but its conditions are met."""
    count, y = 0, year
    while True:
        held = code in facts.awarded.get((person_id, y), set())
        if not held and y == year:
            current = earlier.get(code)
            held = current is not None and current.status == MET
        if not held:
            return count
        count, y = count + 1, y - 1


def _apply_cap(
    rules: list[TitleRule], members: list[PersonEligibility], ldtt_count: int, facts: _Facts
) -> None:
    """The optional cap "CSTĐCS at most N% of the unit's LĐTT" (off by default)."""
    for rule in rules:
        if rule.max_share_of_ldtt is None:
            continue
        cap = math.floor(rule.max_share_of_ldtt * ldtt_count / 100)
        code = rule.award_id
        eligible = [p for p in members if code in p.results and p.results[code].status != MISSED]
        for person in eligible:
            text = _("Cap of %(share)s of LĐTT: at most %(cap)s of the %(count)s eligible") % {
                "share": _pct(rule.max_share_of_ldtt),
                "cap": cap,
                "count": len(eligible),
            }
            if len(eligible) <= cap:
                person.results[code].checks.append(Check(text, True))
            else:
                # The unit chooses who: a confirmation per person, not a computed refusal.
                confirmation = facts.confirmations.get((code, person.staff_member.pk, text))
                person.results[code].checks.append(
                    Check(text, True if confirmation else None, text, confirmation)
                )


def _collective(
    rules: list[TitleRule],
    award: Award,
    unit: Unit,
    year: int,
    members: list[PersonEligibility],
    facts: _Facts,
) -> TitleResult:
    result = TitleResult(award, awarded=award.code in facts.awarded.get((0, year), set()))
    total = len(members)
    ldtt = sum(
        1 for p in members if p.holds_ldtt(facts.awarded.get((p.staff_member.pk, year), set()))
    )
    for rule in rules:
        if rule.members_ldtt_percent is not None:
            need = rule.members_ldtt_percent
            share = Decimal(ldtt * 100) / total if total else Decimal(0)
            result.checks.append(
                Check(
                    _("%(share)s LĐTT (%(ldtt)s of %(total)s), %(need)s needed")
                    % {"share": _pct(share), "ldtt": ldtt, "total": total, "need": _pct(need)},
                    total > 0 and ldtt * 100 >= need * total,
                )
            )
        if rule.all_members_complete:
            short = [
                p for p in members
                if p.rating is None or RATING_RANK[p.rating] < RATING_RANK[Rating.COMPLETED]
            ]
            result.checks.append(
                Check(
                    _("%(count)s of %(total)s members did not complete their tasks or are not rated")
                    % {"count": len(short), "total": total}
                    if short
                    else _("Every member completed their tasks"),
                    total > 0 and not short,
                )
            )
        if rule.min_cstdcs_members:
            count = sum(
                1
                for p in members
                if "cstdcs" in facts.awarded.get((p.staff_member.pk, year), set())
                or ("cstdcs" in p.results and p.results["cstdcs"].status == MET)
            )
            result.checks.append(
                Check(
                    _("%(count)s members CSTĐCS, at least %(need)s needed")
                    % {"count": count, "need": rule.min_cstdcs_members},
                    count >= rule.min_cstdcs_members,
                )
            )
        if rule.blocking_discipline:
            rank = DISCIPLINE_RANK[rule.blocking_discipline]
            blocked = [
                (p.staff_member, m)
                for p in members
                for m in facts.discipline.get(p.staff_member.pk, [])
                if DISCIPLINE_RANK[m.level] >= rank
            ]
            level = DisciplineLevel(rule.blocking_discipline).label
            result.checks.append(
                Check(
                    "; ".join(
                        _("%(name)s disciplined (%(measure)s) in %(year)s")
                        % {"name": person, "measure": m.get_level_display(), "year": year}
                        for person, m in blocked
                    )
                    if blocked
                    else _("No member disciplined at %(level)s or above") % {"level": level},
                    not blocked,
                )
            )
        result.checks.extend(_manual_checks(rule, facts, None))
    return result


def _next_year(
    rules_next: list[TitleRule],
    members: list[PersonEligibility],
    year: int,
    facts: _Facts,
    names: dict[str, str],
) -> list[NextYearEntry]:
    """Who completes a streak next year if they hold the title again then."""
    entries = []
    for rule in rules_next:
        if not (rule.streak_award_id and rule.streak_years):
            continue
        for person in members:
            pid = person.staff_member.pk
            streak = _streak(rule.streak_award_id, pid, year, facts, person.results)
            if streak != rule.streak_years - 1:
                continue
            text = _("%(title)s again in %(next)s would make %(need)s consecutive years") % {
                "title": names.get(rule.streak_award_id, rule.streak_award_id),
                "next": year + 1,
                "need": rule.streak_years,
            }
            if rule.initiative_level:
                text += "; " + _("an initiative at %(level)s level is also needed") % {
                    "level": InitiativeLevel(rule.initiative_level).label
                }
            entries.append(NextYearEntry(person.staff_member, rule.award, text))
    return entries


def rules_in_force(on: dt.date) -> list[TitleRule]:
    """Enabled title rules in force on a date, titles in their display order."""
    return list(
        TitleRule.objects.in_force_on(on)
        .filter(enabled=True)
        .select_related("award", "streak_award")
        .order_by("award__sort_order", "pk")
    )


def unit_eligibility(*, unit: Unit, year: int, on: dt.date | None = None) -> UnitEligibility:
    """Eligibility of a unit and its people for `year` under the rules in force on `on`
    (default 31/12 of the year, when titles are considered). Members by name; ~11 queries
    whatever the number of staff."""
    on = on or dt.date(year, 12, 31)
    rules = rules_in_force(on)
    next_on = dt.date(year + 1, 12, 31)
    rules_next = rules if next_on == on else rules_in_force(next_on)
    names = {r.award_id: str(r.award) for r in rules + rules_next}
    for r in rules + rules_next:
        if r.streak_award_id:
            names[r.streak_award_id] = str(r.streak_award)
    by_award: dict[str, list[TitleRule]] = defaultdict(list)
    for rule in rules:
        by_award[rule.award_id].append(rule)
    awards = {rule.award_id: rule.award for rule in rules}

    assignments = _members(unit, year)
    person_ids = [a.staff_member_id for a in assignments]
    facts = _load_facts(unit, year, person_ids)
    flags = pending_flags(unit_ids=[unit.pk], on=on)

    individual = [a for a in awards.values() if a.subject == Award.Subject.INDIVIDUAL]
    members = []
    for assignment in assignments:
        pid = assignment.staff_member_id
        results: dict[str, TitleResult] = {}
        for award in individual:  # in sort order, so a streak can read this year's base title
            plain = [r for r in by_award[award.code] if r.max_share_of_ldtt is None]
            if plain:
                results[award.code] = _individual(plain, award, pid, year, facts, results, names)
        members.append(
            PersonEligibility(
                assignment.staff_member,
                assignment,
                facts.ratings.get((pid, year)),
                results,
                flags.staff(pid),
            )
        )
    ldtt_count = sum(
        1 for p in members if p.holds_ldtt(facts.awarded.get((p.staff_member.pk, year), set()))
    )
    _apply_cap([r for r in rules if r.max_share_of_ldtt is not None], members, ldtt_count, facts)
    collective = {
        award.code: _collective(by_award[award.code], award, unit, year, members, facts)
        for award in awards.values()
        if award.subject == Award.Subject.COLLECTIVE
    }
    return UnitEligibility(
        unit=unit,
        year=year,
        on=on,
        rules=rules,
        members=members,
        collective=collective,
        ldtt_count=ldtt_count,
        next_year=_next_year(rules_next, members, year, facts, names),
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
