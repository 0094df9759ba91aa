"""Demo quarterly reports, 2022–2026, for the seven units of Cụm thi đua số IV.

2022 reproduces the seed article: the cluster's year figures computed from the approved
quarterly reports equal every exact figure it gives (1.902 inspections, 7.539 subjects,
49.424 m², 9.895 m², 1.510 decisions, 36 organisations, 453 persons, 10.565 turns, 11.377
citizens, 14.204 petitions, 11.301 eligible, 363 cases in jurisdiction, 321 resolved) and
lands inside its "above" ranges (violations 100–101 tỷ, recommended recovery 71,5–71,6 tỷ,
recovered 64,2–64,3 tỷ at a 89,72% recovery rate, fines 26–27 tỷ).

Year totals are split across units by fixed weights and across quarters almost evenly, so
no quarter looks like an outlier; the pending cases of one quarter are the next quarter's
opening. 2023 and 2024 are the same shape a little larger; 2025 and 2026 have reports in
every state. Only missing reports are created: loading twice leaves the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from zoneinfo import ZoneInfo

from simple_history.utils import bulk_create_with_history

from cum4.demo import LEADS
from cum4.models import Unit, User
from cum4.periods import periods_of_year
from cum4.reports import validation
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.sections import report_sections

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
State = QuarterlyReport.State

# Shares of the cluster's figures (sum 100). Tuyên Quang takes Hà Giang's seat from 2025.
UNIT_WEIGHTS = {
    "laichau": 12,
    "langson": 16,
    "laocai": 17,
    "sonla": 15,
    "dienbien": 12,
    "hagiang": 13,
    "caobang": 15,
}
QUARTER_WEIGHTS = (24, 25, 25, 26)
YEAR_FACTORS = {2022: 1.0, 2023: 1.04, 2024: 1.07, 2025: 1.03, 2026: 1.06}

# Cluster year totals of 2022 for the split flows. Money in thousands of đồng (so every
# amount is a round figure); "_k" marks them.
TOTALS = {
    "insp_new": 1650,
    "subjects_inspected": 7539,
    "violation_k": 100_350_000,
    "violation_land_m2": 49424,
    "recovery_recommended_k": 71_560_000,
    "recovery_recommended_land_m2": 9895,
    "other_economic_k": 15_000_000,
    "recovered_k": 64_203_632,  # 89,72% of 71.560.000 exactly
    "recovered_land_m2": 7120,
    "sanction_decisions": 1510,
    "sanction_k": 26_380_000,
    "admin_handling_orgs": 36,
    "admin_handling_persons": 453,
    "referred_cases": 12,
    "policy_recommendations": 60,
    "reception_turns": 10565,
    "reception_persons": 11377,
    "crowd_delegations": 48,
    "leader_reception_sessions": 180,
    "petitions_received": 14204,
    "petitions_eligible": 11301,
    "cases_new_complaint": 222,
    "cases_new_denunciation": 89,
    "kntc_recovery_complaint_k": 1_200_000,
    "kntc_recovery_denunciation_k": 400_000,
    "kntc_returned_complaint_k": 300_000,
    "kntc_admin_complaint": 20,
    "kntc_admin_denunciation": 35,
    "kntc_referred_denunciation": 4,
    "publicity_checks": 150,
    "asset_declarations_required": 5600,
    "asset_verifications": 70,
    "officials_rotated": 210,
    "conduct_violations": 6,
    "corruption_cases": 3,
    "heads_held_responsible": 2,
    "corruption_recovered_k": 850_000,
}
# Openings of Q1 2022 (cluster totals) and the year's resolutions (seed: 363 in, 321 done).
INSP_CARRIED_2022 = 252  # + 1.650 started = 1.902
CASES_CARRIED_2022 = {"complaint": 38, "denunciation": 14}  # + 222 + 89 new = 363
CASES_RESOLVED_2022 = {"complaint": 232, "denunciation": 89}  # = 321
RESOLUTION_SHARE = 0.89  # later years resolve about as well

# Reports with a special story in 2025/2026: (unit, year, quarter) → state / note.
WARNED = {
    ("laichau", 2025, 3): "Số đã thu hồi gồm cả các khoản kiến nghị năm 2024 chuyển sang.",
    ("sonla", 2026, 3): "Đã thu hồi dứt điểm các kiến nghị của các cuộc thanh tra năm 2025.",
}
STATES_2026_Q3 = {
    "laichau": State.APPROVED,
    "langson": State.APPROVED,
    "laocai": State.APPROVED,
    "sonla": State.SUBMITTED,
    "caobang": State.SUBMITTED,
    "tuyenquang": State.RETURNED,
    "dienbien": State.DRAFT,
}
RETURN_REASON = (
    "Mục C: số đơn đủ điều kiện xử lý chưa khớp với sổ theo dõi đơn thư; đề nghị rà soát, "
    "bổ sung số liệu và gửi lại."
)
DRAFTS_2026_Q4 = ("laichau", "langson")  # in progress: sections A and B only
LATE = {("caobang", 2023, 2), ("hagiang", 2024, 3), ("caobang", 2026, 2)}


def split(total: int, weights: Sequence[int]) -> list[int]:
    """`total` shared by `weights` in whole numbers that add up exactly (largest remainder)."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def members(year: int) -> list[str]:
    codes = list(UNIT_WEIGHTS)
    if year >= 2025:
        codes[codes.index("hagiang")] = "tuyenquang"
    return codes


def _weight(code: str) -> int:
    return UNIT_WEIGHTS["hagiang" if code == "tuyenquang" else code]


def _year_total(total_2022: int, year: int) -> int:
    return total_2022 if year == 2022 else round(total_2022 * YEAR_FACTORS[year])


@cache
def _unit_year(name: str, year: int) -> dict[str, int]:
    codes = members(year)
    shares = split(_year_total(TOTALS[name], year), [_weight(c) for c in codes])
    return dict(zip(codes, shares, strict=True))


def cell(name: str, unit: str, year: int, quarter: int) -> int:
    """The quarter's share of a unit's share of a year total."""
    return split(_unit_year(name, year)[unit], QUARTER_WEIGHTS)[quarter - 1]


def money(name: str, unit: str, year: int, quarter: int) -> int:
    return cell(name, unit, year, quarter) * 1000


def _opening_share(total: int, unit: str) -> int:
    return dict(zip(members(2022), split(total, [_weight(c) for c in members(2022)]), strict=True))[
        unit if unit != "tuyenquang" else "hagiang"
    ]


def _cases(unit: str, row: str) -> dict[tuple[int, int], tuple[int, int, int]]:
    """(carried over, new, resolved) of a unit's section D row by (year, quarter).

    Pending cases roll over from quarter to quarter; each year resolves its share of what it
    had (2022: exactly the seed's 321 of 363 across the cluster).
    """
    first_year = 2025 if unit == "tuyenquang" else 2022
    pending = _opening_share(CASES_CARRIED_2022[row], unit)
    if unit == "tuyenquang":
        pending = max(1, pending // 2)
    result = {}
    for year in range(first_year, 2027):
        if unit == "hagiang" and year >= 2025:
            break
        new = [cell(f"cases_new_{row}", unit, year, q) for q in range(1, 5)]
        if year == 2022:
            target = dict(
                zip(
                    members(2022),
                    split(CASES_RESOLVED_2022[row], [_weight(c) for c in members(2022)]),
                    strict=True,
                )
            )[unit]
        else:
            target = round(RESOLUTION_SHARE * (pending + sum(new)))
        assert target <= pending + sum(new), (unit, row, year)
        planned = split(target, QUARTER_WEIGHTS)
        short = 0
        for q in range(1, 5):
            available = pending + new[q - 1]
            resolved = min(available, planned[q - 1] + short)
            short = planned[q - 1] + short - resolved
            result[(year, q)] = (pending, new[q - 1], resolved)
            pending = available - resolved
    return result


@cache
def _insp_openings(unit: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(carried over, concluded) of section A by (year, quarter): a fifth stays open."""
    carried = _opening_share(INSP_CARRIED_2022, unit)
    result = {}
    for year in range(2022, 2027):
        for q in range(1, 5):
            if unit not in members(year):
                continue
            new = cell("insp_new", unit, year, q)
            concluded = (carried + new) * 8 // 10
            result[(year, q)] = (carried, concluded)
            carried = carried + new - concluded
    return result


def report_values(unit: str, year: int, quarter: int) -> validation.ReportValues:
    """The complete values of one demo report."""
    q = quarter

    def c(name: str) -> int:
        return cell(name, unit, year, q)

    def k(name: str) -> int:
        return money(name, unit, year, q)

    carried, concluded = _insp_openings(unit)[(year, q)]
    new = c("insp_new")
    inspected = c("subjects_inspected")
    referred = c("referred_cases")
    recovered = k("recovered_k")
    if (unit, year, q) in WARNED:
        recovered = k("recovery_recommended_k") * 115 // 100  # older recommendations recovered
    a = {
        "insp_carried_over": carried,
        "insp_new": new,
        "insp_planned": new * 7 // 10,
        "insp_unplanned": new - new * 7 // 10,
        "insp_concluded": concluded,
        "subjects_inspected": inspected,
        "subjects_violating": inspected * 3 // 10,
        "violation_vnd": k("violation_k"),
        "violation_land_m2": c("violation_land_m2"),
        "recovery_recommended_vnd": k("recovery_recommended_k"),
        "recovery_recommended_land_m2": c("recovery_recommended_land_m2"),
        "other_economic_vnd": k("other_economic_k"),
        "recovered_vnd": recovered,
        "recovered_land_m2": c("recovered_land_m2"),
        "sanction_decisions": c("sanction_decisions"),
        "sanction_vnd": k("sanction_k"),
        "admin_handling_orgs": c("admin_handling_orgs"),
        "admin_handling_persons": c("admin_handling_persons"),
        "referred_cases": referred,
        "referred_persons": referred * 2 + (1 if referred else 0),
        "policy_recommendations": c("policy_recommendations"),
    }
    turns = c("reception_turns")
    b = {
        "reception_turns": turns,
        "reception_persons": c("reception_persons"),
        "reception_cases": turns * 6 // 10,
        "crowd_delegations": c("crowd_delegations"),
        "leader_reception_sessions": c("leader_reception_sessions"),
    }
    received, eligible = c("petitions_received"), c("petitions_eligible")
    inside = eligible * 15 // 100
    petitions = {
        "petitions_carried_over": received * 4 // 100 + 3,
        "petitions_received": received,
        "petitions_complaint": received * 25 // 100,
        "petitions_denunciation": received * 12 // 100,
        "petitions_proposal": received - received * 25 // 100 - received * 12 // 100,
        "petitions_eligible": eligible,
        "petitions_in_jurisdiction": inside,
        "petitions_out_jurisdiction": eligible - inside,
    }
    d = {}
    for row in ("complaint", "denunciation"):
        carried_cases, new_cases, resolved = _cases(unit, row)[(year, q)]
        withdrawn = resolved // 10
        decided = resolved - withdrawn
        d[row] = {
            "cases_carried_over": carried_cases,
            "cases_new": new_cases,
            "cases_resolved": resolved,
            "cases_resolved_on_time": resolved - resolved // 8,
            "cases_withdrawn": withdrawn,
            "findings_correct": decided * 2 // 10,
            "findings_partly_correct": decided * 2 // 10,
            "findings_incorrect": decided // 3,
            "kntc_recovery_vnd": k(f"kntc_recovery_{row}_k"),
            "kntc_returned_vnd": k("kntc_returned_complaint_k") if row == "complaint" else 0,
            "kntc_admin_handling_persons": c(f"kntc_admin_{row}"),
            "kntc_referred_cases": c("kntc_referred_denunciation") if row != "complaint" else 0,
        }
    required = c("asset_declarations_required")
    corruption = c("corruption_cases")
    e = {
        "publicity_checks": c("publicity_checks"),
        "asset_declarations_required": required,
        "asset_declarations_done": required - required // 200,
        "asset_verifications": c("asset_verifications"),
        "officials_rotated": c("officials_rotated"),
        "conduct_violations": c("conduct_violations"),
        "corruption_cases": corruption,
        "corruption_persons": corruption * 2,
        "heads_held_responsible": c("heads_held_responsible"),
        "corruption_recovered_vnd": k("corruption_recovered_k"),
    }
    return {"A": {"": a}, "B": {"": b}, "C": {"": petitions}, "D": d, "E": {"": e}}


def _state(unit: str, year: int, quarter: int) -> str | None:
    """The demo state of a report; None = not started."""
    if year < 2026 or quarter <= 2:
        return State.APPROVED
    if quarter == 3:
        return STATES_2026_Q3.get(unit)
    return State.DRAFT if unit in DRAFTS_2026_Q4 else None


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def load_reports() -> None:
    """Create the demo reports that do not exist yet (idempotent)."""
    units = {u.code: u for u in Unit.objects.filter(code__in=[*UNIT_WEIGHTS, "tuyenquang"])}
    users = {u.username: u for u in User.objects.filter(role=User.Role.LEADER)}
    existing = set(
        QuarterlyReport.objects.filter(unit__in=units.values()).values_list(
            "unit__code", "year", "quarter"
        )
    )
    plan = []  # (unit code, year, quarter, state)
    for year in YEAR_FACTORS:
        for code in members(year):
            for quarter in range(1, 5):
                state = _state(code, year, quarter)
                if state is not None and (code, year, quarter) not in existing:
                    plan.append((code, year, quarter, state))
    if not plan:
        return

    reports, events, rows_by_model = [], [], {}
    deadlines = {year: periods_of_year(year) for year in YEAR_FACTORS}
    for code, year, quarter, state in plan:
        period = deadlines[year][f"q{quarter}"]
        leader = users.get(f"{code}.leader")
        lead = users.get(f"{LEADS[year][0]}.leader")
        late = (code, year, quarter) in LATE
        submitted_at = _at(period.unit_deadline + dt.timedelta(days=2 if late else -2))
        values = report_values(code, year, quarter)
        if state == State.DRAFT and (code, year, quarter) != ("dienbien", 2026, 3):
            values = {s: (rows if s in ("A", "B") else {}) for s, rows in values.items()}
        report = QuarterlyReport(
            unit=units[code],
            year=year,
            quarter=quarter,
            state=state,
            version=3 if state != State.DRAFT else 2,
        )
        if state != State.DRAFT:
            report.submitted_at, report.submitted_by = submitted_at, leader
            events.append((report, ReportEvent.Action.SUBMITTED, leader, submitted_at, ""))
        note = WARNED.get((code, year, quarter))
        if note:
            found = validation.warnings(validation.check_values(values))
            report.warnings = [issue.as_dict() for issue in found]
            report.warnings_comment = note
            report.warnings_acknowledged_by = leader
            report.warnings_acknowledged_at = submitted_at
            events[-1] = (report, ReportEvent.Action.SUBMITTED, leader, submitted_at, note)
        if state == State.APPROVED:
            report.approved_at = submitted_at + dt.timedelta(days=3)
            report.approved_by = lead
            events.append((report, ReportEvent.Action.APPROVED, lead, report.approved_at, ""))
        if state == State.RETURNED:
            report.return_reason = RETURN_REASON
            returned_at = submitted_at + dt.timedelta(days=2)
            events.append((report, ReportEvent.Action.RETURNED, lead, returned_at, RETURN_REASON))
        reports.append(report)
        for section in report_sections():
            model = section.model_class()
            for row in section.row_keys:
                row_values = values.get(section.code, {}).get(row)
                if row_values is None:
                    continue
                obj = model(**row_values)
                if section.row_field:
                    setattr(obj, section.row_field, row)
                obj._history_date = submitted_at - dt.timedelta(days=1)
                obj._demo_report = report
                rows_by_model.setdefault(model, []).append(obj)

    bulk_create_with_history(reports, QuarterlyReport, batch_size=500)
    for model, objs in rows_by_model.items():
        for obj in objs:
            obj.report = obj._demo_report
        bulk_create_with_history(objs, model, batch_size=500)
    ReportEvent.objects.bulk_create(
        ReportEvent(report=report, action=action, by=by, at=at, comment=comment)
        for report, action, by, at, comment in events
    )
