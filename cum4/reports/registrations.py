"""What the quarterly reports add to the shell through the registry: navigation, unit tasks,
the demo loader and the built-in "json" format of `manage.py cluster_report`."""

from __future__ import annotations

import datetime as dt
import json
from typing import BinaryIO

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cum4.models import Unit, User
from cum4.registry import DemoLoader, NavItem, Task, registry


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
    from cum4.selectors import reporting_year_of

    year = reporting_year_of(today)
    try:
        periods = periods_of_year(year)
    except NoReportingRule:
        return []
    reports = {
        r.quarter: r for r in QuarterlyReport.objects.filter(unit=unit, year__in=[year])
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
registry.add_unit_tasks(unit_report_tasks)
registry.add_deadline_provider(_report_deadlines)
registry.add_report_format("json", write_json)
registry.add_demo_loader(DemoLoader("quarterly reports", _load_demo, order=10))
