"""Generate the national-scale data set in the database of DATABASE_URL (run by hand).

34 provincial inspectorates in 6 emulation clusters, 10 years (2016–2025) of approved
quarterly reports, the demo users, 3.000 staff with their assignments, titles and
commendation decisions, and every cluster year scored on the sample criteria table (when the
emulation models are installed). Bulk inserts: no history rows and no workflow events, which
the pages measured do not read.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cum4_bench \
        .venv/bin/python benchmarks/generate.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cum4 import demo  # noqa: E402
from cum4.models import Cluster, ClusterYear, Membership, Unit  # noqa: E402
from cum4.reports.models import QuarterlyReport  # noqa: E402
from cum4.reports.sections import report_sections  # noqa: E402

YEARS = list(range(2016, 2026))
UNIT_COUNT = 34
CLUSTER_COUNT = 6
STAFF_COUNT = 3000
# One consistent quarter (every rule holds; multiples of it hold too): the seed year / 4.
QUARTER = {
    "insp_carried_over": 78, "insp_new": 400, "insp_planned": 280, "insp_unplanned": 120,
    "insp_concluded": 410, "subjects_inspected": 1880, "subjects_violating": 550,
    "violation_vnd": 25_000_000_000, "violation_land_m2": 12_356,
    "recovery_recommended_vnd": 17_890_000_000, "recovery_recommended_land_m2": 2_470,
    "other_economic_vnd": 3_100_000_000, "recovered_vnd": 16_050_000_000,
    "recovered_land_m2": 1_780, "sanction_decisions": 377, "sanction_vnd": 6_575_000_000,
    "admin_handling_orgs": 9, "admin_handling_persons": 113, "referred_cases": 2,
    "referred_persons": 4, "policy_recommendations": 10,
    "reception_turns": 2_641, "reception_persons": 2_844, "reception_cases": 1_853,
    "crowd_delegations": 14, "leader_reception_sessions": 151,
    "petitions_carried_over": 102, "petitions_received": 3_551, "petitions_complaint": 780,
    "petitions_denunciation": 351, "petitions_proposal": 2_420, "petitions_eligible": 2_825,
    "petitions_in_jurisdiction": 511, "petitions_out_jurisdiction": 2_314,
    "cases_carried_over": 11, "cases_new": 80, "cases_resolved": 80,
    "cases_resolved_on_time": 75, "cases_withdrawn": 5, "findings_correct": 10,
    "findings_partly_correct": 15, "findings_incorrect": 50, "kntc_recovery_vnd": 312_000_000,
    "kntc_returned_vnd": 160_000_000, "kntc_admin_handling_persons": 7, "kntc_referred_cases": 0,
    "publicity_checks": 50, "asset_declarations_required": 2_280,
    "asset_declarations_done": 2_280, "asset_verifications": 33, "officials_rotated": 100,
    "conduct_violations": 2, "corruption_cases": 1, "corruption_persons": 2,
    "heads_held_responsible": 1, "corruption_recovered_vnd": 525_000_000,
}


def units_and_clusters() -> dict[str, list[Unit]]:
    """The demo's cluster IV and units, 25 more provinces and 5 more clusters, 2016–2025."""
    demo.load_core()
    # Yên Bái merged into Lào Cai in 2025 and was never in a cluster here: 34 without it.
    units = list(Unit.objects.exclude(code="yenbai").order_by("code"))
    for index in range(len(units), UNIT_COUNT):
        units.append(
            Unit.objects.get_or_create(
                code=f"tinh{index:02d}",
                defaults={"name": f"Thanh tra tỉnh Số {index:02d}", "province": f"Số {index:02d}"},
            )[0]
        )
    cluster_iv = [u for u in units if u.code in {c for c, _p, _r in demo.UNITS}]
    others = [u for u in units if u not in cluster_iv]
    groups = {demo.CLUSTER_CODE: cluster_iv}
    size = -(-len(others) // (CLUSTER_COUNT - 1))
    for number in range(CLUSTER_COUNT - 1):
        groups[f"cum-{number + 1}"] = others[number * size:(number + 1) * size]
    for code, members in groups.items():
        cluster, _ = Cluster.objects.get_or_create(code=code, defaults={"name": f"Cụm {code}"})
        for year in YEARS:
            cluster_year, _ = ClusterYear.objects.get_or_create(cluster=cluster, year=year)
            if cluster_year.memberships.exists():
                continue
            Membership.objects.bulk_create(
                Membership(
                    cluster_year=cluster_year, unit=unit,
                    role=Membership.Role.LEAD if index == year % len(members) else
                    Membership.Role.MEMBER,
                )
                for index, unit in enumerate(members)
            )
    return groups


def approved_reports(units: list[Unit]) -> int:
    """Approved Q1–Q4 of every unit and year: each quarter a multiple (1–3) of QUARTER."""
    done = set(QuarterlyReport.objects.values_list("unit_id", "year", "quarter"))
    now = timezone.now()
    rng = random.Random(30)
    reports = QuarterlyReport.objects.bulk_create(
        [
            QuarterlyReport(
                unit=unit, year=year, quarter=quarter, state=QuarterlyReport.State.APPROVED,
                submitted_at=now, approved_at=now,
            )
            for unit in units
            for year in YEARS
            for quarter in range(1, 5)
            if (unit.pk, year, quarter) not in done
        ],
        batch_size=1000,
    )
    factors = {report.pk: rng.randint(1, 3) for report in reports}
    for section in report_sections():
        model = section.model_class()
        rows = []
        for report in reports:
            values = {code: QUARTER[code] * factors[report.pk] for code in section.codes}
            if section.row_field:
                for index, key in enumerate(section.row_keys):
                    row_values = values if index == 0 else dict.fromkeys(values, 0)
                    rows.append(model(report=report, **{section.row_field: key}, **row_values))
            else:
                rows.append(model(report=report, **values))
        model.objects.bulk_create(rows, batch_size=2000)
    return len(reports)


def staff_titles_and_decisions(units: list[Unit]) -> str:
    if not apps.is_installed("emulation"):
        return "emulation not installed"
    try:
        from emulation.awards.models import Award, Decision, DecisionItem
        from emulation.staff.models import StaffAssignment, StaffMember
    except ImportError:
        return "staff models not in this build"
    if StaffMember.objects.count() >= STAFF_COUNT:
        return "staff already generated"
    people = StaffMember.objects.bulk_create(
        StaffMember(code=f"cb{index:05d}", full_name=f"Cán bộ {index:05d}", birth_year=1965 + index % 35)
        for index in range(STAFF_COUNT)
    )
    StaffAssignment.objects.bulk_create(
        StaffAssignment(
            staff_member=person, unit=units[index % len(units)], position="Thanh tra viên",
            start=dt.date(2010 + index % 10, 1, 1),
        )
        for index, person in enumerate(people)
    )
    person_awards = list(
        Award.objects.filter(subject__in=["individual", "both"]).values_list("code", flat=True)
    )
    unit_awards = list(
        Award.objects.filter(subject__in=["collective", "both"]).values_list("code", flat=True)
    )
    if not person_awards:
        return f"{len(people)} staff (no award catalogue to grant titles from)"
    items = []
    for year in YEARS:
        decision = Decision.objects.create(
            number=f"{year}/QĐ-TTCP", date=dt.date(year + 1, 1, 15),
            authority="Tổng Thanh tra Chính phủ", method=Decision.Method.REGULAR, year=year,
        )
        # A tenth of the staff each year receive a title (the ones whose number fits the year).
        for index, person in enumerate(people):
            if index % 10 == year % 10:
                items.append(DecisionItem(
                    decision=decision, award_id=person_awards[index % len(person_awards)],
                    unit=units[index % len(units)], staff_member=person,
                ))
        if unit_awards:
            items.extend(
                DecisionItem(decision=decision, award_id=unit_awards[0], unit=unit)
                for unit in units
            )
    DecisionItem.objects.bulk_create(items, batch_size=2000)
    return f"{len(people)} staff, {len(items)} titles in {len(YEARS)} decisions"


def scoring(groups: dict[str, list[Unit]]) -> str:
    """Every cluster year scored on the sample criteria table: self, review and agreed scores
    of every member; years before the last final with a ballot per member, the last in
    review. The ranking page then reads what a real year holds (its indicator criteria from
    the approved reports)."""
    if not apps.is_installed("emulation"):
        return "emulation not installed"
    from cum4.models import User
    from emulation.scoring.models import CriteriaTable, NominationBallot, Score, ScoringRound
    from emulation.scoring.selectors import table_tree
    from emulation.scoring.services.criteria import criteria_table_create_sample

    rng = random.Random(6)
    voter = User.objects.filter(is_superuser=True).first() or User.objects.first()
    scores, ballots, years = [], [], 0
    for code, members in groups.items():
        for cluster_year in ClusterYear.objects.filter(cluster__code=code, year__in=YEARS):
            if CriteriaTable.objects.filter(cluster_year=cluster_year).exists():
                continue
            years += 1
            criteria_table_create_sample(cluster_year=cluster_year)
            final = cluster_year.year < YEARS[-1]
            ScoringRound.objects.update_or_create(
                cluster_year=cluster_year,
                defaults={
                    "phase": ScoringRound.Phase.FINAL if final else ScoringRound.Phase.REVIEW,
                    "finalised_at": timezone.now() if final else None,
                },
            )
            # A final year's indicator points are frozen as agreed scores (scoring_finalise);
            # a year in review computes them from the approved reports.
            criteria = [c for c in table_tree(cluster_year=cluster_year).criteria
                        if final or not c.is_computed]
            for unit in members:
                strength = Decimal(rng.randint(80, 98)) / 100
                for criterion in criteria:
                    points = (criterion.max_points * strength).quantize(Decimal("0.5"))
                    if criterion.method == "deduction":
                        points = Decimal(rng.randint(0, 1))
                    scores.append(Score(
                        unit=unit, criterion=criterion, self_score=points,
                        review_score=points, agreed_score=points if final else None,
                    ))
                if final and voter is not None:
                    nominee = rng.choice([m for m in members if m.pk != unit.pk])
                    ballots.append(NominationBallot(
                        cluster_year=cluster_year, voter=unit, nominee=nominee, cast_by=voter,
                    ))
    Score.objects.bulk_create(scores, batch_size=2000)
    NominationBallot.objects.bulk_create(ballots, batch_size=2000)
    return f"{years} cluster years scored ({len(scores)} scores, {len(ballots)} ballots)"


def main() -> None:
    started = time.perf_counter()
    with transaction.atomic():
        groups = units_and_clusters()
        units = [unit for members in groups.values() for unit in members]
        created = approved_reports(units)
        staff = staff_titles_and_decisions(units)
        scored = scoring(groups)
    if connection.vendor == "postgresql":
        # Bulk inserts leave the planner without statistics until autovacuum comes round:
        # measure with the statistics a database in use has.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{len(units)} units in {len(groups)} clusters, years {YEARS[0]}–{YEARS[-1]}: "
        f"{created} approved reports created; {staff}; {scored}; "
        f"{time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
