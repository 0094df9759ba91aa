"""Builders for the emulation records: people in a unit, ratings, titles granted."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from emulation.awards.models import Decision, DecisionItem
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    LeavePeriod,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)

_codes = itertools.count(1)


class Records:
    """Terse record builders for tests: people, ratings, titles, initiatives, discipline."""

    def person(self, unit, name: str = "", position: str = "Thanh tra viên",
               start: dt.date = dt.date(2015, 1, 1), level: str = "staff") -> StaffMember:
        n = next(_codes)
        member = StaffMember.objects.create(code=f"t-{n}", full_name=name or f"Cán bộ {n:03d}")
        StaffAssignment.objects.create(
            staff_member=member, unit=unit, position=position, start=start, leadership_level=level
        )
        return member

    def people(self, unit, count: int) -> list[StaffMember]:
        return [self.person(unit) for _ in range(count)]

    def rate(self, person: StaffMember, year: int, rating: str, unit=None) -> YearlyRating:
        unit = unit or person.assignments.order_by("-start").first().unit
        return YearlyRating.objects.update_or_create(
            staff_member=person, year=year, defaults={"unit": unit, "rating": rating}
        )[0]

    def grant(self, person_or_unit, code: str, year: int, unit=None) -> DecisionItem:
        decision, _ = Decision.objects.get_or_create(
            number=f"{year}/QĐ-TEST-{code}",
            authority="Chánh Thanh tra tỉnh",
            defaults={"date": dt.date(year + 1, 1, 15), "method": "regular", "year": year},
        )
        if isinstance(person_or_unit, StaffMember):
            unit = unit or person_or_unit.assignments.order_by("-start").first().unit
            return DecisionItem.objects.create(
                decision=decision, award_id=code, unit=unit, staff_member=person_or_unit
            )
        return DecisionItem.objects.create(decision=decision, award_id=code, unit=person_or_unit)

    def initiative(self, person: StaffMember, year: int, level: str) -> Initiative:
        return Initiative.objects.create(
            staff_member=person, year=year, level=level, title=f"Sáng kiến {year}"
        )

    def discipline(self, person: StaffMember, year: int, level: str) -> DisciplinaryMeasure:
        return DisciplinaryMeasure.objects.create(staff_member=person, year=year, level=level)

    def leave(self, person: StaffMember, kind: str, start: dt.date, end: dt.date) -> LeavePeriod:
        return LeavePeriod.objects.create(staff_member=person, kind=kind, start=start, end=end)

    def confirm_unit_conditions(self, unit, year: int, code: str, on: dt.date | None = None) -> None:
        """The unit leader confirms, with evidence, every hand-checked condition of a
        collective title (what the records cannot know)."""
        from cum4.models import User
        from emulation.awards.models import ConditionConfirmation, TitleRule

        leader, _ = User.objects.get_or_create(username=f"leader-{unit.code}",
                                               defaults={"unit": unit, "role": "leader"})
        on = on or dt.date(year, 12, 31)
        for rule in TitleRule.objects.in_force_on(on).filter(award_id=code, enabled=True):
            for condition in rule.manual_condition_list():
                ConditionConfirmation.objects.get_or_create(
                    award_id=code, year=year, unit=unit, staff_member=None, condition=condition,
                    defaults={"evidence": "Biên bản họp", "confirmed_by": leader},
                )


@pytest.fixture
def records(core) -> Records:
    return Records()


def queries_of(client, url: str) -> int:
    """How many queries one GET of `url` runs (the response must be a 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


from tests.emulation.scoring_fixtures import *  # noqa: E402, F403
