"""What every component's content holds besides its body: the header (issuing body, number,
place and date), the written parts people fill in, and the signature.

Content is a JSON-ready dict of display strings (numbers already in the Vietnamese format of
cum4.formatting), so one content feeds the page, the Word file and the frozen snapshot alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cum4.models import ClusterYear, Membership, Unit, User
from emulation.awards.models import Award

DRAFT = "…"


@dataclass(frozen=True)
class Part:
    """A part of a component written by people in the browser (kept with history)."""

    key: str
    label: str
    multiline: bool = True
    default: str = ""


def award_names(codes: set[str]) -> dict[str, str]:
    """Award code → its full Vietnamese name (one query)."""
    return dict(Award.objects.filter(code__in=codes).values_list("code", "name"))


def lead_unit(cluster_year: ClusterYear) -> Unit | None:
    membership = (Membership.objects.filter(cluster_year=cluster_year, role=Membership.Role.LEAD)
                  .select_related("unit").first())
    return membership.unit if membership else None


def leader_name(unit: Unit | None) -> str:
    if unit is None:
        return ""
    user = User.objects.filter(unit=unit, role=User.Role.LEADER).order_by("pk").first()
    return (user.full_name or user.username) if user else ""


def header(*, parent_body: str, issuing_body: str, symbol: str, place: str) -> dict:
    return {"parent_body": parent_body, "issuing_body": issuing_body, "symbol": symbol,
            "place": place, "number": "", "date": ""}


def stamp(content: dict, *, number: str, issued_on: dt.date) -> dict:
    """The content as frozen: the number and date written into its header."""
    frozen = dict(content)
    frozen["header"] = {**content["header"], "number": number, "date": issued_on.isoformat()}
    return frozen


def written_values(parts: list[Part], written: dict) -> dict[str, str]:
    """Each part's text: what was written, else its default drawn from the records."""
    return {part.key: (written.get(part.key) or part.default) for part in parts}


def share(count: int, members: int) -> str:
    """A vote share as the vote page prints it ({% widthratio count members 100 %}%)."""
    if not members:
        return "0%"
    return f"{round(count / members * 100)}%"
