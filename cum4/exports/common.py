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


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The period a run of quarters from the first one amounts to.
PREFIX_PERIODS = {(1,): "q1", (1, 2): "6m", (1, 2, 3): "9m", (1, 2, 3, 4): "year"}


def counted_quarters(data: dict) -> tuple[int, ...]:
    """The quarters of the report's period with at least one approved report (the units'
    "approved_quarters"); the period's own quarters when the JSON does not say."""
    from cum4.periods import PERIOD_QUARTERS

    wanted = PERIOD_QUARTERS[data["period"]]
    units = data.get("units") or []
    if not any("approved_quarters" in entry for entry in units):
        return wanted
    approved = {q for entry in units for q in entry.get("approved_quarters") or ()}
    return tuple(q for q in wanted if q in approved)


def counted_period(data: dict) -> str:
    """The period the figures really cover: a year with three approved quarters is "9m", so
    a partial year is never presented as a year. The requested period when the counted
    quarters are not a run from the first (or when nothing is approved)."""
    quarters = counted_quarters(data)
    if len(quarters) == 1:
        return f"q{quarters[0]}"
    return PREFIX_PERIODS.get(quarters, data["period"])


def quarters_text(quarters: tuple[int, ...]) -> str:
    """"I, II, III" ("–" for none)."""
    return ", ".join(ROMAN[q] for q in quarters) or "–"


def units_missing_quarters(data: dict) -> list[tuple[str, tuple[int, ...]]]:
    """(unit name, quarters counted for others but not approved for it), for the note."""
    quarters = counted_quarters(data)
    missing = []
    for entry in data.get("units") or []:
        if "approved_quarters" not in entry:
            continue
        lacking = tuple(q for q in quarters if q not in (entry.get("approved_quarters") or ()))
        if lacking:
            missing.append((entry.get("name") or entry["unit"], lacking))
    return missing


def short_unit_name(name: str) -> str:
    """"Thanh tra tỉnh Lạng Sơn" → "Lạng Sơn" for table cells headed "Thanh tra tỉnh"."""
    for prefix in ("Thanh tra tỉnh ", "Thanh tra thành phố "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
