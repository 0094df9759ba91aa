"""Reads of the year-end report: the document's identity with defaults from the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cum4.models import ClusterYear, Membership, Unit, User
from cum4.yearend.models import NARRATIVE_FIELDS, YearEndReport


@dataclass(frozen=True)
class ReportIdentity:
    """What the Word report prints besides the figures; every field filled (defaults from the
    lead unit of the year when the lead has not saved them). `date` and `number` stay None on
    a draft: the document shows "…" until the lead sets them."""

    parent_body: str
    issuing_body: str
    place: str
    number: str | None
    symbol: str
    date: dt.date | None
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: list[str]
    author: str
    narrative: dict[str, str] = field(default_factory=dict)


def lead_unit_of(*, cluster_year: ClusterYear) -> Unit | None:
    """The unit holding the cluster lead in that year (one query)."""
    membership = (
        Membership.objects.filter(cluster_year=cluster_year, role=Membership.Role.LEAD)
        .select_related("unit")
        .first()
    )
    return membership.unit if membership else None


def head_of(*, unit: Unit | None) -> str:
    """The full name of the unit's head (a leader whose position is Chánh Thanh tra), "" when
    none is recorded."""
    if unit is None:
        return ""
    leaders = User.objects.filter(unit=unit, role=User.Role.LEADER, is_active=True)
    for user in leaders.order_by("pk"):
        if user.position.strip().lower().startswith("chánh thanh tra") and user.full_name:
            return user.full_name
    return ""


def default_recipients() -> list[str]:
    return [
        "- Thanh tra Chính phủ (Vụ Tổ chức cán bộ);",
        "- Thanh tra các tỉnh trong Cụm;",
        "- Lưu: VT.",
    ]


def year_end_report_get(*, cluster_year: ClusterYear) -> YearEndReport | None:
    return YearEndReport.objects.filter(cluster_year=cluster_year).select_related(
        "updated_by"
    ).first()


def year_end_identity(*, cluster_year: ClusterYear) -> ReportIdentity:
    """The report's header, signature and narrative for `cluster_year` (≤ 3 queries).

    Defaults: parent body = the cluster's name; issuing body and place = the lead unit and
    its province; signer = "TRƯỞNG CỤM" and the lead unit's head by name when recorded."""
    saved = year_end_report_get(cluster_year=cluster_year)
    lead = lead_unit_of(cluster_year=cluster_year)
    cluster = cluster_year.cluster
    issuing = lead.name if lead else cluster.name
    default_title = "TRƯỞNG CỤM" + (f"\nCHÁNH {lead.name.upper()}" if lead else "")
    if saved is None:
        return ReportIdentity(
            parent_body=cluster.name,
            issuing_body=issuing,
            place=lead.province if lead else "",
            number=None,
            symbol="BC-CTĐ",
            date=None,
            signer_authority="",
            signer_title=default_title,
            signer_name=head_of(unit=lead),
            recipients=default_recipients(),
            author=issuing,
            narrative=dict.fromkeys(NARRATIVE_FIELDS, ""),
        )
    editor = saved.updated_by
    return ReportIdentity(
        parent_body=saved.parent_body or cluster.name,
        issuing_body=issuing,
        place=saved.place or (lead.province if lead else ""),
        number=saved.number or None,
        symbol=saved.symbol or "BC-CTĐ",
        date=saved.issued_on,
        signer_authority="",
        signer_title=saved.signer_title or default_title,
        signer_name=saved.signer_name or head_of(unit=lead),
        recipients=[line for line in saved.recipients.splitlines() if line.strip()]
        or default_recipients(),
        author=f"{issuing} ({editor})" if editor else issuing,
        narrative={name: getattr(saved, name) for name in NARRATIVE_FIELDS},
    )
