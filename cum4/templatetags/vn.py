"""The one tag library for display formats: {% load vn %} then {{ x|vn_number }} etc.

Like Django's own filters, these fail quietly in a template: a missing value ("" from an
unknown variable) shows as "–" instead of breaking the page. The functions in
cum4.formatting stay strict for code (exports, documents).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import InvalidOperation
from functools import wraps

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from cum4 import formatting

register = template.Library()


def _quiet(function: Callable[..., str]) -> Callable[..., str]:
    @wraps(function)
    def wrapper(value, *args):
        if value == "":
            return "–"
        try:
            return function(value, *args)
        except (InvalidOperation, TypeError, ValueError, AttributeError):
            return str(value)

    return wrapper


register.filter("vn_number", _quiet(formatting.vn_number))
register.filter("vn_percent", _quiet(formatting.vn_percent))
register.filter("vn_rate", _quiet(formatting.vn_rate))
register.filter("vn_money", _quiet(formatting.vn_money))
register.filter("vn_date", _quiet(formatting.vn_date))
register.filter("vn_datetime", _quiet(formatting.vn_datetime))
# {{ figures|get_item:code|vn_figure:code }}
register.filter("vn_figure", _quiet(formatting.vn_figure))


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """Look a key up in a dict from a template: {{ figures|get_item:code }}."""
    return mapping.get(key) if mapping else None


@register.filter
def vn_change(value: object) -> str:
    """A change in percent with its sign: "+12,5%", "−3,0%", "–" when unknown."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")  # type: ignore[operator]
    return sign + formatting.vn_rate(abs(value), 1)  # type: ignore[arg-type]


@register.simple_tag
def figure_cells(cells) -> SafeString:
    """The cells of a row of figures, each (code, value, change in percent or None) as
    `<td class="num">{{ value|vn_figure:code }}` with the change under it: built here rather
    than by a template loop (the unit dashboard draws ten years of ten figures)."""
    figure = register.filters["vn_figure"]
    parts = []
    for code, value, change in cells:
        shown = conditional_escape(figure(value, code))
        if change is not None:
            shown += f'<div class="small text-muted">{conditional_escape(vn_change(change))}</div>'
        parts.append(f'\n      <td class="num">{shown}</td>\n      ')
    return mark_safe("".join(parts))
