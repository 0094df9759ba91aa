"""What the workbook and the Word report share: reading the cluster_report JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from cum4.exports.catalogue import is_rate


def period_phrase(period: str) -> str:
    """The period as it reads inside a sentence ("năm 2022"); call with the target language
    active."""
    return {
        "q1": _("the first quarter of"),
        "q2": _("the second quarter of"),
        "q3": _("the third quarter of"),
        "q4": _("the fourth quarter of"),
        "6m": _("the first 6 months of"),
        "9m": _("the first 9 months of"),
        "year": _("the year"),
    }[period]


def value_of(figures: dict, code: str) -> int | Decimal | None:
    """A figure of the JSON as a number: ints stay ints, rates (percent) become Decimal.

    The JSON may carry a rate as a string ("89.72", DjangoJSONEncoder) or a number.
    """
    raw: Any = figures.get(code)
    if raw is None or raw == "":
        return None
    if is_rate(code):
        return Decimal(str(raw))
    if isinstance(raw, int):
        return raw
    number = Decimal(str(raw))
    return int(number) if number == number.to_integral_value() else number


def cluster_title(data: dict) -> str:
    return data.get("cluster_name") or data["cluster"]


def ranking_rows(data: dict) -> list[dict]:
    """The "ranking" extra of the report (scoring: `{"unit", "rank", "total", "groups",
    "votes"}` in rank order) with each unit's name from the report's units; "score" is the
    total. Empty when the year is not final (no "ranking" key)."""
    names = {entry["unit"]: entry.get("name") for entry in data.get("units", [])}
    rows = []
    for entry in data.get("ranking") or []:
        score = entry.get("total", entry.get("score"))
        rows.append({
            "rank": entry.get("rank"),
            "unit": entry.get("unit"),
            "name": entry.get("name") or names.get(entry.get("unit")) or entry.get("unit"),
            "score": None if score in (None, "") else Decimal(str(score)),
            "votes": entry.get("votes"),
        })
    return rows
