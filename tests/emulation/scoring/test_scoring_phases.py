"""Phases: who may write what follows the phase; others' scores stay hidden until the review
closes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from emulation.scoring.models import CrossReview, Score, ScoringRound
from tests.emulation.scoring_fixtures import D, leader_of, set_phase, set_scores, staff_of

pytestmark = pytest.mark.django_db


def _sheet(code: str) -> str:
    return reverse("emulation:score_sheet", args=["cum-iv", 2022, code])


def test_it_lets_a_unit_self_score_while_self_scoring_is_open(client_for, staff_laichau,
                                                              cluster_2022, scoring_table):
    t = scoring_table
    set_phase(cluster_2022, "self")
    response = client_for(staff_laichau).post(_sheet("laichau"), {
        "action": "self", f"self_{t['a'].pk}": "35", f"note_{t['a'].pk}": "Đạt kế hoạch",
        f"self_{t['b'].pk}": "10"})
    assert response.status_code == 302
    score = Score.objects.get(unit__code="laichau", criterion=t["a"])
    assert (score.self_score, score.self_note) == (D(35), "Đạt kế hoạch")
    assert score.history.count() == 1  # audited


def test_it_refuses_a_yes_no_score_between_the_two_values(client_for, staff_laichau,
                                                          cluster_2022, scoring_table):
    set_phase(cluster_2022, "self")
    response = client_for(staff_laichau).post(_sheet("laichau"), {
        "action": "self", f"self_{scoring_table['b'].pk}": "4"})
    assert response.status_code == 400
    assert "0 hoặc 10" in response.content.decode() or "0 or 10" in response.content.decode()
    assert not Score.objects.filter(criterion=scoring_table["b"]).exists()


def test_it_refuses_self_scores_once_the_review_has_started(client_for, staff_laichau,
                                                           cluster_2022, scoring_table, unit):
    t = scoring_table
    set_scores(unit("laichau"), {t["a"]: 20}, layer="self_score")
    set_phase(cluster_2022, "review")
    response = client_for(staff_laichau).post(_sheet("laichau"), {
        "action": "self", f"self_{t['a'].pk}": "40"})
    assert response.status_code == 400
    assert Score.objects.get(unit__code="laichau", criterion=t["a"]).self_score == D(20)


def test_it_refuses_a_review_score_from_the_lead_during_self_scoring(client_for, lead_2022,
                                                                     cluster_2022,
                                                                     scoring_table):
    t = scoring_table
    set_phase(cluster_2022, "self")
    response = client_for(lead_2022).post(_sheet("laichau"), {
        "action": "review", f"review_{t['a'].pk}": "30"})
    assert response.status_code == 400
    assert "review phase" in response.content.decode() or "thẩm định" in response.content.decode()
    assert not Score.objects.filter(criterion=t["a"], review_score__isnull=False).exists()


def test_it_lets_the_lead_review_and_agree_in_the_review_phase(client_for, lead_2022,
                                                               cluster_2022, scoring_table):
    t = scoring_table
    set_phase(cluster_2022, "review")
    response = client_for(lead_2022).post(_sheet("laichau"), {
        "action": "review", f"review_{t['a'].pk}": "30", f"agreed_{t['a'].pk}": "32",
        f"anote_{t['a'].pk}": "Thống nhất"})
    assert response.status_code == 302
    score = Score.objects.get(unit__code="laichau", criterion=t["a"])
    assert (score.review_score, score.agreed_score) == (D(30), D(32))


def test_it_lets_only_the_assigned_peer_review_a_unit(client_for, cluster_2022, scoring_table,
                                                      unit):
    t = scoring_table
    CrossReview.objects.create(cluster_year=cluster_2022, unit=unit("laichau"),
                               reviewer=unit("sonla"))
    set_phase(cluster_2022, "review")
    peer = client_for(staff_of("sonla"))
    response = peer.post(_sheet("laichau"), {
        "action": "review", f"review_{t['a'].pk}": "25", f"agreed_{t['a'].pk}": "40"})
    assert response.status_code == 302
    score = Score.objects.get(unit__code="laichau", criterion=t["a"])
    assert score.review_score == D(25)
    assert score.agreed_score is None  # only the lead agrees
    assert peer.get(_sheet("caobang")).status_code == 403


def test_it_hides_other_units_scores_until_the_review_closes(client_for, cluster_2022,
                                                             scoring_table, viewer):
    staff = client_for(staff_of("caobang"))
    ranking = reverse("emulation:ranking", args=["cum-iv", 2022])
    for phase in (ScoringRound.Phase.SELF, ScoringRound.Phase.REVIEW):
        set_phase(cluster_2022, phase)
        assert staff.get(_sheet("laichau")).status_code == 403
        assert staff.get(ranking).status_code == 403
        assert client_for(viewer).get(_sheet("laichau")).status_code == 403
        assert staff.get(_sheet("caobang")).status_code == 200
    set_phase(cluster_2022, "vote")
    assert staff.get(_sheet("laichau")).status_code == 200
    assert staff.get(ranking).status_code == 200
    assert client_for(viewer).get(ranking).status_code == 200


def test_it_lets_only_the_lead_set_the_phase(client_for, cluster_2022, scoring_table,
                                            lead_2022):
    url = reverse("emulation:scoring_phase", args=["cum-iv", 2022])
    assert client_for(leader_of("sonla")).post(url, {"phase": "review"}).status_code == 403
    assert client_for(lead_2022).post(url, {"phase": "review"}).status_code == 302
    assert ScoringRound.objects.get(cluster_year=cluster_2022).phase == "review"
    # "final" is reached only by finalising
    client_for(lead_2022).post(url, {"phase": "final"})
    assert ScoringRound.objects.get(cluster_year=cluster_2022).phase == "review"


def test_it_refuses_a_save_over_a_newer_change_showing_both_versions(
        client_for, staff_laichau, leader_laichau, cluster_2022, scoring_table):
    t = scoring_table
    set_phase(cluster_2022, "self")
    client = client_for(staff_laichau)
    client.post(_sheet("laichau"), {"action": "self", f"self_{t['a'].pk}": "20"})
    page = client.get(_sheet("laichau")).content.decode()
    stamp = re.search(r'name="stamp" value="([^"]*)"', page).group(1)
    # Meanwhile the unit's leader saves another value.
    client_for(leader_laichau).post(_sheet("laichau"), {
        "action": "self", f"self_{t['a'].pk}": "30", "stamp": stamp})
    response = client.post(_sheet("laichau"), {
        "action": "self", f"self_{t['a'].pk}": "25", "stamp": stamp})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="25"' in body  # what was typed is kept…
    assert 'data-testid="saved-self-a"' in body and "30,00" in body  # …beside what is saved
    assert Score.objects.get(unit__code="laichau", criterion=t["a"]).self_score == D(30)


def test_it_flags_a_score_that_lacks_required_evidence(client_for, staff_laichau, cluster_2022,
                                                       scoring_table):
    t = scoring_table
    t["a"].evidence_required = True
    t["a"].save()
    set_phase(cluster_2022, "self")
    client = client_for(staff_laichau)
    client.post(_sheet("laichau"), {"action": "self", f"self_{t['a'].pk}": "20"})
    assert 'data-testid="missing-evidence"' in client.get(_sheet("laichau")).content.decode()
