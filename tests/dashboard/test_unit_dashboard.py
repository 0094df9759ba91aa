"""The unit dashboard (issue 6 item 2): one unit over the years, and its open tasks."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cum4.models import Unit
from tests.exports.conftest import SEED_TOTALS
from tests.exports.factories import bulk_approved_reports

URL = "/units/laichau/dashboard/"


@pytest.mark.django_db
def test_it_shows_the_unit_over_the_years_in_vietnamese_formats(
    seed_2022, client_for, staff_laichau
):
    bulk_approved_reports([Unit.objects.get(code="laichau")], [2023], SEED_TOTALS)
    html = client_for(staff_laichau).get(URL).content.decode()
    years = re.findall(r"<tr>\s*<td>(20\d\d)</td>", html)
    assert years == ["2023", "2022"]
    assert "1.902" in html  # 2023 holds the whole cluster's seed figures for this unit
    assert "+" in html and "%" in html
    changes = re.findall(r'<div class="small text-muted">([^<]+)</div>', html)
    assert changes and all(c.startswith(("+", "−", "±")) for c in changes)
    assert "Chỉ tính số liệu đã được phê duyệt" in html
    assert "Việc đang mở" in html


@pytest.mark.django_db
def test_it_shows_approved_figures_but_not_the_tasks_to_another_unit(
    seed_2022, client_for, leader_sonla
):
    response = client_for(leader_sonla).get(URL)
    assert response.status_code == 200
    assert "Việc đang mở" not in response.content.decode()


@pytest.mark.django_db
def test_it_runs_the_same_number_of_queries_for_1_and_10_years(
    seed_2022, client_for, staff_laichau
):
    client = client_for(staff_laichau)
    client.get(URL)
    with CaptureQueriesContext(connection) as one_year:
        client.get(URL)
    bulk_approved_reports(
        [Unit.objects.get(code="laichau")], list(range(2013, 2022)), SEED_TOTALS
    )
    with CaptureQueriesContext(connection) as ten_years:
        html = client.get(URL).content.decode()
    assert len(re.findall(r"<tr>\s*<td>(20\d\d)</td>", html)) == 10
    assert len(ten_years.captured_queries) == len(one_year.captured_queries)


@pytest.mark.django_db
def test_a_queryset_update_of_an_approved_section_row_shows_on_the_next_unit_dashboard(
    seed_2022, client_for, staff_laichau
):
    """Issue 16 items 5 and 7: the table is rendered once per content, keyed on the figures
    read afresh, so a change no stamp follows (a queryset update()) shows at once."""
    from django.db.models import F

    from cum4.reports.models import QuarterlyReport

    unit = Unit.objects.get(code="laichau")
    bulk_approved_reports([unit], [2023], SEED_TOTALS)
    client = client_for(staff_laichau)
    assert "1.902" in client.get(URL).content.decode()  # the 2023 row, rendered and kept
    section = QuarterlyReport.objects.get(unit=unit, year=2023, quarter=1).inspection_section
    type(section).objects.filter(pk=section.pk).update(
        insp_carried_over=F("insp_carried_over") + 100
    )
    html = client.get(URL).content.decode()
    assert "2.002" in html and "1.902" not in html
