"""Movements, responses and pledge targets go out to Excel and back in by natural keys."""

from __future__ import annotations

import pytest
import tablib
from django.urls import NoReverseMatch, reverse

from emulation.movements import demo as demo_pledges
from emulation.movements.models import Movement, MovementResponse, PledgeTarget
from emulation.movements.resources import (
    MovementResource,
    MovementResponseResource,
    PledgeTargetResource,
)

pytestmark = pytest.mark.django_db


def _round_trip(resource_class, model) -> None:
    before = model.objects.count()
    exported = resource_class().export()
    data = tablib.Dataset().load(exported.xlsx, format="xlsx")
    result = resource_class().import_data(data, dry_run=False, raise_errors=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert model.objects.count() == before


def test_it_round_trips_movements_responses_and_targets(cluster_2022):
    demo_pledges.load()
    _round_trip(MovementResource, Movement)
    _round_trip(MovementResponseResource, MovementResponse)
    _round_trip(PledgeTargetResource, PledgeTarget)
    row = MovementResponseResource().export().dict[0]
    # People read the cluster and the unit by name, under Vietnamese headers (issue 14).
    assert row["Phong trào"].startswith("Cụm thi đua số IV/2022/") and row["Thanh tra tỉnh"]


def test_it_imports_a_changed_amount_by_natural_keys(cluster_2022):
    demo_pledges.load()
    data = MovementResponseResource().export()
    first = data.dict[0]
    data = tablib.Dataset(headers=data.headers)
    amount = "Số tiền đóng góp (đồng)"
    data.append([first[h] if h != amount else 7_000_000 for h in data.headers])
    MovementResponseResource().import_data(data, dry_run=False, raise_errors=True)
    movement_name = first["Phong trào"].split("/", 2)[2]
    response = MovementResponse.objects.get(movement__name=movement_name,
                                            unit__name=first["Thanh tra tỉnh"])
    assert response.amount_vnd == 7_000_000


def test_it_still_imports_a_file_headed_by_codes(cluster_2022):
    """Files written before the Vietnamese headers (codes as headers and values) import."""
    demo_pledges.load()
    response = MovementResponse.objects.select_related("movement__cluster_year__cluster",
                                                       "unit").first()
    movement = response.movement
    data = tablib.Dataset(headers=["movement", "unit", "activities", "results", "amount_vnd"])
    data.append([f"{movement.cluster_year.cluster.code}/{movement.cluster_year.year}/"
                 f"{movement.name}", response.unit.code, response.activities, response.results,
                 8_000_000])
    MovementResponseResource().import_data(data, dry_run=False, raise_errors=True)
    response.refresh_from_db()
    assert response.amount_vnd == 8_000_000


def test_it_offers_excel_export_of_movements_in_the_admin(client_for, secretariat):
    response = client_for(secretariat).get(reverse("admin:emulation_movement_changelist"))
    assert response.status_code == 200
    assert "export" in response.content.decode()


def test_it_exports_the_leads_judgements_but_offers_no_import(client_for, secretariat, cluster_2022):
    from emulation.movements.models import ManualJudgement
    from emulation.movements.resources import ManualJudgementResource

    demo_pledges.load()
    rows = ManualJudgementResource().export().dict
    assert len(rows) == ManualJudgement.objects.count() == 13
    assert {row["Người đánh giá"] for row in rows} == {"Chánh Thanh tra Lạng Sơn"}
    client = client_for(secretariat)
    assert client.get(reverse("admin:emulation_manualjudgement_export")).status_code == 200
    with pytest.raises(NoReverseMatch):
        reverse("admin:emulation_manualjudgement_import")
