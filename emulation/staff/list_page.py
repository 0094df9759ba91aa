"""The staff register's rows, built here: a page of fifty people with five years of ratings
each is five hundred cells, and through the template's per-cell tags they were most of the
page's cost. The markup is the one `staff_list.html` had."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cum4.formatting import vn_date
from emulation.staff.models import LeadershipLevel
from emulation.staff.selectors import StaffRow

_SENTINEL = 987654321  # an id no person has, replaced by each person's in their address


def rows_html(rows: list[StaffRow], years: list[int]) -> list[SafeString]:
    """Each row of the register's table: name and code (linking to the person), position,
    leadership level, time in the unit, then the rating of each of `years`."""
    ratings = {
        "excellent": _("Excellent"), "good": _("Good"), "completed": _("Completed"),
        "not_completed": _("Not completed"),
    }
    levels = {value: str(label) for value, label in LeadershipLevel.choices}
    # One reverse for the page: a person's address differs only by their id.
    link = reverse("emulation:staff_detail", args=[_SENTINEL])
    html = []
    for row in rows:
        person, assignment = row.staff_member, row.assignment
        url = link.replace(str(_SENTINEL), str(person.pk))
        until = f" – {vn_date(assignment.end)}" if assignment.end else ""
        level = levels.get(assignment.leadership_level, assignment.leadership_level)
        cells = "".join(
            f'<td class="text-center small rating-{escape(rating or "none")}">'
            f'{escape(ratings.get(rating, "–"))}</td>'
            for rating in (row.ratings.get(year) for year in years)
        )
        html.append(mark_safe(
            f'<tr>\n    <td><a href="{url}">{escape(person.full_name)}</a> '
            f'<span class="text-muted small">{escape(person.code)}</span></td>\n'
            f"    <td>{escape(assignment.position)}</td>\n"
            f'    <td class="small">{escape(level)}</td>\n'
            f'    <td class="small">{vn_date(assignment.start)}{until}</td>\n'
            f"    {cells}\n  </tr>"
        ))
    return html
