"""The pledge page: who sees it, who writes it, only the lead judges, and its query count."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from emulation.movements.models import ManualJudgement, Pledge, PledgeTarget
from emulation.movements.services import manual_target_judge
from tests.emulation.movements.pledge_builders import (
    extra_members,
    indicator_target,
    manual_target,
    pledge_for,
    quarter_report,
)

pytestmark = pytest.mark.django_db


def _url(year: int = 2022) -> str:
    return reverse("emulation:pledge_detail", args=["cum-iv", year])


def _judge_url(target: PledgeTarget, code: str) -> str:
    return reverse("emulation:pledge_target_judge", args=[target.pk, code])


def test_it_lets_the_cluster_lead_judge_a_manual_target(client_for, lead_2022, cluster_2022, unit):
    target = manual_target(pledge_for(cluster_2022, unit("langson")))
    response = client_for(lead_2022).post(
        _judge_url(target, "sonla"), {"status": "met", "evidence": "Báo cáo tổng kết năm."}
    )
    assert response.status_code == 302
    judgement = ManualJudgement.objects.get(target=target, unit=unit("sonla"))
    assert (judgement.status, judgement.judged_by) == ("met", lead_2022)


@pytest.mark.parametrize("persona", ["leader_sonla", "staff_laichau", "secretariat", "viewer"])
def test_it_refuses_judging_to_anyone_but_the_lead(request, client_for, persona, cluster_2022, unit):
    user = request.getfixturevalue(persona)
    target = manual_target(pledge_for(cluster_2022, unit("langson")))
    response = client_for(user).post(_judge_url(target, "sonla"), {"status": "met", "evidence": "x"})
    assert response.status_code == 403
    assert not ManualJudgement.objects.exists()
    with pytest.raises(PermissionDenied):
        manual_target_judge(target=target, unit=unit("sonla"), status="met", evidence="x", by=user)


def test_it_refuses_the_lead_of_another_year(client_for, cluster_2022, unit, core):
    # Lào Cai leads 2023, not 2022.
    from cum4.models import User

    laocai_leader = User.objects.get(username="laocai.leader")
    target = manual_target(pledge_for(cluster_2022, unit("langson")))
    response = client_for(laocai_leader).post(_judge_url(target, "sonla"), {"status": "met", "evidence": "x"})
    assert response.status_code == 403


def test_it_asks_for_evidence_when_a_target_is_met(client_for, lead_2022, cluster_2022, unit):
    target = manual_target(pledge_for(cluster_2022, unit("langson")))
    response = client_for(lead_2022).post(_judge_url(target, "sonla"), {"status": "met", "evidence": ""})
    assert response.status_code == 400
    assert "Hãy nêu căn cứ" in response.content.decode()
    assert not ManualJudgement.objects.exists()


def test_it_never_judges_an_indicator_target_by_hand(client_for, lead_2022, cluster_2022, unit):
    target = indicator_target(pledge_for(cluster_2022, unit("langson")))
    response = client_for(lead_2022).post(_judge_url(target, "sonla"), {"status": "met", "evidence": "x"})
    assert response.status_code == 400
    assert not ManualJudgement.objects.exists()


def test_it_lets_the_lead_record_the_pledge_and_add_targets(client_for, lead_2022, cluster_2022, unit):
    client = client_for(lead_2022)
    response = client.post(
        _url(),
        {"signed_on": "2022-03-18", "host_unit": unit("langson").pk, "theme": "Siết chặt kỷ cương",
         "document_number": "01/GƯ-CTĐ"},
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get(cluster_year=cluster_2022)
    target_url = reverse("emulation:pledge_target_add", args=["cum-iv", 2022])
    client.post(target_url, {"title": "Giải quyết KNTC", "kind": "indicator",
                             "indicator_code": "resolution_rate", "comparator": "ge",
                             "threshold": "85", "period": "year"})
    client.post(target_url, {"title": "Sai mã", "kind": "indicator", "indicator_code": "nonsense",
                             "comparator": "ge", "threshold": "85", "period": "year"})
    assert list(pledge.targets.values_list("indicator_code", flat=True)) == ["resolution_rate"]


def test_it_refuses_the_pledge_form_to_a_member(client_for, leader_sonla, cluster_2022, unit):
    response = client_for(leader_sonla).post(
        _url(), {"signed_on": "2022-03-18", "host_unit": unit("sonla").pk, "theme": "x"}
    )
    assert response.status_code == 403
    assert not Pledge.objects.exists()


def test_it_shows_members_and_viewers_the_progress_matrix(client_for, staff_laichau, viewer, cluster_2022, unit):
    pledge = pledge_for(cluster_2022, unit("langson"))
    indicator_target(pledge)
    manual_target(pledge)
    for user in (staff_laichau, viewer):
        response = client_for(user).get(_url())
        assert response.status_code == 200
        body = response.content.decode()
        assert 'data-testid="pledge-matrix"' in body
        assert body.count('data-status="unknown"') == 2 * 7
        assert "Đánh giá" not in body  # the judge links are the lead's


def _fill(cluster_2022, unit, units) -> None:
    pledge = pledge_for(cluster_2022, unit("langson"))
    indicator_target(pledge, "resolution_rate", period="year")
    indicator_target(pledge, "resolution_rate", period="6m", threshold=80)
    target = manual_target(pledge)
    for member in units:
        for quarter in (1, 2):
            quarter_report(member, 2022, quarter, resolved=9, in_jurisdiction=10)
        ManualJudgement.objects.create(target=target, unit=member, status="met", evidence="x")


def test_it_keeps_the_query_count_whatever_the_number_of_units(
    client_for, lead_2022, cluster_2022, unit, django_assert_num_queries
):
    from cum4.selectors import memberships_of

    client = client_for(lead_2022)
    client.get(_url())  # warm the session and caches
    members = [m.unit for m in memberships_of(cluster_year=cluster_2022)]
    _fill(cluster_2022, unit, members)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(_url()).status_code == 200
    more = extra_members(cluster_2022, 5)
    for member in more:
        for quarter in (1, 2):
            quarter_report(member, 2022, quarter, resolved=9, in_jurisdiction=10)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(_url())
    assert response.content.decode().count("<tr>") >= 12


def test_it_exports_the_matrix_to_excel(client_for, viewer, cluster_2022, unit):
    pledge = pledge_for(cluster_2022, unit("langson"))
    indicator_target(pledge)
    response = client_for(viewer).get(reverse("emulation:pledge_export", args=["cum-iv", 2022]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "resolution_rate ≥ 85 (Năm)" in values
    assert "Thanh tra tỉnh Sơn La" in values


@pytest.mark.parametrize(
    ("persona", "status"),
    [("lead_2022", 200), ("leader_sonla", 200), ("secretariat", 200), ("staff_laichau", 403),
     ("viewer", 403)],
)
def test_it_serves_a_judgements_evidence_file_to_the_unit_the_lead_and_the_secretariat(
    request, client_for, lead_2022, persona, status, cluster_2022, unit
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    target = manual_target(pledge_for(cluster_2022, unit("langson")))
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client_for(lead_2022).post(
        _judge_url(target, "sonla"), {"status": "met", "evidence": "", "evidence_file": upload}
    )
    judgement = ManualJudgement.objects.get()
    assert judgement.evidence_file.name.endswith(".pdf")
    assert "bien-ban" not in judgement.evidence_file.name  # stored under a random name
    url = reverse("emulation:pledge_judgement_evidence", args=[judgement.pk])
    response = client_for(request.getfixturevalue(persona)).get(url)
    assert response.status_code == status


def test_it_stores_the_signed_pledge_and_refuses_a_fake_one(client_for, lead_2022, viewer, cluster_2022, unit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"signed_on": "2022-03-18", "host_unit": unit("langson").pk, "theme": "Chủ đề"}
    client = client_for(lead_2022)
    fake = SimpleUploadedFile("giao-uoc.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(_url(), {**data, "document": fake})
    assert response.status_code == 400
    assert "không đúng với phần mở rộng .pdf" in response.content.decode()
    genuine = SimpleUploadedFile("giao-uoc.pdf", b"%PDF-1.7 signed", content_type="application/pdf")
    assert client.post(_url(), {**data, "document": genuine}).status_code == 302
    download = client_for(viewer).get(reverse("emulation:pledge_document", args=["cum-iv", 2022]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 signed"


def test_it_adds_the_pledge_and_movements_to_the_cluster_report_and_dashboard(
    client_for, lead_2022, cluster_2022
):
    import json

    from cum4.reports.selectors import cluster_report_data
    from emulation.movements import demo as demo_pledges

    demo_pledges.load()
    data = json.loads(json.dumps(cluster_report_data(cluster_year=cluster_2022, period="year")))
    assert data["pledge"]["signed_on"] == "2022-03-18"
    assert [t["indicator_code"] for t in data["pledge"]["targets"]][:2] == ["resolution_rate", "recovery_rate"]
    assert len(data["pledge"]["units"]) == 7
    assert {m["name"] for m in data["movements"]} >= {"Doanh nghiệp Việt Nam hội nhập và phát triển"}
    response = client_for(lead_2022).get(reverse("cum4:dashboard_cluster", args=["cum-iv", 2022]))
    assert response.status_code == 200
    assert 'data-testid="pledge-panel"' in response.content.decode()


def test_it_flags_a_pledge_signed_after_the_deadline(client_for, viewer, cluster_2022, unit):
    import datetime as dt

    pledge = pledge_for(cluster_2022, unit("langson"))
    client = client_for(viewer)
    assert 'data-testid="signed-late"' not in client.get(_url()).content.decode()
    pledge.signed_on = dt.date(2022, 3, 28)
    pledge.save()
    body = client.get(_url()).content.decode()
    assert 'data-testid="signed-late"' in body and "25/03/2022" in body


def test_it_lists_the_pledge_movements_and_statistics_among_the_years_pages(client_for, lead_2022, cluster_2022):
    body = client_for(lead_2022).get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2022])).content.decode()
    for name in ("pledge_detail", "movement_list", "statistics"):
        assert reverse(f"emulation:{name}", args=["cum-iv", 2022]) in body
