"""Who hears of a quarterly report's workflow and its deadlines.

- submitted: the leaders of that year's cluster lead and deputy (they approve it);
- returned, reopened or approved: the unit's staff and leader;
- the unit deadline of a quarter (the 17th): the units that have not submitted, before and
  after it; the cluster deadline (the 20th): the lead and deputy while reports remain
  unapproved. Both from the dated quarter windows (`cum4.periods`).
The person who acted is not told of their own act.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import ClusterYear, Membership, User
from cum4.notifications import selectors as recipients
from cum4.notifications.models import Notification
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.notifications.services import Message, notify
from cum4.periods import NoReportingRule, periods_of_year
from cum4.registry import Deadline
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.permissions import report_cluster_year

Action = ReportEvent.Action
State = QuarterlyReport.State
Kind = Notification.Kind

EVENT_TEXTS = {
    Action.SUBMITTED: _("%(unit)s submitted the quarterly report Q%(quarter)s/%(year)s"),
    Action.RETURNED: _(
        "The quarterly report Q%(quarter)s/%(year)s of %(unit)s was returned: %(comment)s"
    ),
    Action.REOPENED: _(
        "The quarterly report Q%(quarter)s/%(year)s of %(unit)s was reopened: %(comment)s"
    ),
    Action.APPROVED: _("The quarterly report Q%(quarter)s/%(year)s of %(unit)s was approved"),
}
EVENT_KINDS = {
    Action.SUBMITTED: Kind.REPORT_SUBMITTED,
    Action.RETURNED: Kind.REPORT_RETURNED,
    Action.REOPENED: Kind.REPORT_RETURNED,
    Action.APPROVED: Kind.REPORT_APPROVED,
}


def report_event_notify(
    *, report: QuarterlyReport, action: str, by: User | None, comment: str = ""
) -> None:
    """Tell whom `action` on `report` concerns (nothing for the other actions)."""
    if action not in EVENT_TEXTS:
        return
    submitted = action == Action.SUBMITTED
    cluster_year = report_cluster_year(report) if submitted else None
    people = recipients.review_recipients(
        to_lead=submitted, unit_id=report.unit_id,
        cluster_year_id=cluster_year.pk if cluster_year else None, by=by,
    )
    params = {
        "unit": report.unit.name,
        "quarter": report.quarter,
        "year": report.year,
        "comment": comment,
    }
    notify(
        recipients=people,
        kind=EVENT_KINDS[action],
        message=Message(EVENT_TEXTS[action], params),
        url=reverse("reports:detail", args=[report.pk]),
    )


UNIT_DEADLINE_TEXT = _("the quarterly report Q%(quarter)s/%(year)s of %(unit)s")
CLUSTER_DEADLINE_TEXT = _(
    "approving the quarterly reports Q%(quarter)s/%(year)s of %(cluster)s "
    "(%(pending)s of %(members)s not approved yet)"
)


def report_deadlines(*, today: dt.date) -> list[Deadline]:
    """The quarterly report deadlines recalled on `today`, with those who still have to act."""
    deadlines: list[Deadline] = []
    for year in reminder_years(today):
        try:
            periods = periods_of_year(year)
        except NoReportingRule:
            continue
        for quarter in range(1, 5):
            period = periods[f"q{quarter}"]
            if reminder_stage(period.unit_deadline, today):
                deadlines += _unit_deadlines(year, quarter, period.unit_deadline)
            if reminder_stage(period.cluster_deadline, today):
                deadlines += _cluster_deadlines(year, quarter, period.cluster_deadline)
    return deadlines


def _reports_of(year: int, quarter: int) -> dict[int, QuarterlyReport]:
    return {
        report.unit_id: report
        for report in QuarterlyReport.objects.filter(year=year, quarter=quarter)
    }


def _unit_deadlines(year: int, quarter: int, due: dt.date) -> list[Deadline]:
    """Each member unit of `year` whose report is missing, a draft or returned."""
    reports = _reports_of(year, quarter)
    memberships = (
        Membership.objects.filter(cluster_year__year=year)
        .select_related("unit")
        .order_by("unit__name")
    )
    pending = {
        m.unit_id: m.unit
        for m in memberships
        if m.unit_id not in reports or reports[m.unit_id].state in QuarterlyReport.EDITABLE_STATES
    }
    people = recipients.unit_people_by_unit(unit_ids=list(pending))
    return [
        Deadline(
            key=f"report:{unit.code}:{year}:q{quarter}",
            due=due,
            what=UNIT_DEADLINE_TEXT,
            params={"quarter": quarter, "year": year, "unit": unit.name},
            url=(
                reverse("reports:detail", args=[reports[unit_id].pk])
                if unit_id in reports
                else reverse("reports:list")
            ),
            recipients=tuple(people.get(unit_id, ())),
        )
        for unit_id, unit in pending.items()
    ]


def _cluster_deadlines(year: int, quarter: int, due: dt.date) -> list[Deadline]:
    """Each cluster year of `year` with member reports not approved yet, to its lead and deputy."""
    reports = _reports_of(year, quarter)
    deadlines = []
    for cluster_year in ClusterYear.objects.filter(year=year).select_related("cluster"):
        members = list(cluster_year.memberships.values_list("unit_id", flat=True))
        pending = [
            unit_id
            for unit_id in members
            if unit_id not in reports or not reports[unit_id].is_approved
        ]
        if not pending:
            continue
        deadlines.append(
            Deadline(
                key=f"cluster-report:{cluster_year.cluster.code}:{year}:q{quarter}",
                due=due,
                what=CLUSTER_DEADLINE_TEXT,
                params={
                    "quarter": quarter,
                    "year": year,
                    "cluster": cluster_year.cluster.name,
                    "pending": len(pending),
                    "members": len(members),
                },
                url=reverse("reports:grid_year", args=[cluster_year.cluster.code, year]),
                recipients=tuple(
                    recipients.cluster_lead_leaders(cluster_year_id=cluster_year.pk)
                ),
            )
        )
    return deadlines
