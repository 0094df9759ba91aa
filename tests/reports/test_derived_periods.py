"""Derived periods from approved quarters only; the grid says when a quarter is missing."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from cum4.reports.models import QuarterlyReport
from cum4.reports.selectors import (
    cluster_period_figures,
    indicators,
    unit_period_figures,
    units_period_figures,
)
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


def _quarter(q: int) -> dict:
    values = valid_values(scale=q)  # Q1 ×1, Q2 ×2, … so each quarter is recognisable
    return values


@pytest.fixture
def sonla_2022(unit, lead_2022):
    sonla = unit("sonla")
    make_report(sonla, 2022, 1, "approved", _quarter(1), by=lead_2022)
    make_report(sonla, 2022, 2, "approved", _quarter(2), by=lead_2022)
    make_report(sonla, 2022, 3, "submitted", _quarter(3), by=lead_2022)  # not approved
    make_report(sonla, 2022, 4, "approved", _quarter(4), by=lead_2022)
    return sonla


def test_it_lists_every_code_then_the_derived_ones():
    codes = [i.code for i in indicators()]
    assert codes[0] == "insp_carried_over" and codes[21] == "reception_turns"
    assert codes[-5:] == [
        "insp_total", "cases_in_jurisdiction", "recovery_rate", "resolution_rate", "on_time_rate"
    ]
    assert len(codes) == 21 + 5 + 8 + 12 + 10 + 5


def test_it_sums_approved_quarters_with_the_q1_opening_and_leaves_out_the_rest(sonla_2022):
    figures = unit_period_figures(unit=sonla_2022, year=2022, period="year")
    assert figures.approved_quarters == (1, 2, 4)
    assert not figures.complete
    v = figures.values
    assert v["insp_new"] == 10 * (1 + 2 + 4)  # Q3 (submitted) left out
    assert v["insp_carried_over"] == 2  # the opening of Q1, not a sum
    assert v["insp_total"] == 2 + 70
    assert v["cases_carried_over"] == 2 * 2  # both rows of section D, Q1
    assert v["cases_in_jurisdiction"] == 4 + 2 * 4 * 7
    # Rates are recomputed from the sums, never averaged.
    assert v["recovery_rate"] == Decimal("90.00")
    assert v["resolution_rate"] == (Decimal(2 * 5 * 7) * 100 / Decimal(4 + 56)).quantize(
        Decimal("0.01")
    )


def test_it_takes_the_opening_of_the_first_quarter_of_a_6_or_9_month_period(sonla_2022):
    six = unit_period_figures(unit=sonla_2022, year=2022, period="6m")
    assert six.complete and six.values["insp_new"] == 30
    assert six.values["petitions_carried_over"] == 10
    q2 = unit_period_figures(unit=sonla_2022, year=2022, period="q2")
    assert q2.values["petitions_carried_over"] == 20


def test_it_counts_nothing_for_a_unit_without_approved_reports(unit):
    figures = unit_period_figures(unit=unit("caobang"), year=2022, period="year")
    assert figures.approved_quarters == ()
    assert figures.values["insp_new"] is None and figures.values["recovery_rate"] is None


def test_it_totals_the_cluster_from_the_units(sonla_2022, cluster_2022, unit, lead_2022):
    make_report(unit("laocai"), 2022, 1, "approved", valid_values(), by=lead_2022)
    figures = cluster_period_figures(cluster_year=cluster_2022, period="year")
    assert len(figures.units) == 7 and not figures.complete
    assert figures.totals["insp_new"] == 70 + 10
    assert figures.totals["recovery_rate"] == Decimal("90.00")


def test_it_reads_many_units_in_a_constant_number_of_queries(
    sonla_2022, unit, django_assert_num_queries
):
    units = [unit(code) for code in ("sonla", "laocai", "caobang", "dienbien")]
    cache.clear()
    with django_assert_num_queries(2):  # reports + every section model's sums in one
        units_period_figures(units=units[:1], year=2022, period="year")
    cache.clear()
    with django_assert_num_queries(2):
        units_period_figures(units=units, year=2022, period="year")
    with django_assert_num_queries(2):  # read afresh: never older than the data (issue 16)
        units_period_figures(units=units, year=2022, period="year")


def test_the_cached_values_follow_a_workflow_step_and_a_changed_value(
    sonla_2022, unit, lead_2022
):
    sonla = unit("sonla")
    first = units_period_figures(units=[sonla], year=2022, period="year")[sonla.pk]
    report = QuarterlyReport.objects.get(unit=sonla, year=2022, quarter=3)
    from cum4.reports.services import report_approve

    report_approve(report=report, by=lead_2022)  # submitted until now
    added = units_period_figures(units=[sonla], year=2022, period="year")[sonla.pk]
    assert added.approved_quarters == (1, 2, 3, 4) != first.approved_quarters
    section = QuarterlyReport.objects.get(unit=sonla, year=2022, quarter=1).inspection_section
    section.policy_recommendations += 1000  # saved outside the workflow: the report's updated_at moves too
    section.save()
    changed = units_period_figures(units=[sonla], year=2022, period="year")[sonla.pk]
    assert changed.values["policy_recommendations"] == added.values["policy_recommendations"] + 1000


def test_it_shows_in_the_grid_that_an_unapproved_quarter_is_left_out(
    sonla_2022, client_for, lead_2022
):
    response = client_for(lead_2022).get(reverse("reports:grid_year", args=["cum-iv", 2022]))
    assert response.status_code == 200
    row = next(r for r in response.context["rows"] if r.unit.code == "sonla")
    assert row.approved_quarters == (1, 2, 4)
    assert [c.state for c in row.cells] == ["approved", "approved", "submitted", "approved"]
    assert "3/4" in response.content.decode()


def test_it_ignores_changes_to_a_returned_report_until_approved_again(
    sonla_2022, lead_2022
):
    from cum4.reports.models import QuarterlyReport

    QuarterlyReport.objects.filter(unit=sonla_2022, year=2022, quarter=2).update(
        state="returned"
    )
    figures = unit_period_figures(unit=sonla_2022, year=2022, period="6m")
    assert figures.approved_quarters == (1,) and figures.values["insp_new"] == 10
    assert copy.deepcopy(figures.values)["insp_carried_over"] == 2
