"""Demo dossiers (load_demo, order 400, after scoring): 2022 complete and frozen for the
2022 proposals, before the 20 December deadline, every member unit's dossier sent to the lead
on 5 December; 2025 open and in progress (the minutes being prepared while the review goes
on, no unit's dossier sent yet).

Idempotent: a frozen component is left alone, a written one is not written again, so a
second load_demo changes nothing.
"""

from __future__ import annotations

import datetime as dt

from cum4.demo import CLUSTER_CODE
from cum4.models import ClusterYear, Membership, User
from emulation.dossier import services
from emulation.dossier.models import Component, UnitDossier

Kind = Component.Kind
FROZEN_2022 = dt.datetime(2022, 12, 15, 9, 0, tzinfo=dt.UTC)
SENT_2022 = dt.datetime(2022, 12, 5, 2, 0, tzinfo=dt.UTC)  # 09:00 in Vietnam
ISSUED_2022 = dt.date(2022, 12, 15)
NUMBERS_2022 = {Kind.SUBMISSION: "25", Kind.MINUTES: "24", Kind.ACHIEVEMENT: "118",
                Kind.PENDING: "119"}
UNIT_TEXT = {
    "profile": ("Thanh tra tỉnh là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có trụ sở tại "
                "thành phố tỉnh lỵ; gồm Chánh Thanh tra, các Phó Chánh Thanh tra và các phòng "
                "nghiệp vụ (số liệu minh họa, demo)."),
    "functions": ("Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về công tác thanh tra, "
                  "tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng; "
                  "tiến hành thanh tra, giải quyết khiếu nại, tố cáo theo quy định của pháp luật."),
    "measures": "Ứng dụng công nghệ thông tin trong theo dõi kết luận thanh tra (demo).",
    "policy": "Chấp hành nghiêm chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
    "party": "Chi bộ đạt danh hiệu trong sạch, vững mạnh; Công đoàn vững mạnh (demo).",
}


def _cluster_year(year: int) -> ClusterYear:
    return ClusterYear.objects.get(cluster__code=CLUSTER_CODE, year=year)


def _leader(unit) -> User:
    return User.objects.filter(unit=unit, role=User.Role.LEADER).order_by("pk").first()


def _lead(cluster_year: ClusterYear) -> User:
    return _leader(Membership.objects.get(cluster_year=cluster_year,
                                          role=Membership.Role.LEAD).unit)


def _write(component: Component, written: dict, by: User) -> None:
    if component.drafted_at is None and not component.is_frozen:
        services.component_write(component=component, written=written, by=by)


def load() -> None:
    year_2022 = _cluster_year(2022)
    lead = _lead(year_2022)
    cluster = services.dossier_open(cluster_year=year_2022, by=None)
    if cluster.completed_at is None:
        for dossier in cluster.proposal_dossiers.select_related("unit"):
            for component in dossier.components.all():
                _write(component, UNIT_TEXT if component.kind == Kind.ACHIEVEMENT else {},
                       _leader(dossier.unit))
        for component in cluster.components.all():
            _write(component, {"secretary": "Nguyễn Thị Thư (demo)",
                               "held_on": "09/12/2022"} if component.kind == Kind.MINUTES else {},
                   lead)
        for membership in Membership.objects.filter(cluster_year=year_2022).select_related(
                "unit").order_by("pk"):
            if not UnitDossier.objects.filter(cluster_year=year_2022,
                                              unit=membership.unit).exists():
                services.unit_dossier_send(
                    cluster_year=year_2022, unit=membership.unit, by=_leader(membership.unit),
                    note="Công văn gửi hồ sơ thi đua, khen thưởng năm 2022 (demo)",
                    at=SENT_2022)
        for component in Component.objects.filter(dossier__cluster_year=year_2022,
                                                  frozen_at__isnull=True).order_by("pk"):
            services.component_freeze(component=component, number=NUMBERS_2022[component.kind],
                                      issued_on=ISSUED_2022, by=lead, at=FROZEN_2022)

    year_2025 = _cluster_year(2025)
    cluster_2025 = services.dossier_open(cluster_year=year_2025, by=None)
    minutes = cluster_2025.components.get(kind=Kind.MINUTES)
    _write(minutes, {"held_on": "08/12/2025", "secretary": "Thư ký Cụm (demo)"},
           _lead(year_2025))
