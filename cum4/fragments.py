"""Parts of a page rendered once per content: the costly tables of the busiest pages.

The key is the data the fragment shows (or a stamp that moves with it), so a cached fragment
is never stale; the language is part of the key, the time is only the cache's bound.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

FRAGMENT_SECONDS = 15 * 60


def cached_fragment(
    template_name: str, context: dict[str, Any] | None = None, *, key: object
) -> SafeString:
    """`template_name` rendered with `context` (built only on a miss when it is a callable),
    cached under `key` (anything with a stable repr) and the active language."""
    digest = hashlib.sha256(repr((template_name, key, get_language())).encode()).hexdigest()
    cache_key = f"cum4-fragment:{digest}"
    html = cache.get(cache_key)
    if html is None:
        html = render_to_string(template_name, context() if callable(context) else context)
        cache.set(cache_key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # our own template's output, escaped when it was rendered
