"""A cluster_report JSON (issue 3 item 9) whose 2022 totals are the seed article's figures.

The exports are written against this dict, so they can be tested without the reports package;
the end-to-end tests use the real `cluster_report_data` once it exists.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from cum4.exports.catalogue import RATE_CODES, export_indicators

UNITS = [
    ("caobang", "Thanh tra tỉnh Cao Bằng"),
    ("dienbien", "Thanh tra tỉnh Điện Biên"),
    ("hagiang", "Thanh tra tỉnh Hà Giang"),
    ("laichau", "Thanh tra tỉnh Lai Châu"),
    ("langson", "Thanh tra tỉnh Lạng Sơn"),
    ("laocai", "Thanh tra tỉnh Lào Cai"),
    ("sonla", "Thanh tra tỉnh Sơn La"),
]
WEIGHTS = [16, 13, 14, 12, 17, 15, 13]

# The seed's figures (indicators.md, "The seed year as a check"); the rest are believable.
SEED_TOTALS = {
    "insp_carried_over": 312,
    "insp_new": 1590,
    "insp_planned": 1101,
    "insp_unplanned": 489,
    "insp_concluded": 1650,
    "subjects_inspected": 7539,
    "subjects_violating": 2210,
    "violation_vnd": 100_350_000_000,
    "violation_land_m2": 49424,
    "recovery_recommended_vnd": 71_560_000_000,
    "recovery_recommended_land_m2": 9895,
    "other_economic_vnd": 12_400_000_000,
    "recovered_vnd": 64_203_632_000,
    "recovered_land_m2": 7120,
    "sanction_decisions": 1510,
    "sanction_vnd": 26_300_000_000,
    "admin_handling_orgs": 36,
    "admin_handling_persons": 453,
    "referred_cases": 9,
    "referred_persons": 14,
    "policy_recommendations": 41,
    "reception_turns": 10565,
    "reception_persons": 11377,
    "reception_cases": 7412,
    "crowd_delegations": 58,
    "leader_reception_sessions": 604,
    "petitions_carried_over": 410,
    "petitions_received": 14204,
    "petitions_complaint": 3120,
    "petitions_denunciation": 1406,
    "petitions_proposal": 9678,
    "petitions_eligible": 11301,
    "petitions_in_jurisdiction": 2044,
    "petitions_out_jurisdiction": 9257,
    "cases_carried_over": 45,
    "cases_new": 318,
    "cases_resolved": 321,
    "cases_resolved_on_time": 300,
    "cases_withdrawn": 21,
    "findings_correct": 40,
    "findings_partly_correct": 61,
    "findings_incorrect": 199,
    "kntc_recovery_vnd": 1_250_000_000,
    "kntc_returned_vnd": 640_000_000,
    "kntc_admin_handling_persons": 27,
    "kntc_referred_cases": 2,
    "publicity_checks": 198,
    "asset_declarations_required": 9120,
    "asset_declarations_done": 9120,
    "asset_verifications": 131,
    "officials_rotated": 402,
    "conduct_violations": 6,
    "corruption_cases": 4,
    "corruption_persons": 9,
    "heads_held_responsible": 3,
    "corruption_recovered_vnd": 2_100_000_000,
}


def _rate(numerator: int, denominator: int) -> str | None:
    if not denominator:
        return None
    percent = Decimal(numerator) * 100 / Decimal(denominator)
    # DjangoJSONEncoder writes a Decimal as a string; the exports accept strings and numbers.
    return str(percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def with_derived(values: dict) -> dict:
    out = dict(values)
    out["insp_total"] = values["insp_carried_over"] + values["insp_new"]
    out["cases_in_jurisdiction"] = values["cases_carried_over"] + values["cases_new"]
    out["recovery_rate"] = _rate(values["recovered_vnd"], values["recovery_recommended_vnd"])
    out["resolution_rate"] = _rate(values["cases_resolved"], out["cases_in_jurisdiction"])
    out["on_time_rate"] = _rate(values["cases_resolved_on_time"], values["cases_resolved"])
    return out


def _split(total: int) -> list[int]:
    parts = [total * weight // sum(WEIGHTS) for weight in WEIGHTS]
    parts[-1] += total - sum(parts)
    return parts


def _balance(values: dict) -> dict:
    """Parts that the rules tie to other parts are computed from them (the sums stay exact)."""
    values["insp_unplanned"] = values["insp_new"] - values["insp_planned"]
    values["petitions_proposal"] = (
        values["petitions_received"] - values["petitions_complaint"]
        - values["petitions_denunciation"]
    )
    values["petitions_out_jurisdiction"] = (
        values["petitions_eligible"] - values["petitions_in_jurisdiction"]
    )
    values["findings_incorrect"] = (
        values["cases_resolved"] - values["cases_withdrawn"] - values["findings_correct"]
        - values["findings_partly_correct"]
    )
    return values


def make_report_data(*, ranking: bool = True) -> dict:
    per_unit: list[dict] = [{} for _ in UNITS]
    for code, total in SEED_TOTALS.items():
        for index, part in enumerate(_split(total)):
            per_unit[index][code] = part
    per_unit = [_balance(values) for values in per_unit]
    data = {
        "cluster": "cum-iv",
        "year": 2022,
        "period": "year",
        "totals": with_derived(SEED_TOTALS),
        "units": [
            {"unit": code, "name": name, "figures": with_derived(figures)}
            for (code, name), figures in zip(UNITS, per_unit, strict=True)
        ],
    }
    if ranking:
        # The shapes of the scoring branch's "ranking" extra and of a "proposals" extra.
        data["ranking"] = [
            {"unit": "langson", "rank": 1, "total": 96.5, "groups": {"A": 60.0}, "votes": 6},
            {"unit": "laichau", "rank": 2, "total": 94.25, "groups": {"A": 58.0}, "votes": 1},
        ]
        data["proposals"] = [
            {"unit": "langson", "award": "Cờ thi đua của Thanh tra Chính phủ"},
            {"unit": "laichau", "award": "Bằng khen của Tổng Thanh tra Chính phủ"},
        ]
    return data


@pytest.fixture
def report_data() -> dict:
    assert {i.code for i in export_indicators()} >= set(SEED_TOTALS) | RATE_CODES
    return make_report_data()


# LibreOffice's CSV filter: comma, double quote, UTF-8 (76).
UTF8_CSV = "csv:Text - txt - csv (StarCalc):44,34,76"


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(path: Path, target: str) -> Path:
    """Convert with LibreOffice headless; skip when absent unless LIBREOFFICE_TESTS=1."""
    import os

    binary = libreoffice()
    if binary is None:
        if os.environ.get("LIBREOFFICE_TESTS") == "1":
            pytest.fail("LIBREOFFICE_TESTS=1 but soffice/libreoffice is not on PATH")
        pytest.skip("LibreOffice is not installed")
    out_dir = path.parent / "converted"
    profile = path.parent / "lo-profile"
    result = subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = out_dir / (path.stem + "." + target.split(":")[0])
    assert result.returncode == 0, result.stderr
    assert converted.exists() and converted.stat().st_size > 0, (result.stdout, result.stderr)
    return converted


# -- approved reports in the database --------------------------------------------------------


def approve_quarter(unit, year: int, quarter: int, flat: dict[str, int]):
    """An APPROVED quarterly report of `unit` holding `flat` (codes → values); section D's
    first row (complaints) holds the values, the second zeros."""
    from django.utils import timezone

    from cum4.reports.models import QuarterlyReport
    from cum4.reports.sections import report_sections

    now = timezone.now()
    report = QuarterlyReport.objects.create(
        unit=unit, year=year, quarter=quarter, state=QuarterlyReport.State.APPROVED,
        submitted_at=now, approved_at=now,
    )
    for section in report_sections():
        model = section.model_class()
        if section.row_field:
            keys = section.row_keys
            for index, key in enumerate(keys):
                values = {code: flat[code] if index == 0 else 0 for code in section.codes}
                model.objects.create(report=report, **{section.row_field: key}, **values)
        else:
            model.objects.create(report=report, **{code: flat[code] for code in section.codes})
    return report


def approve_year(units_by_code: dict, year: int = 2022, *, scale: int = 1) -> None:
    """Four approved quarters per unit whose year figures are the seed fixture's (× scale):
    Q1 holds the year's flows and Q2–Q4 none, so every quarter keeps the rules."""
    from cum4.reports.sections import OPENING, report_sections

    kinds = {spec.code: spec.kind for s in report_sections() for spec in s.indicators}
    data = make_report_data(ranking=False)
    for entry in data["units"]:
        unit = units_by_code[entry["unit"]]
        figures = {code: entry["figures"][code] * scale for code in kinds}
        for quarter in range(1, 5):
            flat = {}
            for code, kind in kinds.items():
                flat[code] = figures[code] if kind == OPENING or quarter == 1 else 0
            approve_quarter(unit, year, quarter, flat)


@pytest.fixture
def seed_2022(core, cluster_2022):
    """The 2022 cluster year with approved Q1–Q4 reproducing the seed's totals."""
    from cum4.models import Unit

    approve_year({unit.code: unit for unit in Unit.objects.all()}, 2022)
    return cluster_2022
