"""Ranking: ties share a rank unless the tie-break rules separate them; change against last
year across the 2025 merger; the report extra; constant query count."""

from __future__ import annotations

import importlib

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import ClusterYear, Unit
from cum4.reports.selectors import cluster_report_data
from emulation.scoring import selectors
from emulation.scoring.models import CriteriaGroup, Criterion, NominationBallot
from emulation.scoring.report_extra import ranking_extra
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table

pytestmark = pytest.mark.django_db
# The module: the package re-exports its function `ranking` under the same name.
ranking_selectors = importlib.import_module("emulation.scoring.selectors.ranking")


def _ranks(cluster_year) -> dict[str, int]:
    return {r.unit.code: r.rank for r in selectors.ranking(cluster_year=cluster_year).rows}


def test_it_gives_equal_totals_the_same_rank(cluster_2022, unit):
    t = small_table(cluster_2022, tie_breaks=())
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})  # 60
    set_scores(unit("sonla"), {t["a"]: 20, t["c"]: 40})  # 60
    set_scores(unit("caobang"), {t["a"]: 30})  # 30
    ranks = _ranks(cluster_2022)
    assert ranks["laichau"] == ranks["sonla"] == 1
    assert ranks["caobang"] == 3


def test_the_ranking_page_follows_each_score_at_once(cluster_2022, unit, client_for):
    """The table's rendering is cached by what it shows: a new score shows at once."""
    import re

    t = small_table(cluster_2022, tie_breaks=())
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})
    set_scores(unit("sonla"), {t["a"]: 30})
    client = client_for(leader_of("langson"))  # lead of 2022
    url = reverse("emulation:ranking", args=["cum-iv", 2022])

    def row(code: str) -> str:
        html = client.get(url).content.decode()
        return re.search(rf'data-testid="rank-{code}">(.*?)</tr>', html, re.S).group(1)

    assert "<td>1</td>" in row("laichau") and "60,00" in row("laichau")
    set_scores(unit("sonla"), {t["a"]: 40, t["c"]: 50})
    assert "<td>1</td>" in row("sonla") and "90,00" in row("sonla")
    assert "<td>2</td>" in row("laichau")


def test_it_separates_a_tie_by_the_first_tie_break(cluster_2022, unit):
    t = small_table(cluster_2022, tie_breaks=("g2", "g1"))
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})  # 60, g2 = 20
    set_scores(unit("sonla"), {t["a"]: 20, t["c"]: 40})  # 60, g2 = 40
    set_scores(unit("caobang"), {t["a"]: 30})
    ranks = _ranks(cluster_2022)
    assert (ranks["sonla"], ranks["laichau"], ranks["caobang"]) == (1, 2, 3)


def test_it_falls_to_the_second_tie_break_when_the_first_is_equal(cluster_2022, unit):
    t = small_table(cluster_2022, tie_breaks=("bonus", "g1"))
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})  # g1 = 40
    set_scores(unit("sonla"), {t["a"]: 20, t["c"]: 40})  # g1 = 20
    ranks = _ranks(cluster_2022)
    assert (ranks["laichau"], ranks["sonla"]) == (1, 2)


def _last_year_final(unit, year: int, last_points: dict[str, int], points: dict[str, int]):
    """Year - 1 scored on a small table (criterion a) and final; `year` scored, in review.
    The year's ranking rows by unit code."""
    last, this = ClusterYear.objects.get(year=year - 1), ClusterYear.objects.get(year=year)
    last_table, table = small_table(last), small_table(this)
    for code, value in last_points.items():
        set_scores(unit(code), {last_table["a"]: value})
    set_phase(last, "final")
    for code, value in points.items():
        set_scores(unit(code), {table["a"]: value})
    return this, {r.unit.code: r for r in selectors.ranking(cluster_year=this).rows}


def test_it_shows_the_change_against_last_year_across_the_merger(core, unit):
    # 2024: Hà Giang 1st, Lai Châu 2nd. 2025: Tuyên Quang (Hà Giang's successor) 3rd.
    _y2025, rows = _last_year_final(unit, 2025, {"hagiang": 40, "laichau": 30},
                                    {"laichau": 40, "sonla": 35, "tuyenquang": 30})
    assert rows["tuyenquang"].previous_rank == 1
    assert rows["tuyenquang"].change == -2
    assert rows["laichau"].change == 1


def test_it_reads_the_lines_across_mergers_only_when_a_member_has_a_successor(
        core, unit, monkeypatch):
    Unit.objects.update(successor=None)  # a cluster that has seen no merger
    calls = []
    read_lines = ranking_selectors._final_successors
    monkeypatch.setattr(ranking_selectors, "_final_successors",
                        lambda: calls.append(1) or read_lines())
    y2024, rows = _last_year_final(unit, 2024, {"laichau": 40, "sonla": 30},
                                   {"sonla": 40, "laichau": 30})
    assert (rows["sonla"].change, rows["laichau"].change) == (1, -1)
    assert calls == []
    # Sơn La is later merged into a new province: its line is read, and still leads to 2023.
    merged_into = Unit.objects.create(code="sonla-moi", name="Thanh tra tỉnh Sơn La (mới)",
                                      province="Sơn La")
    Unit.objects.filter(code="sonla").update(successor=merged_into)
    rows = {r.unit.code: r for r in selectors.ranking(cluster_year=y2024).rows}
    assert calls == [1]
    assert (rows["sonla"].previous_rank, rows["sonla"].change) == (2, 1)


def test_the_scoring_pages_read_the_round_with_the_cluster_year(core, client_for):
    y2024 = ClusterYear.objects.get(year=2024)
    small_table(y2024)
    set_phase(y2024, "vote")
    client = client_for(leader_of("sonla"))  # lead of 2024
    year_pages = ["emulation:ranking", "emulation:vote", "emulation:scoring_year",
                  "emulation:criteria", "cum4:dashboard_cluster"]  # the dashboard's ranking
    pages = [(name, ["cum-iv", 2024]) for name in year_pages]
    for name, args in [*pages, ("emulation:score_sheet", ["cum-iv", 2024, "laichau"])]:
        url = reverse(name, args=args)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        rounds = [q["sql"] for q in context.captured_queries
                  if q["sql"].startswith('SELECT "emulation_scoringround"')]
        assert rounds == [], name
        cluster_year = next(q["sql"] for q in context.captured_queries
                            if q["sql"].startswith('SELECT "cum4_clusteryear"'))
        assert 'LEFT OUTER JOIN "emulation_scoringround"' in cluster_year, name
        if name == "emulation:ranking":  # proposals exist only once final: not before
            assert not any('FROM "emulation_rankingproposal"' in q["sql"]
                           for q in context.captured_queries)


def test_it_adds_the_ranking_to_the_cluster_report_only_once_final(cluster_2022, unit):
    t = small_table(cluster_2022)
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})
    set_scores(unit("sonla"), {t["a"]: 10})
    NominationBallot.objects.create(cluster_year=cluster_2022, voter=unit("sonla"),
                                    nominee=unit("laichau"), cast_by=leader_of("sonla"))
    set_phase(cluster_2022, "vote")
    assert ranking_extra(cluster_year=cluster_2022, period="year") is None
    assert "ranking" not in cluster_report_data(cluster_year=cluster_2022, period="year")

    set_phase(cluster_2022, "final")
    data = cluster_report_data(cluster_year=cluster_2022, period="year")
    first = data["ranking"][0]
    assert first == {"unit": "laichau", "name": "Thanh tra tỉnh Lai Châu", "rank": 1,
                     "total": 60.0,
                     "groups": {"g1": 40.0, "g2": 20.0, "bonus": 0.0, "minus": 0.0},
                     "votes": 1}


def _score_all(cluster_year, units) -> None:
    criteria = list(Criterion.objects.filter(group__table__cluster_year=cluster_year))
    for u in units:
        set_scores(u, {c: 1 for c in criteria if c.method != "yes_no"})


def _count(client, url) -> int:
    """Queries of a request that computes (last year's ranks are otherwise cached)."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_it_keeps_the_ranking_page_query_count_as_units_and_criteria_grow(
        core, client_for, django_assert_max_num_queries):
    y2023 = ClusterYear.objects.get(year=2023)
    y2024 = ClusterYear.objects.get(year=2024)
    members = [m.unit for m in y2024.memberships.select_related("unit")]
    small_table(y2023)
    small_table(y2024)
    _score_all(y2023, members[:2])
    _score_all(y2024, members[:2])
    set_phase(y2023, "final")  # last year's ranks: the change column
    set_phase(y2024, "vote")
    client = client_for(leader_of("sonla"))  # lead of 2024
    url = reverse("emulation:ranking", args=["cum-iv", 2024])
    client.get(url)
    with django_assert_max_num_queries(40):
        client.get(url)
    small = _count(client, url)

    # Larger: every member scored, 12 more criteria in each year.
    for cluster_year in (y2023, y2024):
        group = CriteriaGroup.objects.get(table__cluster_year=cluster_year, code="g2")
        for i in range(12):
            Criterion.objects.create(group=group, code=f"x{i}", name=f"Thêm {i}",
                                     position=20 + i, max_points=1)
        _score_all(cluster_year, members)
    assert _count(client, url) == small
    # Last year's ranks come from the cache while its round, members and scores stand still.
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    assert len(cached.captured_queries) < small


def test_a_closed_years_ranking_is_computed_once_and_follows_a_changed_score(
    cluster_2022, unit, django_assert_max_num_queries
):
    """The dashboard and the cluster report read a final year's ranking from the cache while
    its round, members and scores stand still; a score saved (a reopened review) shows."""
    t = small_table(cluster_2022, tie_breaks=())
    set_scores(unit("laichau"), {t["a"]: 40, t["c"]: 20})
    set_scores(unit("sonla"), {t["a"]: 30})
    set_phase(cluster_2022, "final")
    first = {row["unit"]: row for row in ranking_extra(cluster_year=cluster_2022)}
    assert first["laichau"]["rank"] == 1 and first["laichau"]["total"] == 60
    with django_assert_max_num_queries(3):  # the round, the members, the scores' stamp
        assert ranking_extra(cluster_year=cluster_2022)[0]["unit"] == "laichau"
    set_scores(unit("sonla"), {t["a"]: 40, t["c"]: 50})
    after = {row["unit"]: row for row in ranking_extra(cluster_year=cluster_2022)}
    assert after["sonla"]["rank"] == 1 and after["sonla"]["total"] == 90
