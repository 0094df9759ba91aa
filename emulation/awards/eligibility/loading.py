"""What the eligibility rules read, loaded once per unit and year: the unit's people in the
year with their days in post, the records of those people (ratings, discipline, initiatives,
awards, leave) and the unit's own (its awards, the confirmations).

The records' queries are built through the ORM once per process, for placeholder values (a
unit, a year and its dates no row has), and run with the unit and year asked for: building
them, each with the hundred ids of a unit's people, cost more than running them. They read
the people of the unit through a subquery (anyone in post there in the year: the members and
those who left), so that their text does not depend on who the members are.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, Q, QuerySet
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from django.utils.dateparse import parse_date

from cum4.models import Unit
from emulation.awards.eligibility.engine import HISTORY_YEARS, Facts
from emulation.awards.models import Award, ConditionConfirmation, DecisionItem, TitleRule
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    LeavePeriod,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)
from emulation.staff.selectors import PendingFlags

M = TypeVar("M", bound=Model)
# Placeholders no row has, replaced by the unit and the year asked for (within the ranges of
# their fields: Django drops a condition on a value out of a field's range).
_UNIT, _YEAR, _FIRST = 987_654_321, 32_001, 32_002
_START, _END, _ON = dt.date(1, 1, 2), dt.date(1, 12, 30), dt.date(1, 6, 15)
_EARLIEST, _LATEST = dt.date(1, 3, 3), dt.date(1, 3, 4)


def _overlapping(start: dt.date, end: dt.date) -> Q:
    return Q(start__lte=end) & (Q(end__isnull=True) | Q(end__gte=start))


# Columns in the models' order (what Model.from_db takes), the posts' dates where they fall.
_MEMBER_FIELDS = tuple(f.attname for f in StaffMember._meta.concrete_fields)
_ASSIGNMENT_FIELDS = tuple(f.attname for f in StaffAssignment._meta.concrete_fields)
_DATES = frozenset(_ASSIGNMENT_FIELDS.index(name) for name in ("start", "end"))


@functools.cache
def _members_query(alias: str, vendor: str) -> tuple[str, tuple]:
    """Every post in the year of anyone in post in the unit in the year, with the person, for
    the placeholders (once per process and database kind)."""
    overlapping = _overlapping(_START, _END)
    here = StaffAssignment.objects.filter(overlapping, unit_id=_UNIT).values("staff_member_id")
    rows = (
        StaffAssignment.objects.filter(overlapping, staff_member_id__in=here)
        .order_by("staff_member_id", "-start", "-pk")
        .values_list(*_ASSIGNMENT_FIELDS, *(f"staff_member__{name}" for name in _MEMBER_FIELDS))
    )
    return rows.query.get_compiler(using=alias).as_sql()


def _date(value: object) -> dt.date | None:
    """A date column as a date (SQLite may hand back its text)."""
    return parse_date(value) if isinstance(value, str) else value  # type: ignore[return-value]


def made(model: type[M], alias: str, names: Sequence[str], values: Sequence[object]) -> M:
    """What `model.from_db(alias, names, values)` makes of a full row, without the
    per-field work of `Model.__init__` (a unit's hundred people and posts cost a
    millisecond that way); through `from_db` when something listens to the model's init."""
    if pre_init.has_listeners(model) or post_init.has_listeners(model):
        return model.from_db(alias, names, values)
    obj = model.__new__(model)
    obj.__dict__.update(zip(names, values, strict=True))
    state = obj._state = ModelState()
    state.adding, state.db = False, alias
    return obj


def members_in_year(
    unit: Unit, year: int
) -> tuple[list[StaffAssignment], dict[int, list[tuple[dt.date, dt.date]]]]:
    """The unit's people in the year: those whose last assignment begun in the year is here,
    by name; and each one's days in post in the year, in any unit (from the same rows)."""
    alias = DEFAULT_DB_ALIAS
    connection = connections[alias]
    sql, params = _members_query(alias, connection.vendor)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(params, _values(connection, unit, year)))
        found = cursor.fetchall()
    last: dict[int, StaffAssignment] = {}
    service: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    split = len(_ASSIGNMENT_FIELDS)
    for values in found:
        row = made(StaffAssignment, alias, _ASSIGNMENT_FIELDS, [
            _date(value) if i in _DATES else value for i, value in enumerate(values[:split])
        ])
        pid = row.staff_member_id
        if pid not in last:
            last[pid] = row
            row.staff_member = made(StaffMember, alias, _MEMBER_FIELDS, values[split:])
        service[pid].append((max(row.start, start), min(row.end or end, end)))
    members = [a for a in last.values() if a.unit_id == unit.pk]
    members.sort(key=lambda a: (a.staff_member.full_name, a.staff_member.code))
    return members, {a.staff_member_id: service[a.staff_member_id] for a in members}


def _fields(model: type[Model]) -> tuple[str, ...]:
    """A model's columns in its order (what Model.from_db takes)."""
    return tuple(f.attname for f in model._meta.concrete_fields)


Prebuilt = tuple[str, tuple, dict]  # the SQL, its parameters, the columns' converters


def _prebuilt(rows: QuerySet, alias: str) -> Prebuilt:
    compiler = rows.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    return sql, params, compiler.get_converters([col for col, _sql, _alias in compiler.select])


@functools.cache
def _fact_queries(alias: str, vendor: str) -> dict[str, Prebuilt]:
    """The records' queries for the placeholders (once per process and database kind)."""
    here = StaffAssignment.objects.filter(
        _overlapping(_START, _END), unit_id=_UNIT
    ).values("staff_member_id")
    years = {"year__gte": _FIRST, "year__lte": _YEAR}
    user = ConditionConfirmation._meta.get_field("confirmed_by").related_model
    queries: dict[str, QuerySet] = {
        "ratings": YearlyRating.objects.filter(staff_member_id__in=here, **years)
        .order_by()
        .values_list("staff_member_id", "year", "rating"),
        "discipline": DisciplinaryMeasure.objects.filter(staff_member_id__in=here, year=_YEAR)
        .order_by("pk")
        .values_list(*_fields(DisciplinaryMeasure)),
        "initiatives": Initiative.objects.filter(staff_member_id__in=here, **years)
        .order_by("-year", "pk")
        .values_list(*_fields(Initiative)),
        "awarded": DecisionItem.objects.filter(
            Q(staff_member_id__in=here) | Q(unit_id=_UNIT, staff_member__isnull=True),
            decision__year__gte=_FIRST,
            decision__year__lte=_YEAR,
        )
        .order_by()
        .values_list("staff_member_id", "decision__year", "award_id"),
        "confirmations": ConditionConfirmation.objects.filter(unit_id=_UNIT, year=_YEAR)
        .order_by()
        .values_list(*_fields(ConditionConfirmation),
                     *(f"confirmed_by__{name}" for name in _fields(user))),
        # pending_flags() of the unit and its people, on the day the rules are read
        "pending": PendingComplaint.objects.filter(
            Q(unit_id=_UNIT) | Q(staff_member_id__in=here), PendingComplaint.pending_on(_ON)
        )
        .order_by()
        .values_list("unit_id", "staff_member_id"),
        "leave": LeavePeriod.objects.filter(
            staff_member_id__in=here, start__lte=_END, end__gte=_START
        )
        .order_by("-start", "pk")
        .values_list(*_fields(LeavePeriod)),
    }
    return {name: _prebuilt(qs, alias) for name, qs in queries.items()}


def _run(query: Prebuilt, values: dict[object, object], connection: BaseDatabaseWrapper
         ) -> list[list]:
    """The rows of a query built once, for the placeholders' `values`, converted as the ORM
    converts them."""
    sql, params, converters = query
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(params, values))
        found = [list(row) for row in cursor.fetchall()]
    for position, (functions, expression) in converters.items():
        for row in found:
            for function in functions:
                row[position] = function(row[position], expression, connection)
    return found


def _params(params: Sequence[object], values: dict[object, object]) -> list[object]:
    return [values.get(p, p) for p in params]  # type: ignore[call-overload]


def _values(connection: BaseDatabaseWrapper, unit: Unit, year: int) -> dict[object, object]:
    """The placeholders' values for the unit and the year (dates as the database takes them)."""
    date = connection.ops.adapt_datefield_value
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return {_UNIT: unit.pk, _YEAR: year, _FIRST: year - HISTORY_YEARS,
            date(_START): date(start), date(_END): date(end)}


def load_facts(unit: Unit, year: int) -> Facts:
    """The records the rules read of the unit's people (and of the unit), loaded once; the
    days in post come with the members (`members_in_year`)."""
    alias = DEFAULT_DB_ALIAS
    connection = connections[alias]
    queries = _fact_queries(alias, connection.vendor)
    values = _values(connection, unit, year)

    def rows(name: str) -> list[list]:
        return _run(queries[name], values, connection)

    def objects(name: str, model: type[Model]) -> list:
        fields = _fields(model)
        return [made(model, alias, fields, row) for row in rows(name)]

    ratings = {(pid, y): r for pid, y, r in rows("ratings")}
    discipline: dict[int, list[DisciplinaryMeasure]] = defaultdict(list)
    for row in objects("discipline", DisciplinaryMeasure):
        discipline[row.staff_member_id].append(row)
    initiatives: dict[int, list[Initiative]] = defaultdict(list)
    for row in objects("initiatives", Initiative):
        initiatives[row.staff_member_id].append(row)
    awarded: dict[tuple[int, int], set[str]] = defaultdict(set)
    for pid, y, code in rows("awarded"):
        awarded[(pid or 0, y)].add(code)
    confirmations = {}
    fields = _fields(ConditionConfirmation)
    user = ConditionConfirmation._meta.get_field("confirmed_by").related_model
    for row in rows("confirmations"):
        c = made(ConditionConfirmation, alias, fields, row[: len(fields)])
        c.confirmed_by = made(user, alias, _fields(user), row[len(fields):])
        confirmations[(c.award_id, c.staff_member_id, c.condition)] = c
    leave: dict[int, list[LeavePeriod]] = defaultdict(list)
    for row in objects("leave", LeavePeriod):
        leave[row.staff_member_id].append(row)
    return Facts(ratings, discipline, initiatives, awarded, confirmations, leave=leave)


def pending_in_unit(unit: Unit, year: int, on: dt.date, person_ids: set[int]) -> PendingFlags:
    """`pending_flags(unit_ids=[unit], staff_ids=person_ids, on=on)` for the unit's people in
    the year, by the query built once (it reads anyone in post there in the year: only what
    pending_flags would have read is kept)."""
    alias = DEFAULT_DB_ALIAS
    connection = connections[alias]
    values = _values(connection, unit, year)
    values[connection.ops.adapt_datefield_value(_ON)] = connection.ops.adapt_datefield_value(on)
    found = _run(_fact_queries(alias, connection.vendor)["pending"], values, connection)
    units = frozenset(unit_id for unit_id, staff_id in found if staff_id is None)
    staff = frozenset(
        staff_id for unit_id, staff_id in found
        if staff_id is not None and (staff_id in person_ids or unit_id == unit.pk)
    )
    return PendingFlags(units, staff)


_RULE_FIELDS = tuple(f.attname for f in TitleRule._meta.concrete_fields)
_AWARD_FIELDS = tuple(f.attname for f in Award._meta.concrete_fields)


@functools.cache
def _rules_query(alias: str, vendor: str) -> tuple[str, tuple, dict]:
    """The enabled rules in force at some time between two days, with their titles, for
    placeholder days (once per process and database kind), and the columns' converters."""
    rows = (
        TitleRule.objects.filter(
            Q(valid_from__lte=_LATEST),
            Q(valid_to__isnull=True) | Q(valid_to__gte=_EARLIEST),
            enabled=True,
        )
        .order_by("award__sort_order", "pk")
        .values_list(*_RULE_FIELDS, *(f"award__{name}" for name in _AWARD_FIELDS),
                     *(f"streak_award__{name}" for name in _AWARD_FIELDS))
    )
    compiler = rows.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    return sql, params, compiler.get_converters([col for col, _sql, _alias in compiler.select])


def rules_between(earliest: dt.date, latest: dt.date) -> list[TitleRule]:
    """`TitleRule.objects.filter(valid_from__lte=latest, valid_to null or >= earliest,
    enabled=True).select_related("award", "streak_award").order_by("award__sort_order", "pk")`
    by the query built once."""
    alias = DEFAULT_DB_ALIAS
    connection = connections[alias]
    sql, params, converters = _rules_query(alias, connection.vendor)
    date = connection.ops.adapt_datefield_value
    values = {date(_EARLIEST): date(earliest), date(_LATEST): date(latest)}
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(params, values))
        found = cursor.fetchall()
    rules = []
    first, second = len(_RULE_FIELDS), len(_RULE_FIELDS) + len(_AWARD_FIELDS)
    for row in found:
        row = list(row)
        for position, (functions, expression) in converters.items():
            for function in functions:
                row[position] = function(row[position], expression, connection)
        rule = made(TitleRule, alias, _RULE_FIELDS, row[:first])
        rule.award = made(Award, alias, _AWARD_FIELDS, row[first:second])
        rule.streak_award = (
            made(Award, alias, _AWARD_FIELDS, row[second:]) if rule.streak_award_id else None
        )
        rules.append(rule)
    return rules
