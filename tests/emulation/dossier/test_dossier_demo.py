"""The demo: 2022's dossier complete and frozen for the 2022 proposals before 20 December,
2025's in progress; load_demo run twice changes nothing. The pages' query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from cum4.models import ClusterYear, User
from emulation.dossier import selectors
from emulation.dossier.models import Component, Dossier, SignedCopy, UnitDossier
from emulation.scoring.models import RankingProposal
from tests.emulation.conftest import queries_of

pytestmark = pytest.mark.django_db


def _state() -> list[tuple]:
    return sorted(
        (c.pk, c.kind, c.dossier_id, c.number, c.issued_on, c.frozen_at, c.drafted_at,
         str(c.written), str(c.snapshot))
        for c in Component.objects.all()
    ) + sorted(Dossier.objects.values_list("pk", "kind", "completed_at")) + [
        SignedCopy.objects.count(), Component.history.count(), Dossier.history.count(),
        UnitDossier.objects.count(), UnitDossier.history.count()]


def test_the_demo_holds_2022_frozen_and_on_time_and_2025_in_progress_and_loads_twice_alike(
        client_for):
    call_command("load_demo", quiet_logins=True)
    before = _state()
    call_command("load_demo", quiet_logins=True)
    assert _state() == before

    y2022 = ClusterYear.objects.get(year=2022)
    units_2022 = selectors.unit_dossiers(cluster_year=y2022)
    assert units_2022 and all(row.sent and not row.late for row in units_2022)
    assert all(piece["state"] == "drafted" for row in units_2022 for piece in row.sent.contents)
    assert not UnitDossier.objects.filter(cluster_year__year=2025).exists()
    checklist = selectors.checklist(cluster_year=y2022)
    proposals = set(RankingProposal.objects.filter(cluster_year=y2022).values_list("pk", flat=True))
    assert {row.dossier.proposal_id for row in checklist.proposals} == proposals
    assert all(c.is_frozen and c.number and c.issued_on for row in checklist.rows
               for c in row.components)
    assert checklist.cluster.dossier.completed_at.date() <= dt.date(2022, 12, 20)
    assert not any(row.late for row in checklist.rows)
    # Sơn La's statement is as of its own date: the 2026 denunciation of the demo is not in it.
    statement = next(c for row in checklist.proposals if row.dossier.unit.code == "sonla"
                     for c in row.components if c.kind == "pending")
    assert (statement.snapshot["as_of"], statement.snapshot["pending"]) == ("15/12/2022", [])

    y2025 = ClusterYear.objects.get(year=2025)
    checklist_2025 = selectors.checklist(cluster_year=y2025)
    states = {c.kind: c.state for c in checklist_2025.cluster.components}
    assert states == {"submission": "missing", "minutes": "drafted"}
    assert checklist_2025.cluster.dossier.completed_at is None

    # Query ceilings of the pages (the same whatever the number of proposals).
    lead = client_for(User.objects.get(username="langson.leader"))
    assert queries_of(lead, reverse("emulation:dossier_home", args=["cum-iv", 2022])) <= 12
    minutes = next(c for c in checklist.cluster.components if c.kind == "minutes")
    url = reverse("emulation:dossier_component", args=["cum-iv", 2022, minutes.pk])
    assert queries_of(lead, url) <= 10  # frozen: read from its snapshot
