"""The lead's year-end report page (issue 14): edit the number, date, signer and narrative."""

from __future__ import annotations

import pytest

from cum4.yearend.models import YearEndReport

URL = "/clusters/cum-iv/2022/year-end-report/"


@pytest.mark.django_db
def test_it_prefills_the_lead_unit_and_saves_with_history(
    cluster_2022, lead_2022, client_for, django_assert_max_num_queries
):
    client = client_for(lead_2022)
    with django_assert_max_num_queries(12):
        page = client.get(URL)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Lạng Sơn" in body and "CHÁNH THANH TRA TỈNH LẠNG SƠN" in body
    response = client.post(URL, {
        "parent_body": "Cụm thi đua số IV", "number": "25", "symbol": "BC-CTĐ",
        "issued_on": "2022-11-15", "place": "Lạng Sơn",
        "signer_title": "TRƯỞNG CỤM\nCHÁNH THANH TRA TỈNH LẠNG SƠN",
        "signer_name": "Nguyễn Văn An", "recipients": "- Lưu: VT.",
        "assessment": "Ưu điểm.", "limitations": "Hạn chế.", "lessons": "Bài học.",
        "next_year": "Phương hướng.", "proposals": "Kiến nghị.",
    })
    assert response.status_code == 302
    saved = YearEndReport.objects.get(cluster_year=cluster_2022)
    assert (saved.number, saved.signer_name, saved.updated_by) == ("25", "Nguyễn Văn An", lead_2022)
    client.post(URL, {"symbol": "BC-CTĐ", "limitations": "Hạn chế, đã sửa."})
    saved.refresh_from_db()
    assert saved.limitations == "Hạn chế, đã sửa."
    assert saved.history.count() == 2
    assert 'data-testid="year-end-history"' in client.get(URL).content.decode()


@pytest.mark.django_db
def test_it_is_the_leads_page_only(cluster_2022, leader_sonla, viewer, staff_laichau, client_for):
    for person in (leader_sonla, viewer, staff_laichau):
        assert client_for(person).get(URL).status_code == 403
        assert client_for(person).post(URL, {"number": "1"}).status_code == 403
    assert not YearEndReport.objects.exists()


@pytest.mark.django_db
def test_the_lead_page_links_to_it(cluster_2022, lead_2022, client_for):
    body = client_for(lead_2022).get("/clusters/cum-iv/2022/lead/").content.decode()
    assert 'data-testid="year-end-report-link"' in body and URL in body
