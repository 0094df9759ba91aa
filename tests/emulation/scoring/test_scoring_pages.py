"""Every scoring page renders for the personas who may see it (demo data), the home page
lists the unit's scoring tasks, and the score sheet keeps its query count as the table
grows."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import ClusterYear
from emulation.scoring.models import CriteriaGroup, Criterion, ScoreEvidence
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table, staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", quiet_logins=True)


PAGES_2022 = ["scoring_year", "criteria", "vote", "ranking", "complaints", "ranking_export",
              "criteria_export"]


def test_it_renders_every_scoring_page_of_the_demo(demo, client_for):
    from cum4.models import User

    # 2022 is final: every page, for the lead, a unit, the secretariat and the viewer.
    for username in ("langson.leader", "laichau.staff", "secretariat", "viewer"):
        client = client_for(User.objects.get(username=username))
        assert client.get(reverse("emulation:scoring_home")).status_code == 200
        for name in PAGES_2022:
            response = client.get(reverse(f"emulation:{name}", args=["cum-iv", 2022]))
            assert response.status_code == 200, (username, name)
        sheet = client.get(reverse("emulation:score_sheet", args=["cum-iv", 2022, "sonla"]))
        assert sheet.status_code == 200
        assert "Công tác thanh tra" in sheet.content.decode()

    # 2025 is in review: the lead sees everything and agrees scores; members see only
    # their own sheet; Cao Bằng cross-reviews Tuyên Quang (review scores, no agreed ones).
    lead = client_for(leader_of("dienbien"))
    for name in ("scoring_year", "ranking", "vote", "finalise"):
        assert lead.get(reverse(f"emulation:{name}", args=["cum-iv", 2025])).status_code == 200
    body = lead.get(reverse("emulation:score_sheet",
                            args=["cum-iv", 2025, "laocai"])).content.decode()
    assert 'name="agreed_' in body
    member = client_for(staff_of("sonla"))
    assert member.get(reverse("emulation:ranking", args=["cum-iv", 2025])).status_code == 403
    peer = client_for(staff_of("caobang"))
    body = peer.get(reverse("emulation:score_sheet",
                            args=["cum-iv", 2025, "tuyenquang"])).content.decode()
    assert 'name="review_' in body and 'name="agreed_' not in body


def test_it_lists_the_units_scoring_tasks_on_its_home_page(client_for, cluster_2022,
                                                           scoring_table):
    set_phase(cluster_2022, "self")
    body = client_for(staff_of("laichau")).get(reverse("cum4:home")).content.decode()
    assert reverse("emulation:score_sheet", args=["cum-iv", 2022, "laichau"]) in body
    set_phase(cluster_2022, "vote")
    body = client_for(leader_of("laichau")).get(reverse("cum4:home")).content.decode()
    assert reverse("emulation:vote", args=["cum-iv", 2022]) in body


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_it_keeps_the_score_sheet_query_count_as_the_table_grows(client_for, core, unit):
    y2024 = ClusterYear.objects.get(year=2024)
    t = small_table(y2024)
    set_phase(y2024, "review")
    set_scores(unit("laichau"), {t["a"]: 10})
    lead = client_for(leader_of("sonla"))
    url = reverse("emulation:score_sheet", args=["cum-iv", 2024, "laichau"])
    lead.get(url)
    small = _count(lead, url)
    group = CriteriaGroup.objects.get(table__cluster_year=y2024, code="g2")
    extra = [Criterion.objects.create(group=group, code=f"x{i}", name=f"Thêm {i}",
                                      position=20 + i, max_points=1) for i in range(10)]
    set_scores(unit("laichau"), dict.fromkeys(extra, 1))
    score = unit("laichau").scores.first()
    for i in range(3):
        ScoreEvidence.objects.create(score=score, file=f"evidence/x{i}.pdf",
                                     original_name=f"x{i}.pdf", size=1,
                                     uploaded_by=staff_of("laichau"))
    assert _count(lead, url) == small
