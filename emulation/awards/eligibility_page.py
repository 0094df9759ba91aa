"""The eligibility page's tables, built here: a page of people, each title's cell, and the
unit's own titles.

A unit of a hundred people has four hundred title cells, each with its reasons, the "why"
list and a confirmation form per hand-checked condition; through two templates per cell they
were most of the page's cost. A cell keeps the markup those templates had: the status as
`awards_status.html` shows it with `hide_manual` (the registration page still renders that
template), then the conditions, each confirmed with its evidence or with a form to confirm it.
"""

from __future__ import annotations

from html import escape

from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from emulation.awards.eligibility import MET, MISSED, PAUSED, PersonEligibility, UnitEligibility
from emulation.awards.eligibility.engine import Check, TitleResult
from emulation.awards.models import Award

PAGE_SIZE = 50
_SENTINEL = 987654321  # an id no person has, replaced by each person's in their address


def matching(members: list[PersonEligibility], query: str) -> list[PersonEligibility]:
    """The members whose name or code holds `query` (any case); all of them without one."""
    needle = query.strip().casefold()
    if not needle:
        return members
    return [
        p for p in members
        if needle in p.staff_member.full_name.casefold() or needle in p.staff_member.code.casefold()
    ]


def staff_page(
    result: UnitEligibility, *, query: str, number: str | None, can_confirm: bool, csrf: str
) -> tuple[Page, list[SafeString]]:
    """The page `number` of the members matching `query`, each as its table row: the name
    (linking to the person, with the complaint flag), the rating, a cell per title."""
    page = Paginator(matching(result.members, query), PAGE_SIZE).get_page(number)
    awards = result.individual_awards
    texts = _Texts()
    # One reverse for the page: the person's address differs only by their id.
    link = reverse("emulation:staff_detail", args=[_SENTINEL])
    rows = []
    for person in page.object_list:
        member = person.staff_member
        pid = member.pk
        url = link.replace(str(_SENTINEL), str(pid))
        pending = (' <span class="badge text-bg-warning" data-testid="pending">'
                   f"{escape(texts.pending)}</span>") if person.pending_complaint else ""
        cells = "".join(
            "<td>" + title_cell(person.results.get(award.code), award=award,
                                person_id=pid, can_confirm=can_confirm, csrf=csrf,
                                texts=texts) + "</td>"
            for award in awards
        )
        rows.append(mark_safe(
            f'<tr>\n    <td><a href="{url}">{escape(member.full_name)}</a>{pending}</td>\n'
            f'    <td class="small">{texts.rating(person.rating)}</td>\n'
            f"    {cells}\n  </tr>"
        ))
    return page, rows


class _Texts:
    """The cell's fixed words, translated once per page."""

    def __init__(self) -> None:
        self.met, self.missed, self.paused, self.needs = (
            _("met"), _("missed"), _("on hold"), _("to confirm"))
        self.granted, self.why, self.no_rule = _("granted"), _("why"), _("no rule")
        self.withdraw, self.confirmed, self.confirm = (
            _("withdraw"), _("Confirmed, with evidence:"), _("Confirm"))
        self.pending = _("complaint or denunciation under verification")
        self._escaped: dict[object, str] = {}
        self.statuses: dict[tuple, tuple[str, list[Check]]] = {}

    def rating(self, rating: str | None) -> str:
        """A rating's label escaped ("–" without one), once per page."""
        value = self._escaped.get(("rating", rating))
        if value is None:
            value = self._escaped[("rating", rating)] = escape(
                PersonEligibility.label_of(rating) or "–")
        return value

    def escaped(self, text: str) -> str:
        """`text` escaped, once per page: a rule's legal basis is on every one of its checks,
        the same conditions and reasons on many people's."""
        value = self._escaped.get(text)
        if value is None:
            value = self._escaped[text] = escape(text)
        return value


_MARKS = {True: "✓", False: "✗", None: "?"}
_MANUAL_MARKS = {
    True: '<span class="text-success">✓</span>',
    False: '<span class="text-danger">✗</span>',
    None: '<span class="text-warning">?</span>',
}


def title_cell(
    result: TitleResult | None, *, award: Award, person_id: int, can_confirm: bool, csrf: str,
    texts: _Texts,
) -> SafeString:
    """A person's cell for one title: the status, what stands in the way, the "why" list,
    then the hand-checked conditions with their confirmation (or the form to confirm)."""
    if result is None:
        return mark_safe(f'<span class="text-muted small">{escape(texts.no_rule)}</span>')
    return SafeString(status_html(result, texts) + checks_html(
        result, code=award.code, person_id=person_id, only_manual=True, can_confirm=can_confirm,
        csrf=csrf, texts=texts))


def collective_rows(result: UnitEligibility, *, can_confirm: bool, csrf: str) -> list[SafeString]:
    """The unit's own titles: the title, its status, and every condition (with the forms to
    confirm the hand-checked ones)."""
    texts = _Texts()
    rows = []
    for code, title in result.collective.items():
        checks = checks_html(title, code=code, person_id=None, only_manual=False,
                             can_confirm=can_confirm, csrf=csrf, texts=texts)
        rows.append(mark_safe(
            f'<tr>\n    <th class="w-25">{escape(str(title.award))}</th>\n'
            f"    <td>{status_html(title, texts)}</td>\n    <td>{checks}</td>\n  </tr>"
        ))
    return rows


def status_html(result: TitleResult, texts: _Texts) -> str:
    """The markup of awards_status.html with hide_manual: the badge, the reasons of a missed
    or paused title, the hints, and the "why" list. Made once per page for the results with
    the same checks (many people's are the very same check objects: see `Facts.once`)."""
    checks = result.checks
    key = (result.status, result.awarded, result.hold, *map(id, checks))
    done = texts.statuses.get(key)
    if done is None:
        # The checks kept with the markup: no id in a key is reused by another check.
        done = texts.statuses[key] = (_status_html(result, texts), list(checks))
    return done[0]


def _status_html(result: TitleResult, texts: _Texts) -> str:
    status = result.status
    badge = {
        MET: f'<span class="badge text-bg-success">{escape(texts.met)}</span>',
        MISSED: f'<span class="badge text-bg-danger">{escape(texts.missed)}</span>',
        PAUSED: f'<span class="badge text-bg-secondary" data-testid="paused" '
                f'title="{escape(result.hold)}">{escape(texts.paused)}</span>',
    }.get(status) or f'<span class="badge text-bg-warning">{escape(texts.needs)}</span>'
    parts = [badge]
    if result.awarded:
        parts.append(f' <span class="badge text-bg-primary">{escape(texts.granted)}</span>')
    parts.append("\n")
    if status in (MISSED, PAUSED):
        parts.append(f'<div class="small text-muted">{texts.escaped("; ".join(result.reasons))}</div>')
    if status != MET:
        parts.extend(
            f'<div class="small text-danger" data-testid="hint">{texts.escaped(check.hint)}</div>'
            for check in result.checks if check.hint and check.ok is not True
        )
    parts.append(f'\n<details class="small"><summary class="text-muted">{escape(texts.why)}'
                 '</summary><ul class="list-unstyled mb-0">')
    for check in result.checks:
        basis = texts.escaped(check.basis)
        parts.append(f'<li title="{basis}">{_MARKS[check.ok]} {texts.escaped(check.text)} '
                     f'<span class="text-muted">— {basis}</span></li>')
    parts.append("</ul></details>\n")
    return "".join(parts)


def checks_html(
    result: TitleResult, *, code: str, person_id: int | None, only_manual: bool,
    can_confirm: bool, csrf: str, texts: _Texts,
) -> str:
    """The conditions (only the hand-checked ones with
    `only_manual`), each confirmed with its evidence or with a form to confirm it."""
    if only_manual and not any(check.condition for check in result.checks):
        return '<ul class="list-unstyled small mb-0">\n</ul>\n'
    parts = ['<ul class="list-unstyled small mb-0">\n']
    for counter, check in enumerate(result.checks, start=1):
        if not only_manual or check.condition:
            parts.append(_check(check, counter, code, person_id, can_confirm, csrf, texts))
    parts.append("</ul>\n")
    return "".join(parts)


def _check(
    check: Check, counter: int, code: str, person_id: int | None, can_confirm: bool, csrf: str,
    texts: _Texts,
) -> str:
    """A condition: confirmed (with the evidence, and a withdraw button), or a form to
    confirm it when a person must."""
    person = "" if person_id is None else person_id
    html = f'  <li title="{texts.escaped(check.basis)}">{_MANUAL_MARKS[check.ok]} {escape(check.text)}\n'
    confirmation = check.confirmation
    if confirmation is not None:
        html += (f'  <span class="text-muted">— {escape(confirmation.evidence)} '
                 f'({escape(str(confirmation.confirmed_by))})</span>\n')
        if can_confirm:
            html += (f'    <form method="post" class="d-inline">{csrf}<input type="hidden" '
                     'name="action" value="withdraw"><input type="hidden" name="confirmation" '
                     f'value="{confirmation.pk}"><button class="btn btn-link btn-sm p-0">'
                     f'{escape(texts.withdraw)}</button></form>\n')
    elif check.ok is None and can_confirm:
        box = f"c-{escape(code)}-{person}-{counter}"
        html += (
            f'    <form method="post" class="mt-1">{csrf}\n'
            f'      <input type="hidden" name="award" value="{escape(code)}">\n'
            f'      <input type="hidden" name="staff_member" value="{person}">\n'
            f'      <input type="hidden" name="condition" value="{escape(check.condition)}">\n'
            f'      <div class="form-check"><input class="form-check-input" type="checkbox" '
            f'required id="{box}"><label class="form-check-label" for="{box}">'
            f'{escape(texts.confirmed)}</label></div>\n'
            '      <textarea name="evidence" rows="1" class="form-control form-control-sm" '
            'required></textarea>\n'
            f'      <button class="btn btn-sm btn-outline-primary mt-1">{escape(texts.confirm)}'
            '</button>\n    </form>\n'
        )
    return html + "</li>\n"
