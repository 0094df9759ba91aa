"""The status grid and the report page cost the same number of queries at two data sizes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import now

from cum4.models import Unit
from cum4.reports.models import ReportEvent
from cum4.reports.services import report_approve
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _fill(units, years, lead):
    for unit in units:
        for year in years:
            for quarter in range(1, 5):
                make_report(unit, year, quarter, "approved", valid_values(), by=lead)


def test_it_draws_the_status_grid_in_a_constant_number_of_queries(client_for, lead_2022):
    client = client_for(lead_2022)
    url = reverse("reports:grid_year", args=["cum-iv", 2022])
    _fill(Unit.objects.filter(code="sonla"), [2022], lead_2022)
    small = _queries(client, url)
    _fill(Unit.objects.exclude(code="sonla"), [2022, 2023, 2024], lead_2022)
    _fill(Unit.objects.filter(code="sonla"), [2023, 2024], lead_2022)
    assert _queries(client, url) == small


def test_it_draws_the_report_page_in_a_constant_number_of_queries(
    client_for, lead_2022, leader_sonla, unit
):
    sonla = unit("sonla")
    report = make_report(sonla, 2024, 2, "submitted", valid_values(), by=leader_sonla)
    report_approve(report=report, by=leader_sonla)  # Sơn La leads the cluster in 2024
    client = client_for(leader_sonla)
    url = reverse("reports:detail", args=[report.pk])
    small = _queries(client, url)
    # Years of history (the outlier check reads it), other units' reports, and more events.
    _fill([sonla], [2022, 2023], lead_2022)
    _fill(Unit.objects.exclude(code="sonla"), [2022, 2023, 2024], lead_2022)
    for _ in range(5):
        ReportEvent.objects.create(report=report, action="approved", by=lead_2022, at=now())
    assert _queries(client, url) == small
