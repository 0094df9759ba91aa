"""Every write to a quarterly report: open, save, submit, approve, return, reopen.

Each service checks the permission, runs the one validation engine, writes in a transaction
with the report row locked, bumps the version and records the workflow event.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cum4.models import Membership, Unit, User
from cum4.reports import selectors, validation
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.notifications import report_event_notify
from cum4.reports.sections import report_sections
from cum4.reports.validation import Issue, ReportValues

State = QuarterlyReport.State
Action = ReportEvent.Action


class ReportInvalid(ValidationError):
    """The values break error rules (or, on submit, some are missing); nothing was written."""

    def __init__(self, issues: list[Issue], message: str = "") -> None:
        self.issues = issues
        super().__init__(message or _("The report was not saved: please correct the errors."))


class WarningsNotAcknowledged(ValidationError):
    """Submitting with warnings needs a comment acknowledging them."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(
            _("The report has warnings: explain them in a comment to submit it anyway.")
        )


@dataclass(frozen=True)
class Conflict:
    key: str  # the entry-page field name
    label: str
    mine: int | None  # what this user typed
    theirs: int | None  # what is stored now (saved by someone else meanwhile)


class StaleReport(ValidationError):
    """Someone saved the report since this user loaded it; nothing was overwritten."""

    def __init__(self, report: QuarterlyReport, conflicts: list[Conflict]) -> None:
        self.report = report
        self.conflicts = conflicts
        super().__init__(
            _(
                "Someone else saved this report while you were editing it. Nothing was "
                "overwritten: compare the values below, then reload and enter your changes again."
            )
        )


def _require(user: User, perm: str, report: QuarterlyReport) -> None:
    """Like `require_perm`, but a superuser gets no pass: only the unit's people enter and
    submit, only that year's lead approves (rules' own check, not `user.has_perm`)."""
    if not rules.has_perm(perm, user, report):
        raise PermissionDenied


def _locked(report: QuarterlyReport) -> QuarterlyReport:
    """The report row, locked until the transaction ends (serialises concurrent writers)."""
    locked = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
    # Keep the unit already loaded by the caller (permissions and messages use it).
    locked.unit = report.unit
    return locked


def _conflicts(stored: ReportValues, mine: ReportValues) -> list[Conflict]:
    conflicts = []
    for section in report_sections():
        for row in section.row_keys:
            for spec in section.indicators:
                theirs = stored.get(section.code, {}).get(row, {}).get(spec.code)
                typed = mine.get(section.code, {}).get(row, {}).get(spec.code)
                if theirs != typed:
                    key = validation.field_key(section.code, row, spec.code)
                    conflicts.append(Conflict(key, str(spec.label), typed, theirs))
    return conflicts


def _check_version(report: QuarterlyReport, version: int, mine: ReportValues | None) -> None:
    if report.version != version:
        stored = selectors.report_values(report)
        raise StaleReport(report, _conflicts(stored, mine) if mine is not None else [])


def _event(report: QuarterlyReport, action: str, by: User | None, comment: str = "") -> None:
    """Record a workflow step and tell whom it concerns (in the same transaction; the e-mails
    go after the commit)."""
    ReportEvent.objects.create(report=report, action=action, by=by, at=timezone.now(), comment=comment)
    report_event_notify(report=report, action=action, by=by, comment=comment)


def _bump(report: QuarterlyReport, fields: list[str]) -> None:
    report.version += 1
    report.full_clean()
    report.save(update_fields=[*fields, "version", "updated_at"])


def report_open(*, unit: Unit, year: int, quarter: int, by: User) -> QuarterlyReport:
    """The unit's report for a quarter, created as an empty draft if it does not exist yet."""
    # Only the unit's own people enter its reports (the secretariat corrects in the admin).
    if not (by.works_in_unit and by.unit_id == unit.pk):
        raise PermissionDenied
    if not Membership.objects.filter(unit=unit, cluster_year__year=year).exists():
        raise ValidationError(
            _("%(unit)s is not a member of a cluster in %(year)s.") % {"unit": unit, "year": year}
        )
    with transaction.atomic():
        report, created = QuarterlyReport.objects.get_or_create(
            unit=unit, year=year, quarter=quarter
        )
        if created:
            _event(report, Action.CREATED, by)
    return report


def _write_values(report: QuarterlyReport, values: ReportValues) -> None:
    """Create or update the section rows; unchanged rows are not saved (no empty history)."""
    for section in report_sections():
        model = section.model_class()
        existing = {
            (getattr(obj, section.row_field) if section.row_field else ""): obj
            for obj in model.objects.filter(report=report)
        }
        for row in section.row_keys:
            new = values.get(section.code, {}).get(row, {})
            obj = existing.get(row)
            if obj is None:
                obj = model(report=report)
                if section.row_field:
                    setattr(obj, section.row_field, row)
            elif all(getattr(obj, code) == new.get(code) for code in section.codes):
                continue
            for code in section.codes:
                setattr(obj, code, new.get(code))
            obj.report = report
            obj.full_clean()
            obj.save()


def report_save(
    *, report: QuarterlyReport, values: ReportValues, version: int, by: User
) -> list[Issue]:
    """Save a draft's values (some may be empty). Refuses a stale `version` (StaleReport,
    with both values of each differing field) and error rules (ReportInvalid); returns the
    warnings, which do not block saving."""
    with transaction.atomic():
        locked = _locked(report)
        _require(by, "cum4.edit_report", locked)
        _check_version(locked, version, values)
        issues = selectors.report_issues(locked, values)
        if validation.errors(issues):
            raise ReportInvalid(validation.errors(issues))
        _write_values(locked, values)
        _bump(locked, [])
    report.version = locked.version
    return validation.warnings(issues)


def report_submit(*, report: QuarterlyReport, version: int, comment: str, by: User) -> None:
    """The unit leader submits the stored values to the cluster lead.

    Every value is needed (0 is a value); errors block; warnings need `comment`.
    """
    with transaction.atomic():
        locked = _locked(report)
        _require(by, "cum4.submit_report", locked)
        _check_version(locked, version, None)
        values = selectors.report_values(locked)
        missing = validation.missing_values(values)
        if missing:
            sections = validation.section_by_code()
            issues = [
                Issue(
                    validation.ERROR,
                    "missing",
                    _("%(label)s: a value is needed to submit (0 is a value).")
                    % {"label": sections[s].spec(code).label},
                    s,
                    row,
                    (code,),
                )
                for s, row, code in missing
            ]
            raise ReportInvalid(issues, _("Every value is needed to submit (0 is a value)."))
        issues = selectors.report_issues(locked, values)
        if validation.errors(issues):
            raise ReportInvalid(validation.errors(issues))
        found = validation.warnings(issues)
        comment = comment.strip()
        if found and not comment:
            raise WarningsNotAcknowledged(found)
        now = timezone.now()
        locked.state = State.SUBMITTED
        locked.submitted_at, locked.submitted_by = now, by
        locked.warnings = [issue.as_dict() for issue in found]
        locked.warnings_comment = comment if found else ""
        locked.warnings_acknowledged_by = by if found else None
        locked.warnings_acknowledged_at = now if found else None
        _bump(
            locked,
            [
                "state",
                "submitted_at",
                "submitted_by",
                "warnings",
                "warnings_comment",
                "warnings_acknowledged_by",
                "warnings_acknowledged_at",
            ],
        )
        _event(locked, Action.SUBMITTED, by, comment)
    report.refresh_from_db()


def report_approve(*, report: QuarterlyReport, by: User, comment: str = "") -> None:
    """That year's cluster lead approves a submitted report: it is locked and counts."""
    with transaction.atomic():
        locked = _locked(report)
        _require(by, "cum4.review_report", locked)
        locked.state = State.APPROVED
        locked.approved_at, locked.approved_by = timezone.now(), by
        locked.return_reason = ""
        _bump(locked, ["state", "approved_at", "approved_by", "return_reason"])
        _event(locked, Action.APPROVED, by, comment.strip())
    report.refresh_from_db()


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason, the unit will read it.")})
    return reason


def report_return(*, report: QuarterlyReport, by: User, reason: str) -> None:
    """The cluster lead returns a submitted report to the unit with a reason."""
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = _locked(report)
        _require(by, "cum4.review_report", locked)
        locked.state, locked.return_reason = State.RETURNED, reason
        _bump(locked, ["state", "return_reason"])
        _event(locked, Action.RETURNED, by, reason)
    report.refresh_from_db()


def report_reopen(*, report: QuarterlyReport, by: User, reason: str) -> None:
    """The cluster lead reopens an approved report (it stops counting) with a reason."""
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = _locked(report)
        _require(by, "cum4.reopen_report", locked)
        locked.state, locked.return_reason = State.RETURNED, reason
        _bump(locked, ["state", "return_reason"])
        _event(locked, Action.REOPENED, by, reason)
    report.refresh_from_db()
