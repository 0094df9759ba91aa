"""The data migration that gives existing registrations a review state: signed in an earlier
year → accepted; signed for the current year → submitted (waits for the lead); unsigned →
draft. Each signature becomes the first step of the timeline; no history row is invented."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

import pytest
import time_machine
from django.apps import apps

from emulation.awards.models import Registration, RegistrationEvent

pytestmark = pytest.mark.django_db

migration = import_module("emulation.migrations.0021_registration_review")
State = Registration.State


def _old_row(unit, year: int, signed_by=None, signed: bool = True) -> Registration:
    """A row as it stood before the migration: a signature (or none), no state of its own."""
    return Registration.objects.create(
        unit=unit, year=year, signed_by=signed_by,
        signed_at=dt.datetime(year, 3, 20, 2, 0, tzinfo=dt.UTC) if signed else None,
    )


@time_machine.travel(dt.datetime(2026, 5, 2, 3, 0, tzinfo=dt.UTC))
def test_the_migration_accepts_past_years_and_submits_this_years_signatures(
    unit, leader_sonla, leader_laichau
):
    past = _old_row(unit("sonla"), 2024, leader_sonla)
    current = _old_row(unit("sonla"), 2026, leader_sonla)
    unsigned_past = _old_row(unit("laichau"), 2025, signed=False)
    unsigned = _old_row(unit("laichau"), 2026, signed=False)
    histories = Registration.history.count()

    migration.forward(apps, None)

    def state(row):
        return Registration.objects.get(pk=row.pk).state

    assert state(past) == State.ACCEPTED
    assert state(current) == State.SUBMITTED
    assert state(unsigned_past) == State.DRAFT and state(unsigned) == State.DRAFT
    steps = sorted(
        RegistrationEvent.objects.values_list("registration_id", "action", "by__username", "at")
    )
    assert steps == sorted([
        (past.pk, "submitted", "sonla.leader", past.signed_at),
        (current.pk, "submitted", "sonla.leader", current.signed_at),
    ])
    assert Registration.history.count() == histories


@time_machine.travel(dt.datetime(2026, 5, 2, 3, 0, tzinfo=dt.UTC))
def test_the_lead_reviews_a_registration_the_migration_left_submitted(
    unit, leader_sonla, client_for
):
    from cum4.models import User

    current = _old_row(unit("sonla"), 2026, leader_sonla)
    migration.forward(apps, None)
    lead = client_for(User.objects.get(username="caobang.leader"))  # the 2026 lead
    home = lead.get("/").content.decode()
    assert "/emulation/units/sonla/registrations/2026/" in home.split(
        "Đăng ký chờ xét duyệt", 1
    )[1]
    current.refresh_from_db()
    response = lead.post("/emulation/units/sonla/registrations/2026/",
                         {"action": "accept", "version": current.version})
    assert response.status_code == 302
    current.refresh_from_db()
    assert current.state == State.ACCEPTED
