"""The dossier's statement of pending complaints (a unit or person under verification of a
complaint or denunciation is not proposed: the hold rule in force, a dated row with its legal
basis) reads the same records as the "tạm dừng xét" hold, in one query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emulation.dossier.law import pending_for
from emulation.staff.models import PendingComplaint

pytestmark = pytest.mark.django_db

ON = dt.date(2022, 12, 1)


def _complaint(unit, summary, received_on, person=None, resolved_on=None):
    return PendingComplaint.objects.create(
        kind="denunciation", unit=unit, staff_member=person, received_on=received_on,
        resolved_on=resolved_on, summary=summary,
    )


def test_the_pending_statement_lists_the_units_own_then_its_peoples_pending_oldest_first(
        unit, records):
    sonla = unit("sonla")
    person = records.person(sonla, name="Lò Văn Bình")
    _complaint(sonla, "người, sau", dt.date(2022, 10, 1), person=person)
    _complaint(sonla, "đơn vị, sau", dt.date(2022, 9, 1))
    _complaint(sonla, "người, trước", dt.date(2022, 3, 1), person=person)
    _complaint(sonla, "đơn vị, trước", dt.date(2022, 2, 1))
    _complaint(sonla, "đã giải quyết", dt.date(2022, 1, 1), resolved_on=dt.date(2022, 6, 1))
    _complaint(sonla, "nhận sau ngày xét", dt.date(2022, 12, 5))
    _complaint(unit("laichau"), "đơn vị khác", dt.date(2022, 1, 1))

    with CaptureQueriesContext(connection) as queries:
        lines = pending_for(unit=sonla, on=ON)

    assert [line.summary for line in lines] == [
        "đơn vị, trước", "đơn vị, sau", "người, trước", "người, sau"]
    assert [line.person for line in lines] == ["", "", "Lò Văn Bình", "Lò Văn Bình"]
    assert len(queries.captured_queries) == 1
