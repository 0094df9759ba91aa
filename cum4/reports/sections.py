"""How an app describes a section of the quarterly report to cum4 (through the registry).

A section names its indicators (code, label, unit, kind), the Django model that stores them
(one row per report, or one row per report and `row` for section D), its validation rules and
its derived indicators. cum4 never imports the apps: it reads `registry.report_sections`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from django.apps import apps
from django.db import models

OPENING = "opening"
FLOW = "flow"
DERIVED = "derived"
ERROR = "error"
WARNING = "warning"

Value = int | Decimal | None


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    label: Any  # a lazy translation
    unit: str  # the unit as printed on the forms: "cuộc", "đồng", "m²"
    kind: str  # OPENING | FLOW


@dataclass(frozen=True)
class Rule:
    """One line of the dictionary's rule table; `holds(values)` gets every field as an int.

    A rule with any of its fields still empty is not judged (drafts may be incomplete).
    """

    code: str
    level: str  # ERROR | WARNING
    fields: tuple[str, ...]
    message: Any  # a lazy translation
    holds: Callable[[Mapping[str, int]], bool]


@dataclass(frozen=True)
class DerivedSpec:
    """A derived indicator: a sum of codes, or a rate = sum(numerator) / sum(denominator) × 100.

    Kept as data (not a function) so the entry page's script computes it the same way live.
    """

    code: str
    label: Any
    unit: str
    order: int
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()

    @property
    def is_rate(self) -> bool:
        return bool(self.denominator)

    def compute(self, values: Mapping[str, Value]) -> Value:
        """The value from summed figures; None when an input is missing or the base is 0."""
        num = [values.get(code) for code in self.numerator]
        if any(value is None for value in num):
            return None
        if not self.denominator:
            return sum(num)  # type: ignore[arg-type]
        den = [values.get(code) for code in self.denominator]
        if any(value is None for value in den) or sum(den) == 0:  # type: ignore[arg-type]
            return None
        rate = Decimal(sum(num)) * 100 / Decimal(sum(den))  # type: ignore[arg-type]
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ReportSection:
    code: str  # "A".."E"
    label: Any
    model: str  # "app_label.ModelName"
    indicators: tuple[IndicatorSpec, ...]
    rules: tuple[Rule, ...] = ()
    derived: tuple[DerivedSpec, ...] = ()
    # Section D is entered once per row ("complaint", "denunciation"); the others have one row "".
    rows: tuple[tuple[str, Any], ...] = (("", ""),)
    row_field: str = ""
    # Openings whose previous closing can be computed: (opening, added codes, subtracted codes),
    # e.g. cases pending = carried over + new − resolved.
    carry: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    order: int = field(default=0, compare=False)

    # Cached (the section never changes): flattening a report reads them once per code.
    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(spec.code for spec in self.indicators)

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _label in self.rows)

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def spec(self, code: str) -> IndicatorSpec:
        return next(spec for spec in self.indicators if spec.code == code)


def rule_message(rules: Sequence, code: str):
    """The message of the rule named `code`, for the database constraint that mirrors it."""
    return next(rule.message for rule in rules if rule.code == code)


def indicator_field(specs: Sequence[IndicatorSpec], code: str) -> models.PositiveBigIntegerField:
    """The model field of an indicator: a whole number ≥ 0, empty allowed while a draft."""
    spec = next(spec for spec in specs if spec.code == code)
    return models.PositiveBigIntegerField(spec.label, null=True, blank=True, help_text=spec.unit)


def report_sections() -> list[ReportSection]:
    """The registered sections, A..E."""
    from cum4.registry import registry

    return list(registry.report_sections)


# What the figures' arithmetic reads of the sections on every call (code, not data): built
# once per set of registered sections, rebuilt if the registry's list changes.
_SHAPE: list = [(), (), ()]


def _shape() -> tuple[tuple[str, ...], tuple[DerivedSpec, ...]]:
    sections = tuple(report_sections())
    cached_sections, base, derived = _SHAPE
    if len(cached_sections) != len(sections) or any(
        a is not b for a, b in zip(cached_sections, sections, strict=True)
    ):
        base = tuple(spec.code for section in sections for spec in section.indicators)
        derived = tuple(
            sorted(
                (spec for section in sections for spec in section.derived),
                key=lambda spec: spec.order,
            )
        )
        _SHAPE[:] = [sections, base, derived]
    return base, derived


def base_codes() -> tuple[str, ...]:
    """Every entered code (not derived), sections A..E in their order."""
    return _shape()[0]


def derived_specs() -> tuple[DerivedSpec, ...]:
    """Every derived indicator in its order."""
    return _shape()[1]
