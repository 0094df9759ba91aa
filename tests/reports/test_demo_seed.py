"""The demo reproduces the seed article's 2022 figures from approved quarterly reports."""

from __future__ import annotations

import io
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import call_command

from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.sections import report_sections
from cum4.reports.selectors import report_issues

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--quiet-logins", stdout=io.StringIO())


def _report(*args) -> dict:
    out = io.StringIO()
    call_command("cluster_report", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_reproduces_every_figure_of_the_seed_for_2022(demo):
    data = _report("--year", "2022", "--format", "json")
    assert (data["cluster"], data["year"], data["period"]) == ("cum-iv", 2022, "year")
    t = data["totals"]
    exact = {
        "insp_total": 1902,
        "subjects_inspected": 7539,
        "violation_land_m2": 49424,
        "recovery_recommended_land_m2": 9895,
        "sanction_decisions": 1510,
        "admin_handling_orgs": 36,
        "admin_handling_persons": 453,
        "reception_turns": 10565,
        "reception_persons": 11377,
        "petitions_received": 14204,
        "petitions_eligible": 11301,
        "cases_in_jurisdiction": 363,
        "cases_resolved": 321,
    }
    assert {code: t[code] for code in exact} == exact
    assert 100_000_000_000 < t["violation_vnd"] < 101_000_000_000
    assert 71_500_000_000 < t["recovery_recommended_vnd"] < 71_600_000_000
    assert 64_200_000_000 < t["recovered_vnd"] < 64_300_000_000
    assert 26_000_000_000 < t["sanction_vnd"] < 27_000_000_000
    assert t["recovery_rate"] == 89.72
    assert Decimal(str(t["resolution_rate"])).quantize(Decimal("0.1"), ROUND_HALF_UP) == Decimal(
        "88.4"
    )
    assert data["complete"] is True
    assert sorted(u["unit"] for u in data["units"]) == [
        "caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"
    ]
    # The units add up to the totals, and every code of the dictionary is in the JSON.
    assert sum(u["figures"]["insp_total"] for u in data["units"]) == 1902
    codes = {spec.code for s in report_sections() for spec in s.indicators}
    assert codes | {"insp_total", "cases_in_jurisdiction", "recovery_rate", "resolution_rate",
                    "on_time_rate"} == set(t)


def test_it_writes_the_report_to_a_file_and_for_a_quarter(demo, tmp_path):
    target = tmp_path / "q1.json"
    call_command(
        "cluster_report", "--year", "2022", "--period", "q1", "--cluster", "cum-iv",
        "--format", "json", "--output", str(target), stderr=io.StringIO(),
    )
    data = json.loads(target.read_text())
    assert data["period"] == "q1"
    assert all(u["approved_quarters"] == [1] for u in data["units"])


def test_it_leaves_unapproved_2026_reports_out(demo):
    data = _report("--year", "2026", "--period", "9m")
    assert data["complete"] is False
    dienbien = next(u for u in data["units"] if u["unit"] == "dienbien")
    assert dienbien["approved_quarters"] == [1, 2]


def test_it_loads_the_demo_twice_to_the_same_rows(demo):
    def counts():
        models = [QuarterlyReport, ReportEvent, QuarterlyReport.history.model]
        for section in report_sections():
            models += [section.model_class(), section.model_class().history.model]
        return {m.__name__: m.objects.count() for m in models}

    before = counts()
    call_command("load_demo", "--quiet-logins", stdout=io.StringIO())
    assert counts() == before


def test_it_has_reports_in_every_state_with_no_rule_broken(demo):
    states = set(QuarterlyReport.objects.values_list("state", flat=True))
    assert states == {"draft", "submitted", "returned", "approved"}
    assert QuarterlyReport.objects.filter(state="returned").exclude(return_reason="").exists()
    acknowledged = QuarterlyReport.objects.exclude(warnings=[]).exclude(warnings_comment="")
    assert acknowledged.filter(state="approved").exists()
    # Every approved or submitted demo report passes every rule, including the opening
    # balance against the previous quarter and the outlier check; only the acknowledged
    # ones carry warnings.
    for report in QuarterlyReport.objects.exclude(state="draft").select_related("unit"):
        issues = report_issues(report)
        assert not [i for i in issues if i.level == "error"], report
        warned = [i.rule for i in issues if i.level == "warning"]
        assert warned == [w["rule"] for w in report.warnings], (report, warned)


def test_it_gives_every_unit_its_own_profile_no_two_alike(demo):
    units = _report("--year", "2022", "--format", "json")["units"]
    for code in ("recovery_rate", "resolution_rate", "on_time_rate", "insp_total",
                 "reception_turns", "violation_land_m2"):
        values = [u["figures"][code] for u in units]
        assert len(set(values)) == len(values), (code, values)
    # Shares differ by family: the largest unit by inspections is not the largest by
    # reception or by land.
    def largest(code: str) -> str:
        return max(units, key=lambda u: u["figures"][code])["unit"]

    assert len({largest("insp_total"), largest("reception_turns"), largest("violation_vnd")}) > 1


def test_it_gives_no_two_demo_profiles_the_same_share_of_any_family():
    from cum4.reports.demo.profiles import PROFILES

    families = ("size", "money", "recovery", "land", "land_recovery", "reception", "petitions",
                "eligible", "cases", "resolution", "officials")
    for name in families:
        values = [getattr(profile, name) for profile in PROFILES.values()]
        assert len(set(values)) == len(values), (name, values)
