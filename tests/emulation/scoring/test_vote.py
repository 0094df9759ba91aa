"""The nomination vote: a second ballot REPLACES the first while the vote is open; self-votes
refused unless the rule allows them; the threshold of the rule decides; secret while open."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cum4.models import Membership
from cum4.reports.selectors import cluster_report_data
from emulation.scoring import selectors
from emulation.scoring.models import NominationBallot, NominationVoteRule
from emulation.scoring.resources import NominationBallotResource
from emulation.scoring.services.vote import ballot_cast
from tests.emulation.scoring_fixtures import leader_of, set_phase, staff_of

pytestmark = pytest.mark.django_db

VOTE = reverse("emulation:vote", args=["cum-iv", 2022])


@pytest.fixture
def open_vote(cluster_2022, scoring_table):
    set_phase(cluster_2022, "vote")
    return cluster_2022


def _cast(voters, nominee_code, cluster_year, unit):
    for code in voters:
        ballot_cast(cluster_year=cluster_year, nominee=unit(nominee_code), by=leader_of(code))


def test_it_replaces_a_units_first_ballot_with_its_second(client_for, open_vote, unit):
    client = client_for(leader_of("sonla"))
    assert client.post(VOTE, {"nominee": unit("laichau").pk}).status_code == 302
    assert client.post(VOTE, {"nominee": unit("langson").pk}).status_code == 302
    ballots = NominationBallot.objects.filter(cluster_year=open_vote, voter=unit("sonla"))
    assert ballots.count() == 1
    assert (ballots.get().nominee.code, ballots.get().revision) == ("langson", 2)


def test_it_refuses_a_vote_for_ones_own_unit(client_for, open_vote, unit):
    response = client_for(leader_of("sonla")).post(VOTE, {"nominee": unit("sonla").pk})
    assert response.status_code == 400
    assert "itself" in response.content.decode() or "chính mình" in response.content.decode()
    assert not NominationBallot.objects.exists()


def test_it_accepts_a_self_vote_when_the_rule_allows_it(client_for, open_vote, unit):
    NominationVoteRule.objects.update(allow_self_vote=True)
    response = client_for(leader_of("sonla")).post(VOTE, {"nominee": unit("sonla").pk})
    assert response.status_code == 302
    assert NominationBallot.objects.get().nominee.code == "sonla"


def test_it_lets_only_member_unit_leaders_vote_and_only_while_open(client_for, cluster_2022,
                                                                    scoring_table, unit):
    set_phase(cluster_2022, "vote")
    assert client_for(staff_of("sonla")).post(
        VOTE, {"nominee": unit("laichau").pk}).status_code == 403
    assert client_for(leader_of("tuyenquang")).post(  # not a member in 2022
        VOTE, {"nominee": unit("laichau").pk}).status_code == 403
    set_phase(cluster_2022, "review")
    response = client_for(leader_of("sonla")).post(VOTE, {"nominee": unit("laichau").pk})
    assert response.status_code == 400
    assert not NominationBallot.objects.exists()


def test_it_lets_the_threshold_of_the_rule_decide(open_vote, unit):
    members = Membership.objects.filter(cluster_year=open_vote).count()
    assert members == 7  # 80% of 7 → 6 ballots
    _cast(["sonla", "laocai", "dienbien", "hagiang", "caobang"], "laichau", open_vote, unit)
    set_phase(open_vote, "final")
    result = selectors.vote_result(cluster_year=open_vote)
    assert (result.needed, result.counts[unit("laichau").pk], result.winner) == (6, 5, None)

    NominationVoteRule.objects.update(threshold_percent=Decimal("70"))  # 70% of 7 → 5
    result = selectors.vote_result(cluster_year=open_vote)
    assert result.winner == unit("laichau")


def test_it_names_the_winner_once_six_of_seven_agree(open_vote, unit):
    _cast(["sonla", "laocai", "dienbien", "hagiang", "caobang", "langson"], "laichau",
          open_vote, unit)
    set_phase(open_vote, "final")
    assert selectors.vote_result(cluster_year=open_vote).winner == unit("laichau")


def test_it_keeps_ballots_secret_everywhere_while_the_vote_is_open(
        client_for, open_vote, unit, lead_2022, secretariat):
    _cast(["sonla", "laocai", "dienbien"], "caobang", open_vote, unit)
    lead = client_for(lead_2022)

    page = lead.get(VOTE).content.decode()
    assert 'data-testid="who-voted"' in page  # the lead sees who voted…
    assert "vote-results" not in page  # …not for whom
    assert "3 of 7" in page or "3/7" in page or "3 trên 7" in page or "3 trong 7" in page

    ranking = lead.get(reverse("emulation:ranking", args=["cum-iv", 2022])).content.decode()
    assert "Phiếu" not in ranking and "Ballots" not in ranking
    assert 'data-testid="winner"' not in ranking

    xlsx = lead.get(reverse("emulation:ranking_export", args=["cum-iv", 2022]))
    header = [c.value for c in load_workbook(io.BytesIO(xlsx.content)).active[1]]
    assert len(header) == 3 + 4 + 1  # rank, unit, total, 4 groups, change — no ballots

    admin = client_for(secretariat)
    listing = admin.get(reverse("admin:emulation_nominationballot_changelist")).content.decode()
    assert "Thanh tra tỉnh Cao Bằng" not in listing
    exported = NominationBallotResource().export().csv
    # Units by name (issue 14): the voter is shown, the nominee is not.
    assert "Thanh tra tỉnh Sơn La" in exported and "Thanh tra tỉnh Cao Bằng" not in exported

    assert "ranking" not in cluster_report_data(cluster_year=open_vote, period="year")

    # Once closed, the results are shown.
    set_phase(open_vote, "final")
    page = lead.get(VOTE).content.decode()
    assert 'data-testid="vote-results"' in page
    listing = admin.get(reverse("admin:emulation_nominationballot_changelist")).content.decode()
    assert "Thanh tra tỉnh Cao Bằng" in listing
    assert "Thanh tra tỉnh Cao Bằng" in NominationBallotResource().export().csv


def test_it_refuses_ballots_once_the_results_are_final(client_for, open_vote, unit):
    _cast(["sonla"], "laichau", open_vote, unit)
    set_phase(open_vote, "final")
    response = client_for(leader_of("sonla")).post(VOTE, {"nominee": unit("caobang").pk})
    assert response.status_code == 400
    assert NominationBallot.objects.get().nominee.code == "laichau"
