"""The one implementation of the dictionary's validation rules.

Used by the entry page (save, submit), the import, the admin (through the section models'
`clean()`) and the workflow services. Values travel as `ReportValues`:
`{section code: {row key: {indicator code: int | None}}}` (row key "" for one-row sections).

Errors block saving and submitting; warnings must be acknowledged with a comment to submit.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cum4.reports.sections import ERROR, WARNING, ReportSection, report_sections

ReportValues = dict[str, dict[str, dict[str, int | None]]]

OUTLIER_FACTOR = 3
OUTLIER_WINDOW = 8
OUTLIER_MIN_HISTORY = 4


@dataclass(frozen=True)
class Issue:
    level: str  # ERROR | WARNING
    rule: str
    message: str
    section: str
    row: str
    fields: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """The entry-page field names: "<section>-<row>-<code>"."""
        return tuple(field_key(self.section, self.row, code) for code in self.fields)

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
            "section": self.section,
            "row": self.row,
            "fields": list(self.fields),
        }


def field_key(section: str, row: str, code: str) -> str:
    return f"{section}-{row}-{code}" if row else f"{section}-{code}"


def section_by_code() -> dict[str, ReportSection]:
    return {section.code: section for section in report_sections()}


def empty_values() -> ReportValues:
    return {
        s.code: {row: dict.fromkeys(s.codes) for row in s.row_keys} for s in report_sections()
    }


def _row_label(section: ReportSection, row: str) -> str:
    return str(dict(section.rows).get(row, "")) if row else ""


def check_row(section: ReportSection, row: str, values: Mapping[str, int | None]) -> list[Issue]:
    """The section's rules on one row; a rule with an empty field is not judged yet."""
    issues = []
    for rule in section.rules:
        args = {code: values.get(code) for code in rule.fields}
        if any(value is None for value in args.values()):
            continue
        if not rule.holds(args):
            message = str(rule.message)
            if row:
                message = f"{_row_label(section, row)}: {message}"
            issues.append(Issue(rule.level, rule.code, message, section.code, row, rule.fields))
    return issues


def check_values(values: ReportValues) -> list[Issue]:
    """Every rule of every section on the values of one report (no database access)."""
    issues: list[Issue] = []
    for section in report_sections():
        for row in section.row_keys:
            issues.extend(check_row(section, row, values.get(section.code, {}).get(row, {})))
    return issues


def missing_values(values: ReportValues) -> list[tuple[str, str, str]]:
    """(section, row, code) of every empty value: submitting needs them all (0 is a value)."""
    missing = []
    for section in report_sections():
        for row in section.row_keys:
            row_values = values.get(section.code, {}).get(row, {})
            missing.extend(
                (section.code, row, code) for code in section.codes if row_values.get(code) is None
            )
    return missing


def closing_values(values: ReportValues) -> dict[tuple[str, str, str], int]:
    """What each computable opening of the NEXT quarter should be, from this quarter's values."""
    closing = {}
    for section in report_sections():
        for opening, adds, subtracts in section.carry:
            for row in section.row_keys:
                row_values = values.get(section.code, {}).get(row, {})
                needed = [row_values.get(code) for code in (*adds, *subtracts)]
                if any(value is None for value in needed):
                    continue
                total = sum(row_values[c] for c in adds) - sum(row_values[c] for c in subtracts)
                closing[(section.code, row, opening)] = total
    return closing


def opening_issues(values: ReportValues, previous: ReportValues | None) -> list[Issue]:
    """Warn where an opening differs from the previous quarter's computed closing value."""
    if previous is None:
        return []
    issues = []
    sections = section_by_code()
    for (section_code, row, code), expected in closing_values(previous).items():
        actual = values.get(section_code, {}).get(row, {}).get(code)
        if actual is None or actual == expected:
            continue
        section = sections[section_code]
        prefix = f"{_row_label(section, row)}: " if row else ""
        message = _(
            "%(label)s is %(actual)s but the previous quarter closed with %(expected)s pending."
        ) % {"label": section.spec(code).label, "actual": actual, "expected": expected}
        issues.append(
            Issue(WARNING, "opening_balance", prefix + message, section_code, row, (code,))
        )
    return issues


def outlier_issues(values: ReportValues, history: Sequence[ReportValues]) -> list[Issue]:
    """Warn on a value above 3× the median of the unit's last 8 quarters (needs 4 of them).

    `history` is the unit's earlier quarters, newest first. A median of 0 is not a yardstick
    (any first case would be "infinitely" above it), so such values are not judged.
    """
    recent = list(history)[:OUTLIER_WINDOW]
    if len(recent) < OUTLIER_MIN_HISTORY:
        return []
    issues = []
    for section in report_sections():
        for row in section.row_keys:
            for spec in section.indicators:
                value = values.get(section.code, {}).get(row, {}).get(spec.code)
                past = [
                    v
                    for old in recent
                    if (v := old.get(section.code, {}).get(row, {}).get(spec.code)) is not None
                ]
                if value is None or len(past) < OUTLIER_MIN_HISTORY:
                    continue
                median = statistics.median(past)
                if median > 0 and value > OUTLIER_FACTOR * median:
                    prefix = f"{_row_label(section, row)}: " if row else ""
                    message = _(
                        "%(label)s (%(value)s) is more than 3 times the median of the unit's "
                        "last quarters (%(median)s)."
                    ) % {"label": spec.label, "value": value, "median": median}
                    issues.append(
                        Issue(WARNING, "outlier", prefix + message, section.code, row, (spec.code,))
                    )
    return issues


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.level == ERROR]


def warnings(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.level == WARNING]


def raise_row_errors(section_code: str, instance: object) -> None:
    """For a section model's `clean()`: the error rules of its row as a field-keyed error.

    The admin and the import call it through `full_clean()`, so they refuse exactly what the
    entry page refuses.
    """
    section = section_by_code()[section_code]
    row = getattr(instance, section.row_field) if section.row_field else ""
    values = {code: getattr(instance, code) for code in section.codes}
    found = errors(check_row(section, row, values))
    if found:
        by_field: dict[str, list[str]] = {}
        for issue in found:
            for code in issue.fields:
                by_field.setdefault(code, []).append(issue.message)
        raise ValidationError(by_field)
