"""Collective titles (Tập thể lao động xuất sắc, Cờ thi đua, …): the share of LĐTT, every
member completing their tasks, CSTĐCS members, no blocking discipline."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from cum4.models import Unit
from emulation.awards.eligibility.engine import (
    MET,
    Check,
    Facts,
    PersonEligibility,
    TitleResult,
    manual_checks,
    pct,
)
from emulation.awards.models import Award, TitleRule
from emulation.awards.models.titles import Comparator
from emulation.staff.models import DISCIPLINE_RANK, RATING_RANK, DisciplineLevel, Rating


def collective_title(
    rules: list[TitleRule],
    award: Award,
    unit: Unit,
    year: int,
    members: list[PersonEligibility],
    facts: Facts,
) -> TitleResult:
    result = TitleResult(award, awarded=award.code in facts.awarded.get((0, year), set()))
    total = len(members)
    not_ldtt = facts.once(("not_ldtt", year), lambda: [
        p for p in members
        if not p.holds_ldtt(facts.awarded.get((p.staff_member.id, year), set()))
    ])  # the same members for each of the unit's titles: asked once
    ldtt = total - len(not_ldtt)
    for rule in rules:
        basis = rule.legal_basis
        if rule.members_ldtt_percent is not None:
            need = rule.members_ldtt_percent
            share = Decimal(ldtt * 100) / total if total else Decimal(0)
            values = {"share": pct(share), "ldtt": ldtt, "total": total, "need": pct(need)}
            text = (
                _("%(share)s LĐTT (%(ldtt)s of %(total)s), more than %(need)s needed")
                if rule.members_ldtt_comparator == Comparator.GT
                else _("%(share)s LĐTT (%(ldtt)s of %(total)s), %(need)s needed")
            )
            ok = rule.share_passes(ldtt, total)
            result.checks.append(
                Check(text % values, ok, basis=basis, hint="" if ok else facts.once(
                    ("not_ldtt_named", year), lambda: _named(_("Not LĐTT"), not_ldtt, year, facts)))
            )
        if rule.all_members_complete:
            short = facts.once(("not_completed", year), lambda: [
                p for p in members
                if p.rating is None or RATING_RANK[p.rating] < RATING_RANK[Rating.COMPLETED]
            ])
            result.checks.append(
                Check(
                    _("%(count)s of %(total)s members did not complete their tasks or are not rated")
                    % {"count": len(short), "total": total}
                    if short
                    else _("Every member completed their tasks"),
                    total > 0 and not short,
                    basis=basis,
                    hint=_named(_("Did not complete their tasks or not rated"), short, year, facts),
                )
            )
        if rule.min_cstdcs_members:
            count = facts.once(("cstdcs_count", year), lambda: sum(
                1
                for p in members
                if "cstdcs" in facts.awarded.get((p.staff_member.id, year), set())
                or ("cstdcs" in p.results and p.results["cstdcs"].status == MET)
            ))
            result.checks.append(
                Check(
                    _("%(count)s members CSTĐCS, at least %(need)s needed")
                    % {"count": count, "need": rule.min_cstdcs_members},
                    count >= rule.min_cstdcs_members,
                    basis=basis,
                )
            )
        if rule.blocking_discipline:
            rank = DISCIPLINE_RANK[rule.blocking_discipline]
            blocked = [
                (p.staff_member, m)
                for p in members
                for m in facts.discipline.get(p.staff_member.id, [])
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
                    basis=basis,
                )
            )
        result.checks.extend(manual_checks(rule, facts, None))
    return result


def _named(label: str, people: list[PersonEligibility], year: int, facts: Facts) -> str:
    """The members who break a rule, by name, with why (for the unit to act on)."""
    if not people:
        return ""
    parts = []
    for p in people[:20]:
        ldtt = p.results.get("ldtt")
        why = "; ".join(ldtt.reasons) if ldtt and ldtt.merit != MET else ""
        parts.append(f"{p.staff_member.full_name} ({why})" if why else p.staff_member.full_name)
    more = len(people) - 20
    tail = _(" and %(count)s more") % {"count": more} if more > 0 else ""
    return f"{label}: {', '.join(parts)}{tail}"
