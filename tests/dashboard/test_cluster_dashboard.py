"""The cluster dashboard (issue 6 item 1)."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from cum4.models import Unit
from cum4.reports.models import QuarterlyReport
from tests.exports.conftest import SEED_TOTALS
from tests.exports.factories import bulk_approved_reports, national_cluster

URL = "/clusters/cum-iv/2022/dashboard/"


def _tile(html: str, code: str) -> str:
    match = re.search(rf'data-testid="tile-{code}">([^<]*)<', html)
    assert match, code
    return match.group(1).strip()


@pytest.mark.django_db
def test_it_shows_the_seed_figures_in_vietnamese_formats(seed_2022, client_for, lead_2022):
    html = client_for(lead_2022).get(URL).content.decode()
    expected = {
        "insp_total": "1.902",
        "subjects_inspected": "7.539",
        "violation_land_m2": "49.424",
        "recovery_rate": "89,72%",
        "sanction_decisions": "1.510",
        "admin_handling_orgs": "36",
        "admin_handling_persons": "453",
        "reception_turns": "10.565",
        "reception_persons": "11.377",
        "petitions_received": "14.204",
        "petitions_eligible": "11.301",
        "cases_in_jurisdiction": "363",
        "cases_resolved": "321",
        "resolution_rate": "88,4%",
        "violation_vnd": "100,35 tỷ đồng",
        "recovered_vnd": "64,20 tỷ đồng",
    }
    assert {code: _tile(html, code) for code in expected} == expected
    assert "Chỉ tính số liệu đã được phê duyệt" in html
    assert "28 đã phê duyệt" in html


@pytest.mark.django_db
def test_it_counts_approved_reports_only_and_says_what_is_missing(seed_2022, client_for, lead_2022):
    QuarterlyReport.objects.filter(unit__code="sonla", quarter=1).update(
        state=QuarterlyReport.State.SUBMITTED
    )
    QuarterlyReport.objects.filter(unit__code="laichau", quarter=2).delete()
    html = client_for(lead_2022).get(URL).content.decode()
    assert _tile(html, "subjects_inspected") != "7.539"
    assert "26 đã phê duyệt, 1 đã gửi chờ phê duyệt, 1 chưa gửi" in html


@pytest.mark.django_db
def test_it_links_every_figure_to_its_reports(seed_2022, client_for, lead_2022):
    client = client_for(lead_2022)
    html = client.get(URL).content.decode()
    links = re.findall(r'href="(/clusters/cum-iv/2022/dashboard/sources/\?[^"]+)"', html)
    assert len(links) >= 18 + 7 * 10 + 10
    page = client.get(
        "/clusters/cum-iv/2022/dashboard/sources/?period=year&unit=sonla&code=subjects_inspected"
    )
    assert page.status_code == 200
    rows = re.findall(r"<tr>\s*<td>Thanh tra tỉnh Sơn La</td>", page.content.decode())
    assert len(rows) == 4


@pytest.mark.django_db
def test_it_compares_with_the_same_period_last_year(seed_2022, client_for, lead_2022, unit):
    from tests.exports.conftest import approve_year

    approve_year({u.code: u for u in Unit.objects.all()}, 2023, scale=2)
    html = client_for(lead_2022).get("/clusters/cum-iv/2023/dashboard/").content.decode()
    assert _tile(html, "insp_total") == "3.804"
    assert "+100,0% so với cùng kỳ năm trước" in html


@pytest.mark.django_db
def test_it_refuses_a_unit_outside_the_cluster_that_year(seed_2022, client_for):
    outsider = Unit.objects.get(code="tuyenquang").users.get(role="staff")
    assert client_for(outsider).get(URL).status_code == 403


@pytest.mark.django_db
def test_it_downloads_the_workbook_and_the_word_report(seed_2022, client_for, viewer):
    client = client_for(viewer)
    response = client.get("/clusters/cum-iv/2022/report.xlsx?period=year")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = {row[1].value: row[4].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    assert cells["insp_total"] == 1902
    response = client.get("/clusters/cum-iv/2022/report.docx?period=year")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert client.get("/clusters/cum-iv/2022/report.exe").status_code == 404


@pytest.mark.django_db
def test_it_runs_the_same_number_of_queries_for_7_and_34_units_and_1_and_10_years(
    seed_2022, client_for, lead_2022
):
    client = client_for(lead_2022)
    client.get(URL)  # warm the session and the permission caches
    cache.clear()  # measure the computing request, not the cached one
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    units = national_cluster(cluster_code="cum-iv", years=list(range(2013, 2023)), unit_count=34)
    bulk_approved_reports(
        [
            u
            for u in units
            if u.code
            not in {"caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"}
        ],
        [2022],
        SEED_TOTALS,
    )
    bulk_approved_reports(units, list(range(2013, 2022)), SEED_TOTALS)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r'href="/units/[a-z0-9]+/dashboard/', html)) == 34
    assert len(large.captured_queries) == len(small.captured_queries), [
        q["sql"][:120] for q in large.captured_queries
    ]
    # A ceiling too: the nav, the ranking extra and the pledge panel add their own queries.
    assert len(small.captured_queries) <= 25


@pytest.mark.django_db
def test_it_shows_a_workflow_step_at_once_in_the_same_number_of_queries(
    seed_2022, client_for, lead_2022
):
    # Issue 16 item 5: the figures are no longer cached (a cache keyed on the reports' rows
    # missed changes to the section rows), so a changed report costs what an unchanged one does.
    client = client_for(lead_2022)
    client.get(URL)
    with CaptureQueriesContext(connection) as unchanged:
        assert _tile(client.get(URL).content.decode(), "insp_total") == "1.902"
    report = QuarterlyReport.objects.get(unit__code="sonla", quarter=1)
    report.state = QuarterlyReport.State.SUBMITTED
    report.save()  # a workflow step saves the report (updated_at moves)
    with CaptureQueriesContext(connection) as changed:
        assert _tile(client.get(URL).content.decode(), "insp_total") != "1.902"
    assert len(changed.captured_queries) == len(unchanged.captured_queries)


def _workbook_insp_total(client) -> int:
    response = client.get("/clusters/cum-iv/2022/report.xlsx?period=year")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = {row[1].value: row[4].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    return cells["insp_total"]


@pytest.mark.django_db
def test_a_queryset_update_or_sql_on_an_approved_reports_section_row_shows_on_the_next_view(
    seed_2022, client_for, lead_2022
):
    """Issue 16 acceptance: no figure older than the data, whatever wrote it; the dashboard
    and the workbook agree."""
    client = client_for(lead_2022)
    assert _tile(client.get(URL).content.decode(), "insp_total") == "1.902"
    assert _workbook_insp_total(client) == 1902  # both warm, whatever they keep

    report = QuarterlyReport.objects.get(unit__code="sonla", year=2022, quarter=1)
    section = report.inspection_section
    model = type(section)
    updated_before = QuarterlyReport.objects.get(pk=report.pk).updated_at
    model.objects.filter(pk=section.pk).update(insp_carried_over=F("insp_carried_over") + 100)
    assert QuarterlyReport.objects.get(pk=report.pk).updated_at == updated_before  # no stamp moved
    assert _tile(client.get(URL).content.decode(), "insp_total") == "2.002"
    assert _workbook_insp_total(client) == 2002

    with connection.cursor() as cursor:  # a data fix typed in SQL
        cursor.execute(
            f"UPDATE {model._meta.db_table} SET insp_carried_over = insp_carried_over + 100 WHERE id = %s",
            [section.pk],
        )
    assert _tile(client.get(URL).content.decode(), "insp_total") == "2.102"
    assert _workbook_insp_total(client) == 2102


@pytest.mark.django_db
def test_a_change_of_lead_shows_at_once_despite_the_cached_figures(
    seed_2022, client_for, lead_2022
):
    from cum4.models import Membership

    client = client_for(lead_2022)

    def badges() -> dict[str, str]:
        html = client.get(URL).content.decode()
        return dict(
            re.findall(
                r'/units/([a-z]+)/dashboard/[^>]*>[^<]*</a> <span class="badge[^>]*>([^<]+)<', html
            )
        )

    assert badges() == {"langson": "trưởng cụm", "laichau": "phó trưởng cụm"}
    Membership.objects.filter(cluster_year__year=2022, unit__code="laichau").update(
        role=Membership.Role.MEMBER
    )  # no report moves: only the membership stamp can tell
    assert badges() == {"langson": "trưởng cụm"}


@pytest.mark.django_db
def test_it_is_linked_from_the_cluster_years_page(seed_2022, client_for, viewer):
    html = client_for(viewer).get("/clusters/cum-iv/2022/").content.decode()
    assert 'href="/clusters/cum-iv/2022/dashboard/"' in html
