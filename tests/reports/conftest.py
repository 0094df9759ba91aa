"""Report fixtures: complete valid values and reports in a given state."""

from __future__ import annotations

import pytest
from django.utils import timezone

from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import report_sections
from cum4.reports.services import _write_values


def valid_values(scale: int = 1) -> dict:
    """A complete report that every rule accepts (no errors, no warnings)."""
    a = {
        "insp_carried_over": 2, "insp_new": 10, "insp_planned": 7, "insp_unplanned": 3,
        "insp_concluded": 8, "subjects_inspected": 40, "subjects_violating": 12,
        "violation_vnd": 5_000_000_000, "violation_land_m2": 1000,
        "recovery_recommended_vnd": 3_000_000_000, "recovery_recommended_land_m2": 200,
        "other_economic_vnd": 500_000_000, "recovered_vnd": 2_700_000_000,
        "recovered_land_m2": 150, "sanction_decisions": 20, "sanction_vnd": 300_000_000,
        "admin_handling_orgs": 1, "admin_handling_persons": 6, "referred_cases": 1,
        "referred_persons": 2, "policy_recommendations": 1,
    }
    b = {"reception_turns": 100, "reception_persons": 120, "reception_cases": 60,
         "crowd_delegations": 1, "leader_reception_sessions": 3}
    c = {"petitions_carried_over": 10, "petitions_received": 150, "petitions_complaint": 40,
         "petitions_denunciation": 20, "petitions_proposal": 90, "petitions_eligible": 150,
         "petitions_in_jurisdiction": 30, "petitions_out_jurisdiction": 120}
    d = {"cases_carried_over": 2, "cases_new": 4, "cases_resolved": 5,
         "cases_resolved_on_time": 5, "cases_withdrawn": 1, "findings_correct": 1,
         "findings_partly_correct": 1, "findings_incorrect": 2, "kntc_recovery_vnd": 0,
         "kntc_returned_vnd": 0, "kntc_admin_handling_persons": 0, "kntc_referred_cases": 0}
    e = {"publicity_checks": 5, "asset_declarations_required": 300,
         "asset_declarations_done": 300, "asset_verifications": 3, "officials_rotated": 4,
         "conduct_violations": 0, "corruption_cases": 0, "corruption_persons": 0,
         "heads_held_responsible": 0, "corruption_recovered_vnd": 0}

    def scaled(values):
        return {k: v * scale for k, v in values.items()}

    return {
        "A": {"": scaled(a)}, "B": {"": scaled(b)}, "C": {"": scaled(c)},
        "D": {"complaint": scaled(d), "denunciation": scaled(d)}, "E": {"": scaled(e)},
    }


def post_data(values: dict, version: int) -> dict:
    """The entry page's POST for these values."""
    data = {"version": version}
    for section in report_sections():
        for row in section.row_keys:
            prefix = f"{section.code}-{row}" if row else section.code
            for code in section.codes:
                value = values.get(section.code, {}).get(row, {}).get(code)
                data[f"{prefix}-{code}"] = "" if value is None else str(value)
    return data


def make_report(unit, year, quarter, state="draft", values=None, by=None) -> QuarterlyReport:
    """A report in `state` with `values` (written while a draft, as the workflow would)."""
    now = timezone.now()
    report = QuarterlyReport.objects.create(unit=unit, year=year, quarter=quarter)
    if values is not None:
        _write_values(report, values)
    QuarterlyReport.objects.filter(pk=report.pk).update(
        state=state,
        submitted_at=now if state in ("submitted", "approved") else None,
        approved_at=now if state == "approved" else None,
        submitted_by=by, approved_by=by if state == "approved" else None,
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def values():
    return valid_values()
