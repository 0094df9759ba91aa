"""The core of the demo: Cụm thi đua số IV, its units, memberships 2022–2026 and users.

Everything is upserted by natural keys, so loading twice leaves the same rows as once.
The leads by year are a demo assumption (the rotation is not public), stated in the README.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import signals

from cum4.models import Cluster, ClusterYear, Membership, Unit, User

DEMO_PASSWORD = "cum4-demo-2022"
CLUSTER_CODE = "cum-iv"
MERGER_DATE = dt.date(2025, 7, 1)
MERGER_BASIS = "Nghị quyết 202/2025/QH15 sắp xếp đơn vị hành chính cấp tỉnh (hiệu lực 12/6/2025, các tỉnh mới hoạt động từ 01/7/2025)"

# code, province, remote area
UNITS: list[tuple[str, str, bool]] = [
    ("laichau", "Lai Châu", True),
    ("langson", "Lạng Sơn", True),
    ("laocai", "Lào Cai", True),
    ("sonla", "Sơn La", True),
    ("dienbien", "Điện Biên", True),
    ("hagiang", "Hà Giang", True),
    ("caobang", "Cao Bằng", True),
]
# Units outside the cluster that the 2025 merger involves.
OTHER_UNITS: list[tuple[str, str, bool]] = [
    ("tuyenquang", "Tuyên Quang", True),
    ("yenbai", "Yên Bái", True),
]
# year → (lead, deputy)
LEADS: dict[int, tuple[str, str]] = {
    2022: ("langson", "laichau"),
    2023: ("laocai", "sonla"),
    2024: ("sonla", "dienbien"),
    2025: ("dienbien", "caobang"),
    2026: ("caobang", "laichau"),
}
YEARS = tuple(LEADS)


def _members(year: int) -> list[str]:
    """Hà Giang's seat passes to Tuyên Quang from the year of the merger."""
    codes = [code for code, _, _ in UNITS]
    if year >= MERGER_DATE.year:
        codes[codes.index("hagiang")] = "tuyenquang"
    return codes


def load_core() -> None:
    units: dict[str, Unit] = {}
    for code, province, remote in UNITS + OTHER_UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code,
            defaults={"name": f"Thanh tra tỉnh {province}", "province": province, "is_remote_area": remote},
        )
    # The 01/07/2025 mergers: history stays on the old unit, which points to its successor.
    for old, new in (("hagiang", "tuyenquang"), ("yenbai", "laocai")):
        Unit.objects.filter(code=old).update(
            valid_to=MERGER_DATE - dt.timedelta(days=1), successor=units[new], legal_basis=MERGER_BASIS
        )

    cluster, _ = Cluster.objects.update_or_create(
        code=CLUSTER_CODE,
        defaults={
            "name": "Cụm thi đua số IV",
            "organiser": "Thanh tra Chính phủ",
            "founding_decision": "Quyết định phân chia cụm, khối thi đua của Thanh tra Chính phủ (bản mẫu)",
        },
    )
    for year in YEARS:
        cluster_year, _ = ClusterYear.objects.get_or_create(cluster=cluster, year=year)
        lead, deputy = LEADS[year]
        members = _members(year)
        Membership.objects.filter(cluster_year=cluster_year).exclude(unit__code__in=members).delete()
        roles = {lead: Membership.Role.LEAD, deputy: Membership.Role.DEPUTY}
        # Demote a wrong lead or deputy first so the one-lead constraint holds while roles
        # rotate; rows already right are left alone (a second load writes no history).
        wrong = [
            pk
            for pk, code, role in Membership.objects.filter(cluster_year=cluster_year)
            .exclude(role=Membership.Role.MEMBER)
            .values_list("pk", "unit__code", "role")
            if roles.get(code) != role
        ]
        Membership.objects.filter(pk__in=wrong).update(role=Membership.Role.MEMBER)
        for code in members:
            role = roles.get(code, Membership.Role.MEMBER)
            Membership.objects.update_or_create(
                cluster_year=cluster_year, unit=units[code], defaults={"role": role}
            )

    for code, province, _ in UNITS + OTHER_UNITS:
        _user(f"{code}.staff", f"Cán bộ Thanh tra {province}", User.Role.STAFF, units[code])
        _user(f"{code}.leader", f"Chánh Thanh tra {province}", User.Role.LEADER, units[code])
    _user("secretariat", "Thư ký Cụm thi đua", User.Role.SECRETARIAT, None, admin=True)
    _user("viewer", "Thanh tra Chính phủ (xem)", User.Role.VIEWER, None)


def _user(username: str, full_name: str, role: str, unit: Unit | None, admin: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "full_name": full_name,
            "role": role,
            "unit": unit,
            "is_staff": admin,
            "is_superuser": admin,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def logins_text() -> str:
    lead, deputy = LEADS[2022]
    lines = [
        "",
        f"Demo logins (password for all: {DEMO_PASSWORD})",
        "  secretariat            — cluster secretariat (admin)",
        "  viewer                 — Thanh tra Chính phủ, read only",
        f"  {lead}.leader         — leader of the 2022 cluster lead (Lạng Sơn)",
        f"  {deputy}.leader        — leader of the 2022 deputy lead (Lai Châu)",
        "  <unit>.staff / <unit>.leader for each unit: "
        + ", ".join(code for code, _, _ in UNITS + OTHER_UNITS),
        "",
    ]
    return "\n".join(lines)


@contextmanager
def history_of_changes_only() -> Iterator[None]:
    """While loading the demo, a save that changes nothing writes no history row.

    The demo upserts by natural keys (`update_or_create`), which saves every row again on a
    second run; simple_history would record each of those saves as a change. A save whose
    stored row already holds every value is marked `skip_history_when_saving` (one read per
    save, demo only); a real change is still recorded.
    """

    def unchanged(sender, instance, raw=False, **kwargs) -> None:
        if raw or instance._state.adding or instance.pk is None:
            return
        if not hasattr(sender._meta, "simple_history_manager_attribute"):
            return
        names = [f.attname for f in sender._meta.concrete_fields]
        stored = sender._default_manager.filter(pk=instance.pk).values(*names).first()
        if stored is not None and all(stored[n] == getattr(instance, n) for n in names):
            instance.skip_history_when_saving = True

    def forget(sender, instance, **kwargs) -> None:
        instance.__dict__.pop("skip_history_when_saving", None)

    signals.pre_save.connect(unchanged, dispatch_uid="demo-history-unchanged")
    signals.post_save.connect(forget, dispatch_uid="demo-history-forget")
    try:
        yield
    finally:
        signals.pre_save.disconnect(dispatch_uid="demo-history-unchanged")
        signals.post_save.disconnect(dispatch_uid="demo-history-forget")
