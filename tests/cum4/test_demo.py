from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import RequestFactory

from cum4.models import Membership, Unit, User
from cum4.registry import registry

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("sessions.", "admin.", "contenttypes.", "auth.Permission"))
        and not model.__name__.startswith("Historical")
    }


def test_it_leaves_the_same_rows_when_loaded_twice():
    call_command("load_demo", quiet_logins=True)
    first = _row_counts()
    call_command("load_demo", quiet_logins=True)
    assert _row_counts() == first
    assert first["cum4.Unit"] == 9


def test_it_loads_the_seven_units_and_the_2022_lead(core):
    members = Membership.objects.filter(cluster_year__year=2022).select_related("unit")
    assert {m.unit.province for m in members} == {
        "Lai Châu", "Lạng Sơn", "Lào Cai", "Sơn La", "Điện Biên", "Hà Giang", "Cao Bằng",
    }
    assert members.get(role=Membership.Role.LEAD).unit.code == "langson"
    assert members.get(role=Membership.Role.DEPUTY).unit.code == "laichau"


def test_it_applies_the_2025_mergers_keeping_history_on_the_old_unit(core):
    ha_giang = Unit.objects.get(code="hagiang")
    assert ha_giang.successor.code == "tuyenquang"
    assert str(ha_giang.valid_to) == "2025-06-30"
    assert Unit.objects.get(code="yenbai").final_successor().code == "laocai"
    assert Membership.objects.filter(unit=ha_giang, cluster_year__year=2024).exists()
    assert not Membership.objects.filter(unit=ha_giang, cluster_year__year=2025).exists()
    assert Membership.objects.filter(unit__code="tuyenquang", cluster_year__year=2025).exists()


def test_it_creates_one_user_per_role_per_unit_with_the_demo_password(client, core):
    for unit in Unit.objects.all():
        assert set(User.objects.filter(unit=unit).values_list("role", flat=True)) == {"staff", "leader"}
    # django-axes checks every authentication against the request it comes with.
    assert client.login(
        username="laichau.staff", password="cum4-demo-2022", request=RequestFactory().post("/")
    )
    assert User.objects.get(username="secretariat").is_superuser


def test_it_prints_the_demo_logins(capsys, monkeypatch):
    # The core's part of the command; the apps' demo steps are tested by their own suites.
    monkeypatch.setattr(registry, "demo_loaders", [])
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "cum4-demo-2022" in out and "langson.leader" in out and "secretariat" in out


def test_it_writes_nothing_when_loaded_again_not_even_history_rows():
    call_command("load_demo", quiet_logins=True)
    first = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.label.startswith("sessions.")
    }
    call_command("load_demo", quiet_logins=True)
    second = {label: apps.get_model(label)._default_manager.count() for label in first}
    assert {k: (v, second[k]) for k, v in first.items() if second[k] != v} == {}
    assert any(label.split(".")[1].startswith("Historical") and n for label, n in first.items())
