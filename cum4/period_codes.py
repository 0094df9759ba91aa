"""The reporting periods' codes and labels: plain data, below the models that use them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

QUARTER_CODES = ("q1", "q2", "q3", "q4")
DERIVED_CODES = ("6m", "9m", "year")
PERIOD_CODES = QUARTER_CODES + DERIVED_CODES
PERIOD_QUARTERS: dict[str, tuple[int, ...]] = {
    "q1": (1,),
    "q2": (2,),
    "q3": (3,),
    "q4": (4,),
    "6m": (1, 2),
    "9m": (1, 2, 3),
    "year": (1, 2, 3, 4),
}
PERIOD_LABELS = {
    "q1": _("Quarter I"),
    "q2": _("Quarter II"),
    "q3": _("Quarter III"),
    "q4": _("Quarter IV"),
    "6m": _("6 months"),
    "9m": _("9 months"),
    "year": _("Year"),
}
