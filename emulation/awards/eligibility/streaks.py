"""Streak titles: a title held in consecutive years (e.g. CSTĐ cấp Bộ after two CSTĐCS),
and who completes a streak next year."""

from __future__ import annotations

from django.utils.translation import gettext as _

from emulation.awards.eligibility.engine import (
    MET,
    Check,
    Facts,
    NextYearEntry,
    PersonEligibility,
    TitleResult,
)
from emulation.awards.models import TitleRule
from emulation.staff.models import InitiativeLevel


def streak_check(
    rule: TitleRule,
    person_id: int,
    year: int,
    facts: Facts,
    earlier: dict[str, TitleResult],
    names: dict[str, str],
) -> tuple[Check, tuple[int, int]]:
    """The streak condition of a rule and the years it spans (where an initiative may fall)."""
    streak = count_streak(rule.streak_award_id, person_id, year, facts, earlier)
    need = rule.streak_years
    window = (year - need + 1, year)
    name = names.get(rule.streak_award_id, rule.streak_award_id)
    check = Check(
        _("%(count)s of %(need)s consecutive %(title)s")
        % {"count": min(streak, need), "need": need, "title": name},
        streak >= need,
    )
    return check, window


def count_streak(
    code: str, person_id: int, year: int, facts: Facts, earlier: dict[str, TitleResult]
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

def next_year(
    rules_next: list[TitleRule],
    members: list[PersonEligibility],
    year: int,
    facts: Facts,
    names: dict[str, str],
) -> list[NextYearEntry]:
    """Who completes a streak next year if they hold the title again then."""
    entries = []
    for rule in rules_next:
        if not (rule.streak_award_id and rule.streak_years):
            continue
        for person in members:
            pid = person.staff_member.pk
            streak = count_streak(rule.streak_award_id, pid, year, facts, person.results)
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
