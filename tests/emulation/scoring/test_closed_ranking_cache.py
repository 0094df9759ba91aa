"""Issue 16 item 5: last year's ranking (the change column, the cluster report) is cached
under a digest of every row it reads, so any write shows on the very next view — a queryset
update() that leaves updated_at alone, a fix in SQL, a changed cap or a ballot."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from cum4.models import ClusterYear, Unit
from emulation.scoring import selectors
from emulation.scoring.models import CriteriaTable, NominationBallot, Score
from emulation.scoring.report_extra import ranking_extra
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(unit):
    """2023 final (Lai Châu 40 + 4 bonus, Sơn La 30 + 8 bonus capped at 5), 2024 in the vote:
    2024's ranking reads 2023's ranks from the cache."""
    last, this = ClusterYear.objects.get(year=2023), ClusterYear.objects.get(year=2024)
    table, this_table = small_table(last), small_table(this)
    set_scores(unit("laichau"), {table["a"]: 40, table["b1"]: 4})
    set_scores(unit("sonla"), {table["a"]: 30, table["b1"]: 4, table["b2"]: 4})
    for code in ("laichau", "sonla"):
        set_scores(unit(code), {this_table["a"]: 10})
    set_phase(last, "final")
    set_phase(this, "vote")
    return last, this, table


def _previous_ranks() -> dict[str, int | None]:
    """2024's change column as the ranking view reads it: last year's rank of each unit."""
    this = ClusterYear.objects.get(year=2024)
    return {row.unit.code: row.previous_rank for row in selectors.ranking(cluster_year=this).rows}


def _extra() -> dict[str, dict]:
    return {row["unit"]: row for row in ranking_extra(cluster_year=ClusterYear.objects.get(
        year=2023))}


def test_it_shows_a_score_changed_by_a_queryset_update_on_the_next_ranking_view(
    years, unit, client_for
):
    _last, _this, table = years
    client = client_for(leader_of("sonla"))  # lead of 2024
    url = reverse("emulation:ranking", args=["cum-iv", 2024])
    assert client.get(url).status_code == 200  # last year's ranks now cached
    assert _previous_ranks()["laichau"] == 1
    stamp = Score.objects.get(unit=unit("sonla"), criterion=table["a"]).updated_at
    Score.objects.filter(unit=unit("sonla"), criterion=table["a"]).update(agreed_score=50)
    assert Score.objects.get(unit=unit("sonla"), criterion=table["a"]).updated_at == stamp
    assert client.get(url).status_code == 200
    assert (_previous_ranks()["sonla"], _previous_ranks()["laichau"]) == (1, 2)
    assert _extra()["sonla"]["total"] == 55.0


def test_it_shows_a_score_fixed_in_sql_on_the_next_view(years, unit):
    _last, _this, table = years
    assert _extra()["laichau"]["rank"] == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE emulation_score SET agreed_score = 0 WHERE unit_id = %s AND criterion_id = %s",
            [unit("laichau").pk, table["a"].pk],
        )
    assert _extra()["laichau"]["total"] == 4.0
    assert (_previous_ranks()["sonla"], _previous_ranks()["laichau"]) == (1, 2)


def test_it_shows_a_changed_bonus_cap_of_the_table_on_the_next_view(years):
    last, _this, _table = years
    assert _extra()["sonla"]["total"] == 35.0  # 30 + 8 bonus capped at 5
    CriteriaTable.objects.filter(cluster_year=last).update(bonus_cap=8)
    assert _extra()["sonla"]["total"] == 38.0


def test_it_shows_a_ballot_and_a_unit_renamed_by_update_on_the_next_view(years, unit):
    last, _this, _table = years
    assert _extra()["laichau"]["votes"] == 0
    NominationBallot.objects.create(cluster_year=last, voter=unit("sonla"),
                                    nominee=unit("laichau"), cast_by=leader_of("sonla"))
    assert _extra()["laichau"]["votes"] == 1
    Unit.objects.filter(code="laichau").update(name="Thanh tra tỉnh Lai Châu (mới)")
    assert _extra()["laichau"]["name"] == "Thanh tra tỉnh Lai Châu (mới)"


def test_a_closed_ranking_read_again_costs_one_query(years, django_assert_num_queries):
    last, _this, _table = years
    ranking_extra(cluster_year=last)
    again = ClusterYear.objects.get(year=2023)
    with django_assert_num_queries(2):  # the round (is the year final?) and the digest
        assert ranking_extra(cluster_year=again)[0]["unit"] == "laichau"
