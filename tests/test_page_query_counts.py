"""Issue 16 item 7: each page people use costs the same number of queries when the units and
the years double (build the data, count, double it, count). The page cache is off: these are
the queries of a rendered page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import Unit, User
from cum4.reports.services import report_mark_ready
from tests.exports.conftest import SEED_TOTALS
from tests.exports.factories import bulk_approved_reports, national_cluster
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

YEAR = 2022  # the demo's seed year: Lạng Sơn leads, Lai Châu is deputy


def _pages(staff, leader, lead, draft, submitted, approved) -> list[tuple[str, User, str]]:
    unit = staff.unit
    return [
        ("report form (staff, draft)", staff, reverse("reports:detail", args=[draft.pk])),
        ("report form (leader, ready)", leader, reverse("reports:detail", args=[draft.pk])),
        ("report form (lead, submitted)", lead, reverse("reports:detail", args=[submitted.pk])),
        ("report form (lead, approved)", lead, reverse("reports:detail", args=[approved.pk])),
        ("home (staff)", staff, "/"),
        ("home (leader)", leader, "/"),
        ("home (lead)", lead, "/"),
        ("my reports", staff, reverse("reports:list")),
        ("cluster dashboard", lead,
         reverse("cum4:dashboard_cluster", args=["cum-iv", YEAR]) + "?period=year"),
        ("unit dashboard", staff, reverse("cum4:dashboard_unit", args=[unit.code])),
        ("status grid", lead, reverse("reports:grid_year", args=["cum-iv", YEAR])),
    ]


def _count(client, path: str) -> int:
    client.get(path)  # the session and anything a first visit sets up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries.captured_queries)


def _counts(clients, pages) -> dict[str, int]:
    return {name: _count(clients[user.pk], path) for name, user, path in pages}


@override_settings(PAGE_CACHE=False)
def test_every_page_costs_the_same_queries_when_units_and_years_double(
    client_for, staff_laichau, leader_laichau, lead_2022
):
    units = national_cluster(cluster_code="cum-iv", years=[YEAR - 1, YEAR], unit_count=9)
    bulk_approved_reports(units, [YEAR - 1], SEED_TOTALS)
    laichau = staff_laichau.unit
    bulk_approved_reports([u for u in units if u != laichau], [YEAR], SEED_TOTALS)
    # Lai Châu's year: Q1 approved, Q2 submitted to the lead, Q3 a draft marked ready.
    approved = make_report(laichau, YEAR, 1, "approved", valid_values(), by=leader_laichau)
    submitted = make_report(laichau, YEAR, 2, "submitted", valid_values(), by=leader_laichau)
    draft = make_report(laichau, YEAR, 3, values=valid_values())
    report_mark_ready(report=draft, by=staff_laichau)
    pages = _pages(staff_laichau, leader_laichau, lead_2022, draft, submitted, approved)
    clients = {user.pk: client_for(user) for _n, user, _p in pages}
    small = _counts(clients, pages)

    years = list(range(YEAR - 3, YEAR + 1))  # twice the years
    doubled = national_cluster(cluster_code="cum-iv", years=years, unit_count=18)
    assert Unit.objects.count() >= 18
    bulk_approved_reports(doubled[9:], years, SEED_TOTALS)
    bulk_approved_reports(units, [YEAR - 3, YEAR - 2], SEED_TOTALS)
    large = _counts(clients, pages)

    assert large == small, (small, large)
    # And a ceiling, so that a constant count stays a small one.
    assert max(small.values()) <= 25, small


@override_settings(PAGE_CACHE=False)
def test_the_leads_report_view_and_the_unit_dashboard_stay_under_their_ceilings(
    client_for, staff_laichau, leader_laichau, lead_2022
):
    """The pages that cost over 3× the floor (issue 16 item 7). Before: the lead's view of
    an approved or submitted report read the values and the history section by section (18
    queries on the benchmark's data), the unit dashboard its tasks app by app (21), then its
    figures section by section (17); the cluster dashboard its figures section by section (13);
    the lead's home read the years its unit leads in a query of their own."""
    laichau = staff_laichau.unit
    bulk_approved_reports([laichau], [YEAR - 1], SEED_TOTALS)
    approved = make_report(laichau, YEAR, 1, "approved", valid_values(), by=leader_laichau)
    submitted = make_report(laichau, YEAR, 2, "submitted", valid_values(), by=leader_laichau)
    lead, staff = client_for(lead_2022), client_for(staff_laichau)
    counts = {
        "approved": _count(lead, reverse("reports:detail", args=[approved.pk])),
        "submitted": _count(lead, reverse("reports:detail", args=[submitted.pk])),
        "unit dashboard": _count(staff, reverse("cum4:dashboard_unit", args=[laichau.code])),
        "cluster dashboard": _count(
            lead, reverse("cum4:dashboard_cluster", args=["cum-iv", YEAR]) + "?period=year"
        ),
        "lead's home": _count(lead, "/"),
    }
    assert counts["approved"] <= 8, counts
    assert counts["submitted"] <= 8, counts
    assert counts["unit dashboard"] <= 13, counts
    assert counts["cluster dashboard"] <= 10, counts
    # The lead's home reads the years its unit leads from the memberships its tasks read (11).
    assert counts["lead's home"] <= 10, counts
