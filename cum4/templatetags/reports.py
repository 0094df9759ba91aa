"""Tags of the report pages: {% load reports %}."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

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
