"""Vietnamese display formats, shared by templates, spreadsheets and Word documents.

1902 → "1.902"; 0.8972 → "89,72%"; 71_560_000_000 → "71,56 tỷ đồng"; dates dd/mm/yyyy.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

BILLION = 1_000_000_000
MILLION = 1_000_000


def _to_decimal(value: int | float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def vn_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """Thousands with ".", decimals with ","; None (not known) as an en dash."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = _to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def vn_percent(ratio: int | float | Decimal | None, decimals: int = 2) -> str:
    """A ratio (0.8972) as a percentage ("89,72%")."""
    if ratio is None:
        return "–"
    return f"{vn_number(_to_decimal(ratio) * 100, decimals)}%"


def vn_rate(percent: int | float | Decimal | None, decimals: int = 2) -> str:
    """A value already in percent (89.72) as "89,72%"."""
    if percent is None:
        return "–"
    return f"{vn_number(percent, decimals)}%"


def vn_money(amount: int | float | Decimal | None) -> str:
    """Đồng as people write them: large amounts in tỷ (billions) or triệu (millions) with at
    most two decimals and none when they are zero ("226 triệu đồng", "71,56 tỷ đồng").

    An amount that rounding would push into the next unit's thousand (999.999.999 đồng is not
    "1.000 triệu") is written exactly in đồng instead.
    """
    if amount is None:
        return "–"
    amount = _to_decimal(amount)
    for scale, unit in ((BILLION, "tỷ đồng"), (MILLION, "triệu đồng")):
        if abs(amount) < scale:
            continue
        scaled = (amount / scale).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if scale == MILLION and abs(scaled) >= 1000:
            break
        return f"{_without_zero_decimals(scaled)} {unit}"
    return f"{vn_number(amount)} đồng"


def _without_zero_decimals(value: Decimal) -> str:
    """Two decimals, dropped when both are zero: 226.00 → "226", 64.20 → "64,20"."""
    if value == value.to_integral_value():
        return vn_number(value)
    return vn_number(value, 2)


def vn_millions(amount: int | float | Decimal | None) -> str:
    """Đồng as a number of millions for a column headed "triệu đồng": whole millions
    ("14.336"), two decimals only below one million ("0,45") so a small amount is not 0."""
    if amount is None:
        return "–"
    millions = _to_decimal(amount) / MILLION
    if amount and abs(millions) < 1:
        return vn_number(millions, 2)
    return vn_number(millions)


# Rates as the seed article prints them: recovery "89,72%", resolution "88,4%".
RATE_DECIMALS = {"recovery_rate": 2, "resolution_rate": 1, "on_time_rate": 1}


def vn_figure(value: int | float | Decimal | None, code: str) -> str:
    """An indicator's value by its code: rates as "89,72%", đồng as "71,56 tỷ đồng", else "1.902"."""
    if code.endswith("_rate"):
        return vn_rate(value, RATE_DECIMALS.get(code, 2))
    if code.endswith("_vnd"):
        return vn_money(value)
    return vn_number(value)


def vn_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return "–"
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%H:%M %d/%m/%Y")
