"""Tags of the report pages: {% load reports %}."""

from __future__ import annotations

from collections.abc import Iterable

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms, template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cum4.formatting import vn_number
from cum4.reports.models import QuarterlyReport

register = template.Library()

# Bootstrap's colour of each workflow state; the state's own class (state-*) is in app.css.
_BADGE_CLASS = {
    QuarterlyReport.State.APPROVED: "text-bg-success",
    QuarterlyReport.State.SUBMITTED: "text-bg-primary",
    QuarterlyReport.State.RETURNED: "text-bg-danger",
    QuarterlyReport.State.DRAFT: "text-bg-secondary",
}


@register.simple_tag
def state_badge(state: str) -> str:
    """A report's workflow state as a badge. A tag rather than an include, and the label
    from the choices enum rather than get_state_display (which rebuilds the choices dict):
    the status grid draws one per cell."""
    label = QuarterlyReport.State(state).label if state in QuarterlyReport.State else state
    return format_html(
        '<span class="badge state-{} {}" data-state="{}">{}</span>',
        state,
        _BADGE_CLASS.get(state, "text-bg-light"),
        state,
        label,
    )


@register.simple_tag
def change_rows(changes: Iterable) -> SafeString:
    """The rows of "changed since the last approval" (indicator, approved, now), built here
    rather than by a template loop: a report approved before its history was kept lists
    every indicator."""
    return mark_safe(
        "".join(
            f"<tr><td>{conditional_escape(c.label)}</td><td class=\"text-end\">{vn_number(c.before)}</td>"
            f"<td class=\"text-end\">{vn_number(c.after)}</td></tr>"
            for c in changes
        )
    )


_UNBOUND: dict[tuple[type, str | None, str | None], SafeString] = {}


@register.filter
def crispy_unbound(form: forms.Form) -> SafeString:
    """`form|crispy` of a form without data or initial values (the report page's approve and
    reason boxes): its markup then comes from the code alone, so it is laid out once per
    process and language. Any other form is laid out each time."""
    if form.is_bound or form.initial or any(f.initial is not None for f in form.fields.values()):
        return as_crispy_form(form)
    key = (type(form), form.prefix, get_language())
    if key not in _UNBOUND:
        _UNBOUND[key] = as_crispy_form(form)
    return _UNBOUND[key]
