"""Parts of a page rendered once per content: the costly tables of the busiest pages.

The key is the data the fragment shows (or a stamp that moves with it), so a cached fragment
is never stale; the language is part of the key, the time is only the cache's bound.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cum4.content_cache import cached_by_content

FRAGMENT_SECONDS = 15 * 60


def cached_fragment(
    template_name: str, context: dict[str, Any] | None = None, *, key: object
) -> SafeString:
    """`template_name` rendered with `context` (built only on a miss when it is a callable),
    cached under `key` (anything with a stable repr) and the active language."""
    html = cached_by_content(
        "cum4-fragment",
        (template_name, key, get_language()),
        lambda: render_to_string(template_name, context() if callable(context) else context),
        seconds=FRAGMENT_SECONDS,
    )
    return mark_safe(html)  # our own template's output, escaped when it was rendered
