"""The cluster's figures summed by year in the database (the dashboard's chart of the years)
equal the sum of each year's members' approved figures (issue 16 item 7)."""

from __future__ import annotations

import pytest

from cum4.models import ClusterYear, Membership
from cum4.periods import PERIOD_QUARTERS
from cum4.reports.models import QuarterlyReport
from cum4.reports.selectors import approved_figures, sum_figures
from cum4.reports.year_totals import cluster_year_totals
from tests.exports.conftest import SEED_TOTALS
from tests.exports.factories import bulk_approved_reports, national_cluster

# Charted codes, a derived sum, a rate, an opening and a code of section D (two rows).
CODES = (
    "insp_total",
    "subjects_inspected",
    "reception_turns",
    "petitions_received",
    "cases_resolved",
    "resolution_rate",
    "insp_carried_over",
)


@pytest.mark.django_db
def test_the_year_totals_equal_the_sum_of_each_years_members_figures():
    years = [2020, 2021, 2022]
    units = national_cluster(cluster_code="cum-t", years=years, unit_count=4)
    # Figures of their own for each unit and year (scaled, so the report's rules still hold).
    for index, unit in enumerate(units):
        for year in years:
            factor = index + 1 + year % 3
            bulk_approved_reports([unit], [year], {k: v * factor for k, v in SEED_TOTALS.items()})
    # The last unit leaves the cluster in 2021 (its reports still there); a report not approved.
    leaver = units[-1]
    Membership.objects.filter(unit=leaver, cluster_year__year=2021).delete()
    QuarterlyReport.objects.filter(unit=units[0], year=2022, quarter=2).update(
        state=QuarterlyReport.State.SUBMITTED
    )
    members = {
        cy.year: [m.unit_id for m in cy.memberships.all()]
        for cy in ClusterYear.objects.filter(cluster__code="cum-t").prefetch_related("memberships")
    }
    assert leaver.pk not in members[2021] and leaver.pk in members[2022]
    for period, quarters in PERIOD_QUARTERS.items():
        by_unit = approved_figures(unit_ids=[u.pk for u in units], years=years, quarters=quarters)
        totals = cluster_year_totals(unit_ids_by_year=members, quarters=quarters, codes=CODES)
        for year in years:
            expected = sum_figures(by_unit.get((unit_id, year), {}) for unit_id in members[year])
            assert {code: totals[year][code] for code in CODES} == {
                code: expected[code] for code in CODES
            }, (period, year)
            assert expected["insp_total"] and expected["resolution_rate"] is not None
