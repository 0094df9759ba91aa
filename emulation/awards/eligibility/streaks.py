"""Streak titles count awards, not calendar years: CSTĐ cấp bộ, tỉnh after 03 successive
CSTĐCS (one year each); CSTĐ toàn quốc after 02 successive CSTĐ cấp bộ, tỉnh ("02 lần liên
tục"), each of which already covers its own 03 years, so two such awards three years apart are
successive. Years already used for the streak title itself are consumed: they do not count
again towards a second award of it. Who completes a streak next year reads the same way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from emulation.awards.eligibility.engine import (
    HISTORY_YEARS,
    MET,
    Check,
    Facts,
    NextYearEntry,
    PersonEligibility,
    TitleResult,
)
from emulation.awards.models import TitleRule
from emulation.staff.models import InitiativeLevel


@dataclass
class Streak:
    count: int  # successive awards of the base title ending at the last slot
    slots: list[int]  # the years the needed awards would fall in, newest first
    consumed_by: int | None  # the year the streak title was last granted (years up to it used)

    def missing(self, held: set[int]) -> list[int]:
        return sorted(y for y in self.slots if y not in held)


def _held(code: str, pid: int, y: int, year: int, facts: Facts,
          earlier: Mapping[str, TitleResult]) -> bool:
    """Granted in `y`; for the year evaluated, also when its conditions are met now."""
    if code in facts.awarded.get((pid, y), ()):
        return True
    if y == year:
        current = earlier.get(code)
        return current is not None and current.merit == MET
    return False


def last_granted(code: str, pid: int, before: int, facts: Facts) -> int | None:
    """The last year before `before` (within the history read) `code` was granted to `pid`."""
    for y in facts.once(("granted", code), lambda: _granted_years(code, facts)).get(pid, ()):
        if y < before:
            return y if y >= before - HISTORY_YEARS else None
    return None


def _granted_years(code: str, facts: Facts) -> dict[int, list[int]]:
    """The years each person was granted `code`, newest first (once per unit and title)."""
    years: dict[int, list[int]] = {}
    for (pid, y), codes in facts.awarded.items():
        if code in codes:
            years.setdefault(pid, []).append(y)
    for found in years.values():
        found.sort(reverse=True)
    return years


def count_streak(rule: TitleRule, pid: int, end: int, target: int, year: int, facts: Facts,
                 earlier: Mapping[str, TitleResult]) -> tuple[Streak, set[int]]:
    """Successive awards of the rule's base title ending with one in `end`, for the streak
    title granted in `target`; each base award covers `span` years (its own rule's streak)."""
    code, need = rule.streak_award_id, rule.streak_years
    span = facts.spans.get(code, 1)
    floor = last_granted(rule.award_id, pid, target, facts)
    slots = [end - i * span for i in range(need)]
    held = {y for y in slots
            if (floor is None or y > floor) and _held(code, pid, y, year, facts, earlier)}
    count = 0
    for y in slots:
        if y not in held:
            break
        count += 1
    return Streak(count, slots, floor), held


def streak_check(
    rule: TitleRule,
    person_id: int,
    year: int,
    facts: Facts,
    earlier: Mapping[str, TitleResult],
    names: dict[str, str],
) -> tuple[Check, tuple[int, int]]:
    """The streak condition of a rule and the years it spans (where an initiative may fall)."""
    streak, held = count_streak(rule, person_id, year, year, year, facts, earlier)
    need = rule.streak_years
    span = facts.spans.get(rule.streak_award_id, 1)
    window = (year - need * span + 1, year)
    missing = streak.missing(held) if streak.count < need else []
    used = streak.consumed_by if any(y <= (streak.consumed_by or 0) for y in missing) else None
    check = facts.once(
        ("streak", rule.id, year, streak.count, tuple(missing), used),
        lambda: _streak_check(rule, streak, missing, facts, names))
    return check, window


def _streak_check(rule: TitleRule, streak: Streak, missing: list[int], facts: Facts,
                  names: dict[str, str]) -> Check:
    """The check of a streak: the same for everybody with the same count and missing years."""
    _ = facts.text  # the module's gettext, remembered per unit
    need = rule.streak_years
    name = names.get(rule.streak_award_id, rule.streak_award_id)
    hint = ""
    if streak.count < need:
        hint = _("Missing: %(title)s in %(years)s") % {
            "title": name, "years": ", ".join(str(y) for y in missing)}
        if streak.consumed_by is not None and any(y <= streak.consumed_by for y in missing):
            hint += "; " + _("the years up to %(year)s were used for the %(title)s of %(year)s") % {
                "year": streak.consumed_by, "title": names.get(rule.award_id, rule.award_id)}
    return Check(
        _("%(count)s of %(need)s consecutive %(title)s")
        % {"count": min(streak.count, need), "need": need, "title": name},
        streak.count >= need,
        basis=rule.legal_basis,
        hint=hint,
    )


def next_year(
    rules_next: list[TitleRule],
    members: list[PersonEligibility],
    year: int,
    facts: Facts,
    names: dict[str, str],
) -> list[NextYearEntry]:
    """Who completes a streak next year if they are granted the base title again then: the
    awards before it must already make one less than needed, without consumed years."""
    entries = []
    for rule in rules_next:
        if not (rule.streak_award_id and rule.streak_years):
            continue
        span = facts.spans.get(rule.streak_award_id, 1)
        for person in members:
            pid = person.staff_member.id
            streak, _held_years = count_streak(
                rule, pid, year + 1 - span, year + 1, year, facts, person.results
            )
            if streak.count != rule.streak_years - 1:
                continue
            text = _("%(title)s again in %(next)s would make %(need)s successive awards") % {
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
