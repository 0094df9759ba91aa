"""Totals: bonus capped, deductions subtracted, never below 0; indicator criteria follow the
APPROVED year figures and ignore drafts."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from cum4.reports.models import QuarterlyReport
from emulation.scoring import selectors
from emulation.scoring.models import Criterion
from inspections.models import InspectionSection
from tests.emulation.scoring_fixtures import D, set_phase, set_scores

pytestmark = pytest.mark.django_db


def _row(cluster_year, code):
    return next(r for r in selectors.ranking(cluster_year=cluster_year).rows
                if r.unit.code == code)


def test_it_caps_the_bonus_and_subtracts_deductions(cluster_2022, scoring_table, unit):
    t = scoring_table
    set_scores(unit("laichau"), {t["a"]: 40, t["b"]: 10, t["c"]: 50, t["b1"]: 4, t["b2"]: 4})
    row = _row(cluster_2022, "laichau")
    assert row.total == D("105")  # 100 + bonus 8 capped at 5
    assert row.groups == {"g1": D("50"), "g2": D("50"), "bonus": D("5"), "minus": D("0")}

    set_scores(unit("laichau"), {t["d1"]: 7})
    row = _row(cluster_2022, "laichau")
    assert row.total == D("98")
    assert row.groups["minus"] == D("-7")


def test_it_never_lets_a_total_fall_below_zero(cluster_2022, scoring_table, unit):
    t = scoring_table
    set_scores(unit("sonla"), {t["a"]: 0, t["c"]: 1, t["d1"]: 20})
    assert _row(cluster_2022, "sonla").total == D("0")


def test_it_counts_the_review_score_when_no_agreed_score_is_set(cluster_2022, scoring_table,
                                                                 unit):
    t = scoring_table
    set_scores(unit("caobang"), {t["a"]: 30}, layer="review_score")
    assert _row(cluster_2022, "caobang").total == D("30")
    set_scores(unit("caobang"), {t["a"]: 35})
    assert _row(cluster_2022, "caobang").total == D("35")


def test_it_shows_the_total_on_the_ranking_page(client_for, lead_2022, cluster_2022,
                                                 scoring_table, unit):
    t = scoring_table
    set_scores(unit("laichau"), {t["a"]: 40, t["b"]: 10, t["c"]: 50, t["b1"]: 4, t["b2"]: 4,
                                 t["d1"]: 2})
    response = client_for(lead_2022).get(reverse("emulation:ranking", args=["cum-iv", 2022]))
    assert response.status_code == 200
    assert "103,00" in response.content.decode()


def test_it_shows_running_totals_of_what_is_typed(client_for, staff_laichau, cluster_2022,
                                                  scoring_table):
    t = scoring_table
    set_phase(cluster_2022, "self")
    response = client_for(staff_laichau).post(
        reverse("emulation:sheet_totals", args=["cum-iv", 2022, "laichau"]),
        {"action": "self", f"self_{t['a'].pk}": "12,5", f"self_{t['b1'].pk}": "4",
         f"self_{t['b2'].pk}": "4", f"self_{t['d1'].pk}": "1"},
    )
    assert response.status_code == 200
    # 12,5 + bonus 5 (capped) − 1
    assert "16,50" in response.content.decode()


# ---------------------------------------------------------------- indicator criteria


def _indicator(cluster_2022):
    group = cluster_2022.criteria_table.groups.get(code="g1")
    return Criterion.objects.create(group=group, code="rr", name="Tỷ lệ thu hồi", position=9,
                                    max_points=D(10), method=Criterion.Method.INDICATOR,
                                    indicator_code="recovery_rate", target=D(80))


def _report(unit, quarter, state, recommended, recovered):
    approved = state == QuarterlyReport.State.APPROVED
    report = QuarterlyReport.objects.create(unit=unit, year=2022, quarter=quarter, state=state,
                                            approved_at=timezone.now() if approved else None,
                                            submitted_at=timezone.now() if approved else None)
    InspectionSection.objects.create(report=report, recovery_recommended_vnd=recommended,
                                     recovered_vnd=recovered)
    return report


def test_it_scores_an_indicator_from_approved_figures_only(cluster_2022, scoring_table, unit,
                                                          client_for, staff_laichau):
    laichau = unit("laichau")
    criterion = _indicator(cluster_2022)
    approved = _report(laichau, 1, QuarterlyReport.State.APPROVED, 1000, 500)
    # 50% against a target of 80%: 10 × 50 / 80
    assert _row(cluster_2022, "laichau").groups["g1"] == D("6.25")

    # A draft of another quarter with nothing recovered does not count.
    _report(laichau, 2, QuarterlyReport.State.DRAFT, 100000, 0)
    assert _row(cluster_2022, "laichau").groups["g1"] == D("6.25")

    # The approved figure changes: the score follows (full points at or above the target).
    section = approved.inspection_section
    section.recovered_vnd = 900
    section.save()
    assert _row(cluster_2022, "laichau").groups["g1"] == D("10")

    # The sheet shows the figure behind the points.
    response = client_for(staff_laichau).get(
        reverse("emulation:score_sheet", args=["cum-iv", 2022, "laichau"]))
    body = response.content.decode()
    assert 'data-testid="figure-rr">90,00' in body
    assert criterion.name in body


def test_it_freezes_indicator_points_when_the_year_is_final(cluster_2022, scoring_table, unit):
    from emulation.scoring.services.vote import scoring_finalise

    laichau = unit("laichau")
    _indicator(cluster_2022)
    approved = _report(laichau, 1, QuarterlyReport.State.APPROVED, 1000, 400)
    set_phase(cluster_2022, "vote")
    scoring_finalise(cluster_year=cluster_2022, merit_units=[], by=None)
    assert _row(cluster_2022, "laichau").groups["g1"] == D("5")
    section = approved.inspection_section
    section.recovered_vnd = 1000
    section.save()
    assert _row(cluster_2022, "laichau").groups["g1"] == D("5")
