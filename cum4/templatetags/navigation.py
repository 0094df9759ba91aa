"""The main menu of every page, rendered once per shape rather than on each request."""

from __future__ import annotations

from django import template
from django.urls import get_script_prefix
from django.utils.safestring import SafeString

from cum4.fragments import cached_fragment

register = template.Library()


def _entry_shape(entry) -> tuple:
    items = getattr(entry, "items", None)
    if items is not None:  # a drop-down group
        return (str(entry.label), tuple((item.url_name, str(item.label)) for item in items))
    return (entry.url_name, str(entry.label), entry.badge_url_name)


@register.simple_tag(takes_context=True)
def nav_menu(context) -> SafeString:
    """The menu of `nav_entries` (the navigation context processor), the user's unit and the
    admin link: a dozen URL reversals, cached under exactly what they show (with the
    language, by cached_fragment, and the URL prefix)."""
    user = context["user"]
    unit_code = user.unit.code if user.works_in_unit else ""
    entries = context.get("nav_entries", [])
    shape = (get_script_prefix(), unit_code, user.is_staff, [_entry_shape(e) for e in entries])
    return cached_fragment(
        "includes/_nav_menu.html",
        {"unit_code": unit_code, "is_staff": user.is_staff, "nav_entries": entries},
        key=shape,
    )
