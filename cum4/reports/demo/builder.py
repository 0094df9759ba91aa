"""Demo quarterly reports, 2022–2026, for the seven units of Cụm thi đua số IV.

2022 reproduces the seed article: the cluster's year figures computed from the approved
quarterly reports equal every exact figure it gives (1.902 inspections, 7.539 subjects,
49.424 m², 9.895 m², 1.510 decisions, 36 organisations, 453 persons, 10.565 turns, 11.377
citizens, 14.204 petitions, 11.301 eligible, 363 cases in jurisdiction, 321 resolved) and
lands inside its "above" ranges (violations 100–101 tỷ, recommended recovery 71,5–71,6 tỷ,
recovered 64,2–64,3 tỷ at a 89,72% recovery rate, fines 26–27 tỷ).

Year totals are shared across units by their profiles (`profiles.PROFILES`: size, money,
recovery, land, reception, petitions, cases, resolution …) and across quarters by each
unit's seasons, so every unit has its own figures and rates while the sums stay the seed's;
the pending cases of one quarter are the next quarter's opening. Later years grow with the
cluster and each unit's trend; 2025 and 2026 have reports in every state. Only missing
reports are created: loading twice leaves the same rows and writes no history.
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
from cum4.reports.demo.profiles import (
    CASES_CARRIED_2022,
    CASES_RESOLVED_2022,
    DRAFTS_2026_Q4,
    FAMILY,
    INSP_CARRIED_2022,
    LATE,
    PROFILES,
    RETURN_REASON,
    STATES_2026_Q3,
    TOTALS,
    WARNED,
    YEAR_FACTORS,
    Profile,
)
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.sections import report_sections

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
State = QuarterlyReport.State
FIRST_YEAR = 2022


def split(total: int, weights: Sequence[int]) -> list[int]:
    """`total` shared by `weights` in whole numbers that add up exactly (largest remainder)."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def members(year: int) -> list[str]:
    codes = ["laichau", "langson", "laocai", "sonla", "dienbien", "hagiang", "caobang"]
    if year >= 2025:
        codes[codes.index("hagiang")] = "tuyenquang"
    return codes


def _base(profile: Profile, family: str) -> float:
    """A unit's weight in a family of figures (money × recovery for the money recovered …)."""
    if family == "recovered":
        return profile.money * profile.recovery
    if family == "land_recovered":
        return profile.land * profile.land_recovery
    if family == "petitions_eligible":
        return profile.petitions * profile.eligible
    return getattr(profile, family)


def _weights(family: str, year: int, codes: Sequence[str]) -> list[int]:
    """The units' weights of a family in a year: their profile, moved by their trend."""
    return [
        round(_base(PROFILES[c], family) * (100 + PROFILES[c].trend * (year - FIRST_YEAR)) * 10)
        for c in codes
    ]


def _year_total(name: str, year: int) -> int:
    """The cluster total of a year: the seed's in 2022, then grown with the cluster and with
    its members' own trends (a larger member joining makes a larger cluster)."""
    if year == FIRST_YEAR:
        return TOTALS[name]
    family = FAMILY[name]
    grown = sum(_weights(family, year, members(year)))
    seed = sum(_weights(family, FIRST_YEAR, members(FIRST_YEAR)))
    return round(TOTALS[name] * YEAR_FACTORS[year] * grown / seed)


@cache
def _unit_year(name: str, year: int) -> dict[str, int]:
    codes = members(year)
    shares = split(_year_total(name, year), _weights(FAMILY[name], year, codes))
    return dict(zip(codes, shares, strict=True))


def cell(name: str, unit: str, year: int, quarter: int) -> int:
    """The quarter's share (the unit's own seasons) of a unit's share of a year total."""
    return split(_unit_year(name, year)[unit], PROFILES[unit].quarters)[quarter - 1]


def money(name: str, unit: str, year: int, quarter: int) -> int:
    return cell(name, unit, year, quarter) * 1000


def _opening_share(total: int, unit: str, family: str) -> int:
    """A unit's part of a 2022 opening; Tuyên Quang inherits Hà Giang's."""
    codes = members(FIRST_YEAR)
    shares = dict(zip(codes, split(total, _weights(family, FIRST_YEAR, codes)), strict=True))
    return shares[unit if unit != "tuyenquang" else "hagiang"]


@cache
def _resolved_2022(row: str) -> dict[str, int]:
    """The seed's resolved cases of 2022 shared by each unit's cases and resolution rate."""
    codes = members(FIRST_YEAR)
    in_jurisdiction = [
        _opening_share(CASES_CARRIED_2022[row], c, "cases")
        + sum(cell(f"cases_new_{row}", c, FIRST_YEAR, q) for q in range(1, 5))
        for c in codes
    ]
    weights = [round(n * PROFILES[c].resolution * 10) for c, n in zip(codes, in_jurisdiction, strict=True)]
    return dict(zip(codes, split(CASES_RESOLVED_2022[row], weights), strict=True))


@cache
def _cases(unit: str, row: str) -> dict[tuple[int, int], tuple[int, int, int]]:
    """(carried over, new, resolved) of a unit's section D row by (year, quarter).

    Pending cases roll over from quarter to quarter; each year resolves the unit's own share of
    what it had (2022: exactly the seed's 321 of 363 across the cluster).
    """
    profile = PROFILES[unit]
    first_year = 2025 if unit == "tuyenquang" else FIRST_YEAR
    pending = _opening_share(CASES_CARRIED_2022[row], unit, "cases")
    if unit == "tuyenquang":
        pending = max(1, pending // 2)
    result = {}
    for year in range(first_year, 2027):
        if unit == "hagiang" and year >= 2025:
            break
        new = [cell(f"cases_new_{row}", unit, year, q) for q in range(1, 5)]
        if year == FIRST_YEAR:
            target = _resolved_2022(row)[unit]
        else:
            target = round(profile.resolution / 100 * (pending + sum(new)))
        assert target <= pending + sum(new), (unit, row, year)
        planned = split(target, profile.quarters)
        short = 0
        for q in range(1, 5):
            available = pending + new[q - 1]
            resolved = min(available, planned[q - 1] + short)
            short = planned[q - 1] + short - resolved
            result[(year, q)] = (pending, new[q - 1], resolved)
            pending = available - resolved
    return result


def _late(unit: str, row: str, year: int, quarter: int) -> int:
    """Cases resolved late in a quarter: the unit's on-time rate over the year so far, so a
    few late cases show even where a quarter resolves only a handful."""
    cases = _cases(unit, row)
    done = [cases[(year, q)][2] for q in range(1, quarter + 1)]
    share = 1 - PROFILES[unit].on_time / 100
    return int(sum(done) * share) - int(sum(done[:-1]) * share)


@cache
def _insp_openings(unit: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(carried over, concluded) of section A by (year, quarter): the unit's pace of closing."""
    carried = _opening_share(INSP_CARRIED_2022, unit, "size")
    share = PROFILES[unit].concluded
    result = {}
    for year in range(FIRST_YEAR, 2027):
        for q in range(1, 5):
            if unit not in members(year):
                continue
            new = cell("insp_new", unit, year, q)
            concluded = (carried + new) * share // 100
            result[(year, q)] = (carried, concluded)
            carried = carried + new - concluded
    return result


def report_values(unit: str, year: int, quarter: int) -> validation.ReportValues:
    """The complete values of one demo report."""
    q = quarter
    profile = PROFILES[unit]

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
        "insp_planned": new * profile.planned // 100,
        "insp_unplanned": new - new * profile.planned // 100,
        "insp_concluded": concluded,
        "subjects_inspected": inspected,
        "subjects_violating": inspected * profile.violating // 100,
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
            "cases_resolved_on_time": resolved - _late(unit, row, year, q),
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
    units = {u.code: u for u in Unit.objects.filter(code__in=list(PROFILES))}
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
