"""The session-timeout warning of a form page (static/cum4/session_timeout.js reads it)."""

from __future__ import annotations

from django import template

from cum4.sessions import session_deadlines

register = template.Library()


@register.inclusion_tag("includes/_session_timeout.html", takes_context=True)
def session_timeout_warning(context) -> dict:
    return {"deadlines": session_deadlines(context["request"])}
