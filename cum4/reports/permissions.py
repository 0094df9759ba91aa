"""Who may do what with a quarterly report (objects: a QuarterlyReport).

- the unit's staff and leader edit while it is a draft or returned; only the leader submits;
- the lead (or deputy lead) of THAT year's cluster approves, returns and reopens; they see a
  report once it has been submitted, never a draft;
- an approved report is readable by every signed-in user (approved figures are public
  within the cluster); the secretariat reads everything.
"""

from __future__ import annotations

import rules
from django.db.models import OuterRef, Subquery

from cum4.models import ClusterYear, Membership, User
from cum4.permissions import is_secretariat, is_unit_leader, leads_cluster_year_id
from cum4.reports.models import QuarterlyReport


def report_cluster_year(report: QuarterlyReport) -> ClusterYear | None:
    """The cluster year the unit belongs to in the report's year (cached on the report)."""
    if not hasattr(report, "_cluster_year"):
        membership = (
            Membership.objects.select_related("cluster_year__cluster")
            .filter(unit_id=report.unit_id, cluster_year__year=report.year)
            .first()
        )
        report._cluster_year = membership.cluster_year if membership else None
    return report._cluster_year


@rules.predicate
def is_report_unit_member(user: User, report: QuarterlyReport | None) -> bool:
    return (
        report is not None
        and getattr(user, "works_in_unit", False)
        and user.unit_id == report.unit_id
    )


@rules.predicate
def leads_report_unit(user: User, report: QuarterlyReport | None) -> bool:
    return report is not None and is_unit_leader(user) and user.unit_id == report.unit_id


def report_cluster_year_id(report: QuarterlyReport) -> int | None:
    """The id of `report_cluster_year`, taken from the report's page query when it read it
    (`cluster_year_of_report`), else from `report_cluster_year`."""
    if not hasattr(report, "_cluster_year") and hasattr(report, "cluster_year_of_report"):
        return report.cluster_year_of_report
    cluster_year = report_cluster_year(report)
    return cluster_year.pk if cluster_year is not None else None


def cluster_year_of_report() -> Subquery:
    """The id of the cluster year the report's unit belongs to in its year, as an annotation
    of a QuarterlyReport query (the same membership `report_cluster_year` reads)."""
    return Subquery(
        Membership.objects.filter(unit_id=OuterRef("unit_id"), cluster_year__year=OuterRef("year"))
        .order_by(*Membership._meta.ordering)
        .values("cluster_year_id")[:1]
    )


@rules.predicate
def is_report_cluster_lead(user: User, report: QuarterlyReport | None) -> bool:
    return report is not None and leads_cluster_year_id(user, report_cluster_year_id(report))


@rules.predicate
def report_is_editable(user: User, report: QuarterlyReport | None) -> bool:
    return report is not None and report.is_editable


@rules.predicate
def report_is_submitted(user: User, report: QuarterlyReport | None) -> bool:
    return report is not None and report.state == QuarterlyReport.State.SUBMITTED


@rules.predicate
def report_is_approved(user: User, report: QuarterlyReport | None) -> bool:
    return report is not None and report.is_approved


@rules.predicate
def report_was_submitted(user: User, report: QuarterlyReport | None) -> bool:
    """Submitted at least once: the lead may follow a returned report, never a fresh draft."""
    return report is not None and (
        report.state != QuarterlyReport.State.DRAFT or report.submitted_at is not None
    )


rules.add_perm(
    "cum4.view_report",
    is_report_unit_member
    | is_secretariat
    | (is_report_cluster_lead & report_was_submitted)
    | report_is_approved,
)
rules.add_perm("cum4.edit_report", is_report_unit_member & report_is_editable)
rules.add_perm("cum4.submit_report", leads_report_unit & report_is_editable)
# The unit's other people (staff) tell the leader the entry is done.
rules.add_perm(
    "cum4.mark_report_ready", is_report_unit_member & ~leads_report_unit & report_is_editable
)
rules.add_perm("cum4.review_report", is_report_cluster_lead & report_is_submitted)
rules.add_perm("cum4.reopen_report", is_report_cluster_lead & report_is_approved)
