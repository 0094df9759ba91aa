"""Issue 16 item 7: the emulation pages people use — eligibility, the staff register, the
scoring sheet and the ranking — cost the same number of queries when the units, the years, the
staff and the criteria double (build, count, double, count), with the page cache off, and a
small ceiling so that a constant count stays a small one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import ClusterYear, Unit, User
from emulation.awards.models import ConditionConfirmation, TitleRule
from emulation.scoring.models import CriteriaGroup, Criterion
from emulation.staff.models import PendingComplaint
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table
from tests.exports.factories import national_cluster

pytestmark = pytest.mark.django_db

YEAR = 2024  # Sơn La leads the cluster in 2024
CEILING = 25


def _count(client, path: str) -> int:
    client.get(path)  # the session and anything a first visit sets up
    cache.clear()  # last year's ranks computed, not read from the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries.captured_queries)


def _manual_condition() -> tuple[str, str]:
    """LĐTT with a hand-checked condition (the people's cells show who confirmed it)."""
    condition = "Gương mẫu chấp hành chủ trương, chính sách"
    TitleRule.objects.in_force_on(dt.date(YEAR, 12, 31)).filter(award_id="ldtt").update(
        manual_conditions=condition)
    return "ldtt", condition


def _staff(records, unit, count: int, years: list[int], confirmer: User) -> None:
    """`count` people of `unit` with a record in each of `years`: a rating, a title granted,
    an initiative, leave, discipline, a confirmed condition, a pending complaint."""
    award, condition = _manual_condition()
    for person in records.people(unit, count):
        for year in years:
            records.rate(person, year, "excellent")
            records.grant(person, "ldtt", year - 1)
            records.initiative(person, year - 1, "province")
        records.leave(person, "sick", dt.date(YEAR, 3, 1), dt.date(YEAR, 3, 20))
        records.discipline(person, YEAR - 1, "reprimand")
        ConditionConfirmation.objects.create(
            award_id=award, year=YEAR, unit=unit, staff_member=person, condition=condition,
            evidence="Biên bản họp", confirmed_by=confirmer,
        )
        PendingComplaint.objects.create(kind="complaint", unit=unit, staff_member=person,
                                        received_on=dt.date(YEAR, 1, 5), summary="Khiếu nại")


def _score(years: list[int], extra_criteria: int) -> None:
    """Each cluster year of `years` scored on a table with `extra_criteria` more criteria;
    every year but the last final (the ranking's change column reads last year)."""
    for year in years:
        cluster_year = ClusterYear.objects.get(cluster__code="cum-iv", year=year)
        if not CriteriaGroup.objects.filter(table__cluster_year=cluster_year).exists():
            small_table(cluster_year)
        group = CriteriaGroup.objects.get(table__cluster_year=cluster_year, code="g2")
        have = Criterion.objects.filter(group=group, code__startswith="x").count()
        for i in range(have, extra_criteria):
            Criterion.objects.create(group=group, code=f"x{i}", name=f"Thêm {i}",
                                     position=20 + i, max_points=1)
        criteria = list(Criterion.objects.filter(group__table__cluster_year=cluster_year,
                                                 method="manual"))
        for membership in cluster_year.memberships.select_related("unit"):
            set_scores(membership.unit, dict.fromkeys(criteria, 1))
        set_phase(cluster_year, "final" if year < years[-1] else "review")


@override_settings(PAGE_CACHE=False)
def test_the_emulation_pages_cost_the_same_queries_when_units_years_staff_and_criteria_double(
    core, records, client_for
):
    laichau = Unit.objects.get(code="laichau")
    leader = User.objects.get(username="laichau.leader")
    lead = leader_of("sonla")
    pages = [
        ("eligibility", leader, reverse("emulation:eligibility", args=["laichau", YEAR])),
        ("staff list", leader, reverse("emulation:staff_list", args=["laichau"])),
        ("staff list, former", leader,
         reverse("emulation:staff_list", args=["laichau"]) + "?former=1"),
        ("scoring sheet", leader,
         reverse("emulation:score_sheet", args=["cum-iv", YEAR, "laichau"])),
        ("ranking", lead, reverse("emulation:ranking", args=["cum-iv", YEAR])),
    ]
    clients = {user.pk: client_for(user) for _name, user, _path in pages}

    members = ClusterYear.objects.get(cluster__code="cum-iv", year=YEAR).memberships.count()
    national_cluster(cluster_code="cum-iv", years=[YEAR - 1, YEAR], unit_count=members)
    _staff(records, laichau, 30, [YEAR - 1, YEAR], leader)
    _score([YEAR - 1, YEAR], extra_criteria=4)
    small = {name: _count(clients[user.pk], path) for name, user, path in pages}

    # Twice the units, the years, the staff (past a page of them) and the criteria.
    national_cluster(cluster_code="cum-iv", years=[YEAR - 3, YEAR - 2, YEAR - 1, YEAR],
                     unit_count=2 * members)
    _staff(records, laichau, 30, [YEAR - 3, YEAR - 2, YEAR - 1, YEAR], leader)
    _score([YEAR - 3, YEAR - 2, YEAR - 1, YEAR], extra_criteria=8 + 6)
    large = {name: _count(clients[user.pk], path) for name, user, path in pages}

    assert large == small, (small, large)
    assert max(small.values()) <= CEILING, small
