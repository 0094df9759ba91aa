"""What a form prints around its table: who reports to whom, by when, and who signs."""

from __future__ import annotations

from dataclasses import dataclass

from cum4.models import ClusterYear, Unit
from cum4.yearend.selectors import head_of, year_end_identity


@dataclass(frozen=True)
class Signature:
    """The place of the date line and the unit head's title and name ("" when not recorded:
    the form leaves a dotted line for it)."""

    place: str
    head_title: str
    head_name: str


HEAD_CAPTION = "Thủ trưởng đơn vị"  # the forerunner forms' caption when no title is known


def signature_for(*, cluster_year: ClusterYear, unit: Unit | None) -> Signature:
    """A unit's forms are signed by its head (Chánh Thanh tra, by name when recorded); the
    cluster's by whoever signs its year-end report (the lead unit's head by default, or what
    the lead saved for the year's report), as `cum4.yearend` reads it."""
    if unit is None:
        identity = year_end_identity(cluster_year=cluster_year)
        return Signature(identity.place, identity.signer_title, identity.signer_name)
    title = f"CHÁNH {unit.name.upper()}" if unit.name.lower().startswith("thanh tra") else ""
    return Signature(unit.province, title or HEAD_CAPTION.upper(), head_of(unit=unit))
