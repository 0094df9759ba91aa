"""What the quarterly reports add to the shell through the registry: navigation, unit tasks,
the demo loader and the built-in "json" format of `manage.py cluster_report`."""

from __future__ import annotations

import datetime as dt
import json
from typing import BinaryIO

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cum4.models import Unit, User
from cum4.registry import DemoLoader, NavItem, ReviewItem, Task, registry


def _sees_status_grid(user: User) -> bool:
    """Leaders (a lead sees every unit, any other leader its own row), the secretariat and
    viewers. Decided without a query: the menu is drawn on every page."""
    from cum4.permissions import is_secretariat, is_unit_leader, is_viewer

    return bool(is_secretariat(user) or is_viewer(user) or is_unit_leader(user))


def unit_report_tasks(*, user: User, unit: Unit, today: dt.date) -> list[Task]:
    """Reports of the current year whose window has started and that are not yet with the
    lead (due or late), and reports the lead returned."""
    from cum4.periods import NoReportingRule, periods_of_year
    from cum4.reports.models import QuarterlyReport
    from cum4.selectors import reporting_year_of, unit_is_member_in

    year = reporting_year_of(today)
    if not unit_is_member_in(unit=unit, years={year}):
        return []  # no report is due from a unit outside every cluster that year
    try:
        periods = periods_of_year(year)
    except NoReportingRule:
        return []
    reports = {
        r.quarter: r
        for r in QuarterlyReport.objects.filter(unit=unit, year__in=[year])
        .select_related("ready_by")
        .order_by()  # keyed by quarter: no join for the units' order
    }
    tasks = []
    for quarter in range(1, 5):
        period = periods[f"q{quarter}"]
        report = reports.get(quarter)
        if period.start > today:
            continue
        label_args = {"quarter": quarter, "year": year}
        if report is not None and report.state == QuarterlyReport.State.RETURNED:
            tasks.append(
                Task(
                    _("Quarterly report Q%(quarter)s/%(year)s was returned: correct it")
                    % label_args,
                    reverse("reports:detail", args=[report.pk]),
                    period.unit_deadline,
                    "returned",
                )
            )
        elif report is not None and report.ready_at and user.role == User.Role.LEADER:
            # Staff said the entry is done: the leader, who alone submits, sees it first.
            tasks.append(
                Task(
                    _("%(quarter)s/%(year)s report is ready for submission (%(name)s): submit it")
                    % {"quarter": report.quarter_label, "year": year, "name": report.ready_by},
                    reverse("reports:detail", args=[report.pk]),
                    period.unit_deadline,
                    "ready",
                )
            )
        elif report is None or report.state == QuarterlyReport.State.DRAFT:
            url = (
                reverse("reports:detail", args=[report.pk])
                if report
                else reverse("reports:list")
            )
            tasks.append(
                Task(
                    _("Quarterly report Q%(quarter)s/%(year)s to submit") % label_args,
                    url,
                    period.unit_deadline,
                    "late" if today > period.unit_deadline else "due",
                )
            )
    return tasks


def reports_to_approve(*, cluster_years) -> list[ReviewItem]:
    """Reports submitted by the members of `cluster_years` for those years, oldest first."""
    from cum4.reports.models import QuarterlyReport

    reports = (
        QuarterlyReport.objects.filter(
            state=QuarterlyReport.State.SUBMITTED,
            unit__memberships__cluster_year__in=cluster_years,
            year=F("unit__memberships__cluster_year__year"),
        )
        .select_related("unit")
        .order_by("submitted_at")
    )
    return [
        ReviewItem(
            _("Quarterly report Q%(quarter)s/%(year)s of %(unit)s to approve")
            % {"quarter": r.quarter, "year": r.year, "unit": r.unit},
            reverse("reports:detail", args=[r.pk]),
            r.submitted_at,
        )
        for r in reports
    ]


def write_json(*, data: dict, cluster_year, period: str, output: BinaryIO) -> None:
    output.write(json.dumps(data, ensure_ascii=False, indent=2).encode())
    output.write(b"\n")


def _report_deadlines(*, today: dt.date) -> list:
    from cum4.reports.notifications import report_deadlines

    return report_deadlines(today=today)


def _load_demo() -> None:
    from cum4.reports.demo import load_reports

    load_reports()


registry.add_nav(
    NavItem(
        gettext_lazy("Quarterly reports"),
        "reports:list",
        order=20,
        visible=lambda user: user.works_in_unit,
    )
)
registry.add_nav(
    NavItem(gettext_lazy("Reporting status"), "reports:grid", order=25, visible=_sees_status_grid)
)
registry.add_nav(
    NavItem(
        gettext_lazy("To review"),
        "cum4:review_queue",
        order=26,
        visible=lambda user: user.is_authenticated and user.role == User.Role.LEADER,
        badge_url_name="cum4:review_count",
    )
)
registry.add_unit_tasks(unit_report_tasks)
registry.add_deadline_provider(_report_deadlines)
registry.add_review_queue(
    reports_to_approve, title=gettext_lazy("Reports waiting for approval"), order=10
)
registry.add_report_format("json", write_json)
registry.add_demo_loader(DemoLoader("quarterly reports", _load_demo, order=10))
