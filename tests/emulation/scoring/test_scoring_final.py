"""Finalising locks scores and votes and creates the proposals; complaints about results
within the rule's days; an accepted complaint reopens only that unit's review, on record."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from emulation.scoring.models import RankingProposal, ResultComplaint, Score, ScoringRound
from emulation.scoring.services.vote import ballot_cast
from emulation.staff.models import PendingComplaint
from tests.emulation.scoring_fixtures import D, leader_of, set_phase, set_scores

pytestmark = pytest.mark.django_db

FINALISED = dt.datetime(2022, 12, 9, 9, 0, tzinfo=dt.UTC)


def _url(name: str, *extra) -> str:
    return reverse(f"emulation:{name}", args=["cum-iv", 2022, *extra])


@pytest.fixture
def voted(cluster_2022, scoring_table, unit):
    """Lai Châu first on scores and 6 of 7 ballots; Sơn La second; a complaint pending
    against Sơn La."""
    t = scoring_table
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 45})
    set_scores(unit("sonla"), {t["a"]: 35, t["c"]: 40})
    set_scores(unit("caobang"), {t["a"]: 30})
    set_phase(cluster_2022, "vote")
    for code in ["sonla", "langson", "laocai", "dienbien", "hagiang", "caobang"]:
        ballot_cast(cluster_year=cluster_2022, nominee=unit("laichau"), by=leader_of(code))
    ballot_cast(cluster_year=cluster_2022, nominee=unit("sonla"), by=leader_of("laichau"))
    PendingComplaint.objects.create(kind="complaint", unit=unit("sonla"),
                                    received_on=dt.date(2022, 10, 1), summary="Đơn khiếu nại")
    return cluster_2022


@pytest.fixture
def finalised(voted, client_for, lead_2022, unit):
    with time_machine.travel(FINALISED, tick=False):
        response = client_for(lead_2022).post(_url("finalise"), {
            "merit_units": [unit("sonla").pk, unit("caobang").pk], "confirm": "on"})
    assert response.status_code == 302
    return voted


def test_it_creates_the_proposals_when_finalising(finalised, unit):
    proposals = {(p.unit.code, p.award_code): p for p in RankingProposal.objects.all()}
    assert set(proposals) == {("laichau", "co_ttcp"), ("sonla", "bk_ttcp"),
                              ("caobang", "bk_ttcp")}
    flag = proposals[("laichau", "co_ttcp")]
    assert (flag.rank, flag.total, flag.has_pending_complaint) == (1, D(85), False)
    assert proposals[("sonla", "bk_ttcp")].has_pending_complaint is True
    assert "Đơn khiếu nại" in proposals[("sonla", "bk_ttcp")].pending_note
    assert flag.dossier_deadline == dt.date(2022, 12, 20)
    round_ = ScoringRound.objects.get(cluster_year=finalised)
    assert round_.phase == "final" and round_.finalised_at == FINALISED


def test_it_shows_the_winner_and_the_proposals_on_the_ranking(finalised, client_for, viewer):
    body = client_for(viewer).get(_url("ranking")).content.decode()
    assert 'data-testid="winner"' in body and "Thanh tra tỉnh Lai Châu" in body
    assert 'data-testid="proposals"' in body


def test_it_lets_only_the_lead_finalise(voted, client_for, unit):
    response = client_for(leader_of("sonla")).post(_url("finalise"), {"confirm": "on"})
    assert response.status_code == 403
    assert ScoringRound.objects.get(cluster_year=voted).phase == "vote"


def test_it_refuses_every_edit_once_final(finalised, client_for, lead_2022, scoring_table,
                                          unit):
    t = scoring_table
    response = client_for(lead_2022).post(_url("score_sheet", "laichau"), {
        "action": "review", f"review_{t['a'].pk}": "10", f"agreed_{t['a'].pk}": "10"})
    assert response.status_code == 400
    response = client_for(leader_of("laichau")).post(_url("score_sheet", "laichau"), {
        "action": "self", f"self_{t['a'].pk}": "10"})
    assert response.status_code == 400
    assert Score.objects.get(unit__code="laichau", criterion=t["a"]).agreed_score == D(40)
    response = client_for(leader_of("sonla")).post(_url("vote"),
                                                    {"nominee": unit("caobang").pk})
    assert response.status_code == 400
    # the phase cannot move back either
    client_for(lead_2022).post(_url("scoring_phase"), {"phase": "review"})
    assert ScoringRound.objects.get(cluster_year=finalised).phase == "final"


def test_it_reopens_one_units_review_through_an_accepted_complaint(
        finalised, client_for, lead_2022, scoring_table, unit):
    t = scoring_table
    with time_machine.travel(FINALISED + dt.timedelta(days=3), tick=False):
        response = client_for(leader_of("sonla")).post(_url("complaints"), {
            "subject": "score", "criterion": t["a"].pk,
            "text": "Tiêu chí a chấm thiếu 5 điểm."})
        assert response.status_code == 302
        complaint = ResultComplaint.objects.get()
        response = client_for(lead_2022).post(_url("complaint_answer", complaint.pk), {
            "decision": "accept", "answer": "Đồng ý cộng 5 điểm tiêu chí a.", "reopen": "on"})
        assert response.status_code == 302

        lead = client_for(lead_2022)
        response = lead.post(_url("score_sheet", "sonla"), {
            "action": "review", f"review_{t['a'].pk}": "40", f"agreed_{t['a'].pk}": "40"})
        assert response.status_code == 302
        # only that unit: another unit stays locked
        response = lead.post(_url("score_sheet", "caobang"), {
            "action": "review", f"review_{t['a'].pk}": "40", f"agreed_{t['a'].pk}": "40"})
        assert response.status_code == 400

    score = Score.objects.get(unit__code="sonla", criterion=t["a"])
    assert score.agreed_score == D(40)
    last = score.history.order_by("-history_id").first()  # dates differ: time travel
    assert str(complaint.pk) in last.history_change_reason
    assert "Đồng ý cộng 5 điểm" in last.history_change_reason
    assert last.history_user == lead_2022
    ranking = client_for(lead_2022).get(_url("ranking")).content.decode()
    assert "80,00" in ranking  # Sơn La 40 + 40

    client_for(lead_2022).post(_url("complaint_close", complaint.pk))
    response = client_for(lead_2022).post(_url("score_sheet", "sonla"), {
        "action": "review", f"review_{t['a'].pk}": "0", f"agreed_{t['a'].pk}": "0"})
    assert response.status_code == 400


def test_it_keeps_scores_locked_after_a_rejected_complaint(finalised, client_for, lead_2022,
                                                           scoring_table):
    t = scoring_table
    with time_machine.travel(FINALISED + dt.timedelta(days=1), tick=False):
        client_for(leader_of("caobang")).post(_url("complaints"), {
            "subject": "rank", "text": "Đề nghị xem lại thứ hạng."})
        complaint = ResultComplaint.objects.get()
        client_for(lead_2022).post(_url("complaint_answer", complaint.pk), {
            "decision": "reject", "answer": "Giữ nguyên kết quả.", "reopen": "on"})
    complaint.refresh_from_db()
    assert complaint.status == "pending"  # reopen without accepting is refused
    with time_machine.travel(FINALISED + dt.timedelta(days=1), tick=False):
        client_for(lead_2022).post(_url("complaint_answer", complaint.pk), {
            "decision": "reject", "answer": "Giữ nguyên kết quả."})
    complaint.refresh_from_db()
    assert (complaint.status, complaint.answer) == ("rejected", "Giữ nguyên kết quả.")
    response = client_for(lead_2022).post(_url("score_sheet", "caobang"), {
        "action": "review", f"review_{t['a'].pk}": "40"})
    assert response.status_code == 400


def test_it_refuses_a_complaint_after_the_rules_days(finalised, client_for):
    with time_machine.travel(FINALISED + dt.timedelta(days=11), tick=False):
        response = client_for(leader_of("sonla")).post(_url("complaints"), {
            "subject": "rank", "text": "Muộn."})
    assert response.status_code == 400
    assert not ResultComplaint.objects.exists()


def test_it_keeps_final_scores_read_only_in_the_admin(finalised, client_for, secretariat,
                                                      scoring_table):
    score = Score.objects.get(unit__code="laichau", criterion=scoring_table["a"])
    url = reverse("admin:emulation_score_change", args=[score.pk])
    response = client_for(secretariat).post(url, {"self_score": "1", "review_score": "1",
                                                  "agreed_score": "1"})
    assert response.status_code in (302, 403, 200)
    score.refresh_from_db()
    assert score.agreed_score == D(40)
    assert 'name="agreed_score"' not in client_for(secretariat).get(url).content.decode()


def test_it_proposes_no_flag_when_no_unit_reaches_the_threshold(cluster_2022, scoring_table,
                                                                unit, client_for, lead_2022):
    set_scores(unit("laichau"), {scoring_table["a"]: 40})
    set_phase(cluster_2022, "vote")
    for code in ["sonla", "langson", "laocai"]:
        ballot_cast(cluster_year=cluster_2022, nominee=unit("laichau"), by=leader_of(code))
    response = client_for(lead_2022).post(_url("finalise"), {
        "merit_units": [unit("laichau").pk], "confirm": "on"})
    assert response.status_code == 302
    assert list(RankingProposal.objects.values_list("unit__code", "award_code")) == [
        ("laichau", "bk_ttcp")]
    body = client_for(lead_2022).get(_url("vote")).content.decode()
    assert 'data-testid="vote-results"' in body and 'data-testid="vote-winner"' not in body


def test_nd98_art4_a_proposal_with_a_complaint_under_verification_is_on_hold(
    finalised, client_for, viewer, unit
):
    proposal = RankingProposal.objects.get(unit=unit("sonla"), award_code="bk_ttcp")
    assert proposal.is_paused
    assert "Tạm dừng xét" in proposal.pending_note or "On hold" in proposal.pending_note
    body = client_for(viewer).get(_url("ranking"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="paused"' in body
    assert "chờ trả lời" not in body.split('data-testid="proposals"')[1].split("</table>")[0]


def test_a_proposal_finalised_on_time_is_not_late(finalised):
    assert not any(p.is_late for p in RankingProposal.objects.all())


def test_a_proposal_finalised_after_its_dossier_deadline_is_flagged_late(
    voted, client_for, lead_2022, viewer, unit
):
    with time_machine.travel(dt.datetime(2022, 12, 21, 9, 0, tzinfo=dt.UTC), tick=False):
        client_for(lead_2022).post(_url("finalise"), {
            "merit_units": [unit("caobang").pk], "confirm": "on"})
    proposals = list(RankingProposal.objects.all())
    assert proposals and all(p.is_late for p in proposals)
    assert proposals[0].dossier_deadline == dt.date(2022, 12, 20)
    body = client_for(viewer).get(_url("ranking")).content.decode()
    assert 'data-testid="late"' in body
    from emulation.scoring.resources import RankingProposalResource

    dataset = RankingProposalResource().export(RankingProposal.objects.all())
    assert all(row for row in dataset["Nộp muộn"])  # "late", under its Vietnamese header
