"""The values the report page reads, in two queries whatever the sections, the years or the
history: the reports its checks compare to, then one query over every section table (the
values of those reports) and every section's history table (the rows as they were at the
last approval: "changed since the last approval").

Read afresh on every request: nothing here is kept between requests but the text of the SQL,
which depends on the registered sections (code), never on data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import ReportSection, report_sections
from cum4.reports.validation import ReportValues, empty_values

# The values of the unit's approved quarters the outlier check compares to, newest first.
Compared = tuple[int | None, list[int]]  # (the previous quarter's id, the history's ids)


def compared_ids(report: QuarterlyReport, limit: int) -> Compared:
    """(the id of the unit's previous quarter's report — Q4 of last year before Q1 — or None,
    the ids of its newest `limit` approved reports before this one, newest first): one query.

    The previous quarter, when it has a report, is the newest report before this one, so the
    newest `limit + 1` reports that are approved or the previous quarter hold both.
    """
    year, quarter = (report.year, report.quarter - 1) if report.quarter > 1 else (report.year - 1, 4)
    approved = QuarterlyReport.State.APPROVED.value
    with connection.cursor() as cursor:
        cursor.execute(
            _compared_sql(),
            [report.unit_id, report.year, report.year, report.quarter, approved, year, quarter,
             limit + 1],
        )
        rows = cursor.fetchall()
    previous = next((pk for pk, y, q, _s in rows if (y, q) == (year, quarter)), None)
    history = [pk for pk, _y, _q, state in rows if state == approved]
    return previous, history[:limit]


def _compared_sql() -> str:
    # Written out rather than built by the ORM at each request: the page's hottest read.
    quote = connection.ops.quote_name
    return (
        f"SELECT id, year, quarter, state FROM {quote(QuarterlyReport._meta.db_table)} "
        "WHERE unit_id = %s AND (year < %s OR (year = %s AND quarter < %s)) "
        "AND (state = %s OR (year = %s AND quarter = %s)) "
        "ORDER BY year DESC, quarter DESC LIMIT %s"
    )


@dataclass(frozen=True)
class PageValues:
    by_id: dict[int, ReportValues]  # the stored values of each report asked for
    at_approval: ReportValues | None  # the report's rows at its last approval (None: never)


def page_values(report: QuarterlyReport, ids: set[int]) -> PageValues:
    """The stored values of the reports `ids` (empty values where nothing is stored) and, when
    the report was approved, each of its section rows as the history last recorded it at or
    before `approved_at` (a row with no record then is absent: empty). One query."""
    ids = sorted(ids)
    by_id: dict[int, ReportValues] = {pk: empty_values() for pk in ids}
    approved_at = report.approved_at
    at_approval = empty_values() if approved_at is not None else None
    if not ids and at_approval is None:
        return PageValues(by_id, at_approval)
    sql = _sql(len(ids), with_history=at_approval is not None)
    params: list = []
    for _section in report_sections():
        params.extend(ids)
        if at_approval is not None:
            when = connection.ops.adapt_datetimefield_value(approved_at)
            params.extend([report.pk, when, when])
    sections = {section.code: section for section in report_sections()}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for code, report_id, row, historical, *values in cursor.fetchall():
            section = sections[code]
            target = at_approval if historical else by_id[report_id]
            if row in target[code]:
                target[code][row] = dict(zip(section.codes, values, strict=False))
    return PageValues(by_id, at_approval)


# The text of the query by (number of ids, with the history): built once per process.
_SQL: dict[tuple[int, bool], str] = {}


def _sql(count: int, *, with_history: bool) -> str:
    key = (count, with_history)
    if key not in _SQL:
        sections = report_sections()
        width = max(len(section.codes) for section in sections)
        parts = []
        for section in sections:
            if count:
                parts.append(_current_select(section, count, width))
            if with_history:
                parts.append(_history_select(section, width))
        _SQL[key] = " UNION ALL ".join(parts)
    return _SQL[key]


def _columns(section: ReportSection, model, alias: str, width: int) -> str:
    """The section's codes in its order, then NULLs up to `width` (every SELECT of a UNION has
    the same columns; each row is read back by its section)."""
    quote = connection.ops.quote_name
    columns = [f"{alias}.{quote(model._meta.get_field(code).column)}" for code in section.codes]
    columns += ["CAST(NULL AS BIGINT)"] * (width - len(columns))
    return ", ".join(columns)


def _row_key(section: ReportSection, model, alias: str) -> str:
    if not section.row_field:
        return "''"
    return f"{alias}.{connection.ops.quote_name(model._meta.get_field(section.row_field).column)}"


def _current_select(section: ReportSection, count: int, width: int) -> str:
    model = section.model_class()
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * count)
    return (
        f"SELECT '{section.code}', s.{quote(model._meta.get_field('report').column)}, "
        f"{_row_key(section, model, 's')}, 0, {_columns(section, model, 's', width)} "
        f"FROM {quote(model._meta.db_table)} s "
        f"WHERE s.{quote(model._meta.get_field('report').column)} IN ({marks})"
    )


def _history_select(section: ReportSection, width: int) -> str:
    """The newest record (by history date, then history id) of each of the report's rows at or
    before the approval; params: report id, approved at, approved at."""
    model = section.model_class().history.model
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    report = quote(model._meta.get_field("report").column)
    date = quote(model._meta.get_field("history_date").column)
    hid = quote(model._meta.pk.column)
    same_row = ""
    if section.row_field:
        column = quote(model._meta.get_field(section.row_field).column)
        same_row = f"AND later.{column} = h.{column} "
    return (
        f"SELECT '{section.code}', h.{report}, {_row_key(section, model, 'h')}, 1, "
        f"{_columns(section, model, 'h', width)} FROM {table} h "
        f"WHERE h.{report} = %s AND h.{date} <= %s AND NOT EXISTS ("
        f"SELECT 1 FROM {table} later WHERE later.{report} = h.{report} {same_row}"
        f"AND later.{date} <= %s AND (later.{date} > h.{date} "
        f"OR (later.{date} = h.{date} AND later.{hid} > h.{hid})))"
    )
