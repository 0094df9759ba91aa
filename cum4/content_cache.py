"""Values cached under the data they are computed from (or a stamp that moves with it).

The cache is per process (Django's local-memory cache), so nothing is ever invalidated: a key
is the content itself, hashed, and a changed content is a new key. The time is only a bound.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")


def content_key(namespace: str, content: object) -> str:
    """A cache key for `content` (anything with a stable repr): a changed content is a new key."""
    return f"{namespace}:" + hashlib.sha256(repr(content).encode()).hexdigest()


def cached_by_content(
    namespace: str, content: object, compute: Callable[[], T], *, seconds: int
) -> T:
    """`compute()`, cached under `namespace` and `content` (anything with a stable repr);
    `compute` never returns None."""
    key = content_key(namespace, content)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
