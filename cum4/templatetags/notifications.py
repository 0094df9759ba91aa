"""The bell of the menu: the unread count comes with the user (cum4.auth), so no query."""

from __future__ import annotations

from django import template

from cum4.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context) -> dict:
    return {"unread": unread_count(context["user"])}
