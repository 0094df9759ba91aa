"""The rules page of the secretariat: every title rule, threshold, multiplier, deadline and
base salary in force on a chosen date, with its legal basis and whether it is "cần xác nhận";
exportable to Excel (Vietnamese headers, one named sheet, no ids)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from cum4.formatting import vn_date, vn_number
from cum4.permissions import require_perm
from cum4.view_helpers import xlsx_response
from emulation.awards.models import BaseSalary, RewardMultiplier, TitleRule
from emulation.movements.selectors.deadlines import cycle_deadlines_in_force
from emulation.staff.models import ComplaintHoldRule, DisciplineLevel, InitiativeLevel, Rating


@dataclass
class RuleRow:
    section: str
    subject: str
    value: str
    valid_from: dt.date
    valid_to: dt.date | None
    legal_basis: str
    needs_confirmation: bool
    note: str = ""


def _title_rule_text(rule: TitleRule) -> str:
    parts = []
    if rule.requires_ldtt:
        parts.append(_("LĐTT the same year"))
    if rule.min_months_worked:
        parts.append(_("at least %(months)s months worked") % {"months": rule.min_months_worked})
    if rule.counted_leave:
        parts.append(_("counted as time worked: %(kinds)s") % {"kinds": rule.counted_leave})
    if rule.min_rating:
        parts.append(_("rating %(rating)s or better") % {"rating": Rating(rule.min_rating).label})
    if rule.excellent_or_initiative:
        parts.append(_("excellent rating or a recognised initiative"))
    if rule.streak_award_id:
        parts.append(_("%(count)s successive %(title)s") % {
            "count": rule.streak_years, "title": rule.streak_award})
    if rule.initiative_level:
        parts.append(_("initiative at %(level)s level") % {
            "level": InitiativeLevel(rule.initiative_level).label})
    if rule.members_ldtt_percent is not None:
        words = rule.get_members_ldtt_comparator_display()
        parts.append(_("%(cmp)s %(percent)s%% of members LĐTT") % {
            "cmp": words, "percent": vn_number(rule.members_ldtt_percent)})
    if rule.all_members_complete:
        parts.append(_("every member completes their tasks"))
    if rule.min_cstdcs_members:
        parts.append(_("at least %(count)s members CSTĐCS") % {"count": rule.min_cstdcs_members})
    if rule.blocking_discipline:
        parts.append(_("nobody disciplined at %(level)s or above") % {
            "level": DisciplineLevel(rule.blocking_discipline).label})
    if rule.max_share_of_ldtt is not None:
        parts.append(_("at most %(percent)s%% of the unit's LĐTT") % {
            "percent": vn_number(rule.max_share_of_ldtt)})
    parts.extend(_("to confirm: %(condition)s") % {"condition": c}
                 for c in rule.manual_condition_list())
    return "; ".join(parts)


def rules_in_force_on(*, day: dt.date) -> list[RuleRow]:
    """Every rule row in force on `day`, by section. Five queries."""
    rows: list[RuleRow] = []
    titles = _("Title rules")
    for rule in TitleRule.objects.in_force_on(day).filter(enabled=True).select_related(
        "award", "streak_award"
    ).order_by("award__sort_order", "pk"):
        rows.append(RuleRow(titles, str(rule.award), _title_rule_text(rule), rule.valid_from,
                            rule.valid_to, rule.legal_basis, rule.needs_confirmation, rule.note))
    multipliers = _("Reward multipliers")
    for row in RewardMultiplier.objects.in_force_on(day).select_related("award").order_by(
        "award__sort_order", "collective"
    ):
        who = _("collective") if row.collective else _("individual")
        value = _("%(multiplier)s × base salary, rounded up to %(round)s đ") % {
            "multiplier": vn_number(row.multiplier, 1), "round": vn_number(row.round_up_to)}
        rows.append(RuleRow(multipliers, f"{row.award} ({who})", value, row.valid_from,
                            row.valid_to, row.legal_basis, row.needs_confirmation, row.note))
    salary = _("Base salary")
    for row in BaseSalary.objects.in_force_on(day).order_by("-valid_from"):
        rows.append(RuleRow(salary, salary, f"{vn_number(row.amount)} đ", row.valid_from,
                            row.valid_to, row.legal_basis, row.needs_confirmation, row.note))
    deadlines = _("Deadlines")
    for row in cycle_deadlines_in_force(on=day):
        rows.append(RuleRow(deadlines, row.get_kind_display(), f"{row.day:02d}/{row.month:02d}",
                            row.valid_from, row.valid_to, row.legal_basis,
                            row.needs_confirmation, row.note))
    holds = _("Pending complaints")
    for row in ComplaintHoldRule.objects.in_force_on(day).order_by("-valid_from"):
        rows.append(RuleRow(holds, _("Complaint or denunciation under verification"),
                            _("on hold (not proposed)"), row.valid_from, row.valid_to,
                            row.legal_basis, row.needs_confirmation, row.note))
    return rows


def _day(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def rules_page(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "emulation.view_rules")
    day = _day(request)
    rows = rules_in_force_on(day=day)
    sections: dict[str, list[RuleRow]] = {}
    for row in rows:
        sections.setdefault(row.section, []).append(row)
    return render(request, "emulation/awards/awards_rules.html",
                  {"day": day, "sections": sections})


HEADERS = ["Nhóm", "Danh hiệu, hình thức, nội dung", "Giá trị", "Hiệu lực từ", "Hiệu lực đến",
           "Căn cứ pháp lý", "Cần xác nhận", "Ghi chú"]


def rules_workbook(rows: list[RuleRow], day: dt.date) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Quy tắc hiện hành"
    sheet["A1"] = f"Quy tắc thi đua, khen thưởng có hiệu lực ngày {vn_date(day)}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.section, row.subject, row.value, vn_date(row.valid_from),
                      vn_date(row.valid_to) if row.valid_to else "", row.legal_basis,
                      "Cần xác nhận" if row.needs_confirmation else "", row.note])
    for column, width in zip("ABCDEFGH", (18, 36, 60, 12, 12, 50, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=4):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rules_export(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "emulation.view_rules")
    day = _day(request)
    content = rules_workbook(rules_in_force_on(day=day), day)
    return xlsx_response(f"quy-tac-thi-dua-{day.isoformat()}.xlsx", content)
