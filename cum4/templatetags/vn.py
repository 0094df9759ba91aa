"""The one tag library for display formats: {% load vn %} then {{ x|vn_number }} etc."""

from __future__ import annotations

from django import template

from cum4 import formatting

register = template.Library()

register.filter("vn_number", formatting.vn_number)
register.filter("vn_percent", formatting.vn_percent)
register.filter("vn_rate", formatting.vn_rate)
register.filter("vn_money", formatting.vn_money)
register.filter("vn_date", formatting.vn_date)
register.filter("vn_datetime", formatting.vn_datetime)


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """Look a key up in a dict from a template: {{ figures|get_item:code }}."""
    return mapping.get(key) if mapping else None
