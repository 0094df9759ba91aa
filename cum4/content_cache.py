"""Values cached under the data they are computed from (or a stamp that moves with it).

The cache is per process (Django's local-memory cache), so nothing is ever invalidated: a key
is the content itself, hashed, and a changed content is a new key. The time is only a bound.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet, TextField, Value
from django.db.models.functions import Cast

T = TypeVar("T")


def content_key(namespace: str, content: object) -> str:
    """A cache key for `content` (anything with a stable repr): a changed content is a new key."""
    return f"{namespace}:" + hashlib.sha256(repr(content).encode()).hexdigest()


def cached_by_content(
    namespace: str, content: object, compute: Callable[[], T], *, seconds: int,
    keep: Callable[[T], bool] = lambda value: True,
) -> T:
    """`compute()`, cached under `namespace` and `content` (anything with a stable repr)
    when `keep(value)` (a value that read more than `content` is not kept); `compute` never
    returns None."""
    key = content_key(namespace, content)
    value = cache.get(key)
    if value is None:
        value = compute()
        if keep(value):
            cache.set(key, value, seconds)
    return value


def rows_query(*querysets: QuerySet) -> tuple[str, tuple]:
    """The SQL and parameters reading every row of `querysets`, all their columns, in one
    query: a UNION ALL of the rows, each column as text, padded to the widest table."""
    fields = [queryset.model._meta.concrete_fields for queryset in querysets]
    width = max(len(f) for f in fields)
    names = [f"c{i}" for i in range(width + 1)]
    parts = []
    for index, (queryset, columns) in enumerate(zip(querysets, fields, strict=True)):
        values = [Value(str(index)), *(Cast(field.attname, TextField()) for field in columns)]
        values += [Value("")] * (width + 1 - len(values))
        parts.append(
            queryset.order_by()
            .annotate(**dict(zip(names, values, strict=True)))
            .values_list(*names)
        )
    return parts[0].union(*parts[1:], all=True).query.sql_with_params()


def rows_digest_of(sql: str, params: tuple) -> str:
    """A digest of the rows `sql` reads (`rows_query`), in any order: whatever writes one of
    them (a save, a queryset update(), the admin, an import, SQL) changes it."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = sorted(map(repr, cursor.fetchall()))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()

