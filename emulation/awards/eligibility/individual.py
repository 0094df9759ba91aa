"""Individual titles (LĐTT, CSTĐCS, …): rating, excellence or initiative, initiative level,
a streak when the rule asks for one, and the optional cap on CSTĐCS as a share of LĐTT."""

from __future__ import annotations

import math
from collections.abc import Mapping

from emulation.awards.eligibility.engine import (
    LDTT_OR_ABOVE,
    MET,
    MISSED,
    Check,
    Facts,
    PersonEligibility,
    TitleResult,
    manual_checks,
    pct,
)
from emulation.awards.eligibility.streaks import streak_check
from emulation.awards.eligibility.worktime import time_worked_check
from emulation.awards.models import Award, TitleRule
from emulation.staff.models import (
    DISCIPLINE_RANK,
    INITIATIVE_RANK,
    RATING_RANK,
    DisciplineLevel,
    InitiativeLevel,
    Rating,
)


def individual_title(
    rules: list[TitleRule],
    award: Award,
    person_id: int,
    year: int,
    facts: Facts,
    earlier: Mapping[str, TitleResult],
    names: dict[str, str],
) -> TitleResult:
    _ = facts.text  # the module's gettext, remembered per unit
    result = TitleResult(award, awarded=award.code in facts.awarded.get((person_id, year), set()))
    rating = facts.ratings.get((person_id, year))
    for rule in rules:
        basis = rule.legal_basis
        if rule.requires_ldtt:
            result.checks.append(ldtt_check(person_id, year, facts, earlier, names, basis))
        if rule.min_months_worked:
            result.checks.append(time_worked_check(rule, person_id, year, facts))
        if rule.blocking_discipline:
            result.checks.append(own_discipline_check(rule, person_id, year, facts))
        if rule.min_rating:
            result.checks.append(facts.once(
                ("rating", rule.id, rating, year), lambda rule=rule: _rating_check(rule, rating, year, facts)))
        if rule.excellent_or_initiative:
            has_initiative = any(i.year == year for i in facts.initiatives.get(person_id, []))
            ok = rating == Rating.EXCELLENT or has_initiative
            result.checks.append(facts.once(
                ("excellent", rule.id, ok, year), lambda ok=ok, basis=basis: _excellent_check(ok, year, basis, facts)))
        window = (year, year)
        if rule.streak_award_id and rule.streak_years:
            check, window = streak_check(rule, person_id, year, facts, earlier, names)
            result.checks.append(check)
        if rule.initiative_level:
            rank = INITIATIVE_RANK[rule.initiative_level]
            found = [
                i
                for i in facts.initiatives.get(person_id, [])
                if window[0] <= i.year <= window[1] and INITIATIVE_RANK[i.level] >= rank
            ]
            first = (found[0].title, found[0].year) if found else None
            result.checks.append(facts.once(
                ("initiative", rule.id, window, first),
                lambda rule=rule, window=window, first=first, basis=basis:
                    _initiative_check(rule, window, first, basis, facts)))
        result.checks.extend(manual_checks(rule, facts, person_id))
    return result

def _rating_check(rule: TitleRule, rating: str | None, year: int, facts: Facts) -> Check:
    """The rating condition, the same check for everybody with the same rating."""
    _ = facts.text  # the module's gettext, remembered per unit
    ok = rating is not None and RATING_RANK[rating] >= RATING_RANK[rule.min_rating]
    shown = facts.label(Rating(rating)) if rating else _("no rating")
    return Check(
        _("Rating %(year)s: %(rating)s (%(needed)s or better needed)")
        % {"year": year, "rating": shown, "needed": facts.label(Rating(rule.min_rating))},
        ok,
        basis=rule.legal_basis,
    )


def _initiative_check(rule: TitleRule, window: tuple[int, int], first: tuple[str, int] | None,
                      basis: str, facts: Facts) -> Check:
    """The initiative condition: the first initiative found (title, year) or none."""
    _ = facts.text  # the module's gettext, remembered per unit
    level = facts.label(InitiativeLevel(rule.initiative_level))
    return Check(
        _("Initiative at %(level)s level: %(title)s (%(year)s)")
        % {"level": level, "title": first[0], "year": first[1]}
        if first
        else _("No initiative at %(level)s level in %(first)s–%(last)s")
        % {"level": level, "first": window[0], "last": window[1]},
        bool(first),
        basis=basis,
    )


def _excellent_check(ok: bool, year: int, basis: str, facts: Facts) -> Check:
    _ = facts.text  # the module's gettext, remembered per unit
    return Check(
        _("Completed tasks excellently or a recognised initiative in %(year)s") % {"year": year}
        if ok
        else _("Neither an excellent rating nor a recognised initiative in %(year)s")
        % {"year": year},
        ok,
        basis=basis,
    )


def ldtt_check(
    person_id: int, year: int, facts: Facts, earlier: Mapping[str, TitleResult],
    names: dict[str, str], basis: str,
) -> Check:
    """The title needs LĐTT the same year: the same answer the unit's share counts."""
    _ = facts.text  # the module's gettext, remembered per unit
    awarded = facts.awarded.get((person_id, year), set())
    result = earlier.get("ldtt")
    ok = not awarded.isdisjoint(LDTT_OR_ABOVE) or bool(result and result.merit == MET)
    hint = "" if ok or result is None else "; ".join(result.reasons)
    return facts.once(("ldtt", year, ok, hint, basis),
                      lambda: _ldtt_check(ok, year, names, basis, hint, facts))


def _ldtt_check(ok: bool, year: int, names: dict[str, str], basis: str, hint: str,
                facts: Facts) -> Check:
    _ = facts.text  # the module's gettext, remembered per unit
    name = names.get("ldtt", "LĐTT")
    return Check(
        _("%(title)s in %(year)s") % {"title": name, "year": year}
        if ok
        else _("Not %(title)s in %(year)s") % {"title": name, "year": year},
        ok,
        basis=basis,
        hint=hint,
    )


def own_discipline_check(rule: TitleRule, person_id: int, year: int, facts: Facts) -> Check:
    """A person disciplined in the year at the rule's level or above is not considered."""
    _ = facts.text  # the module's gettext, remembered per unit
    rank = DISCIPLINE_RANK[rule.blocking_discipline]
    measures = [
        m for m in facts.discipline.get(person_id, []) if DISCIPLINE_RANK[m.level] >= rank
    ]
    if not measures:  # most people: the same check for all of them
        return facts.once(("not disciplined", rule.id, year),
                          lambda: _discipline_check(rule, measures, year, facts))
    return _discipline_check(rule, measures, year, facts)


def _discipline_check(rule: TitleRule, measures: list, year: int, facts: Facts) -> Check:
    _ = facts.text  # the module's gettext, remembered per unit
    level = facts.label(DisciplineLevel(rule.blocking_discipline))
    return Check(
        _("Disciplined in %(year)s: %(measure)s") % {
            "year": year, "measure": ", ".join(m.get_level_display() for m in measures)}
        if measures
        else _("Not disciplined in %(year)s (%(level)s or above)") % {"year": year, "level": level},
        not measures,
        basis=rule.legal_basis,
    )


def apply_cap(
    rules: list[TitleRule], members: list[PersonEligibility], ldtt_count: int, facts: Facts
) -> None:
    """The optional cap "CSTĐCS at most N% of the unit's LĐTT" (off by default)."""
    _ = facts.text  # the module's gettext, remembered per unit
    for rule in rules:
        if rule.max_share_of_ldtt is None:
            continue
        cap = math.floor(rule.max_share_of_ldtt * ldtt_count / 100)
        code = rule.award_id
        eligible = [p for p in members if code in p.results and p.results[code].status != MISSED]
        for person in eligible:
            text = _("Cap of %(share)s of LĐTT: at most %(cap)s of the %(count)s eligible") % {
                "share": pct(rule.max_share_of_ldtt),
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
