"""Writes of the dossier: open it, write a component's parts, freeze a component with its
number and date, upload the signed copy, mark a unit's dossier sent to the lead. Each checks the right (`rules`), validates, saves
in a transaction and is audited (simple_history, with the user and a reason)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cum4.evidence import validate_evidence
from cum4.formatting import vn_date
from cum4.models import ClusterYear, Unit, User
from emulation.dossier import content, law, selectors
from emulation.dossier.models import FROZEN_MESSAGE, Component, Dossier, SignedCopy, UnitDossier
from emulation.dossier.permissions import UnitDossierRef, may
from emulation.scoring import selectors as scoring

Kind = Component.Kind
CLUSTER_KINDS = (Kind.SUBMISSION, Kind.MINUTES)
PROPOSAL_KINDS = (Kind.ACHIEVEMENT, Kind.PENDING)


def _audit(obj, by: User | None, reason: str) -> None:
    obj._history_user = by
    obj._change_reason = reason


@transaction.atomic
def dossier_open(*, cluster_year: ClusterYear, by: User | None) -> Dossier:
    """Open the year's cluster dossier (or return it) with its two pieces, and a dossier per
    award proposal of the finalised ranking with its two pieces. Idempotent: opening again
    adds only what a new proposal needs. `by` None: the demo."""
    if by is not None and not may(by, "emulation.run_dossier", cluster_year):
        raise PermissionDenied
    cluster, created = Dossier.objects.get_or_create(
        cluster_year=cluster_year, kind=Dossier.Kind.CLUSTER, defaults={"opened_by": by})
    for kind in CLUSTER_KINDS:
        Component.objects.get_or_create(dossier=cluster, kind=kind)
    for proposal in scoring.proposals_of(cluster_year=cluster_year):
        dossier, _created = Dossier.objects.get_or_create(
            proposal=proposal, defaults={"cluster_year": cluster_year, "parent": cluster,
                                         "kind": Dossier.Kind.PROPOSAL, "unit": proposal.unit,
                                         "opened_by": by})
        for kind in PROPOSAL_KINDS:
            Component.objects.get_or_create(dossier=dossier, kind=kind)
    if not created and cluster.completed_at and cluster.proposal_dossiers.filter(
            completed_at__isnull=True).exists():
        cluster.completed_at = None  # a new proposal reopened the set
        _audit(cluster, by, "new proposal")
        cluster.save()
    return cluster


@transaction.atomic
def component_write(*, component: Component, written: dict[str, str], by: User) -> Component:
    """Save the parts people write (unknown keys are ignored); the component is drafted."""
    if not may(by, "emulation.edit_component", component):
        raise PermissionDenied
    component = _lock(component)
    if component.is_frozen:
        raise ValidationError(FROZEN_MESSAGE)
    keys = {part.key for part in content.parts_of(component)}
    component.written = {key: str(value).strip() for key, value in written.items()
                         if key in keys and str(value).strip()}
    component.drafted_at, component.drafted_by = timezone.now(), by
    component.full_clean()
    _audit(component, by, "write")
    component.save()
    return component


def blocking_complaints(component: Component, on: dt.date) -> list[str]:
    """The units whose pending complaints or denunciations keep this component from being
    frozen: the proposed unit for its own pieces, every proposed unit for the tờ trình."""
    if component.kind in PROPOSAL_KINDS:
        units = [component.dossier.unit]
    elif component.kind == Kind.SUBMISSION:
        units = [p.unit for p in scoring.proposals_of(cluster_year=component.dossier.cluster_year)]
    else:
        units = []
    return [unit.name for unit in units if law.pending_for(unit=unit, on=on)]


@transaction.atomic
def component_freeze(*, component: Component, number: str, issued_on: dt.date, by: User,
                     at: dt.datetime | None = None) -> Component:
    """Freeze the component with its number and date: its content is kept as it is now and
    never changes. Refused while a complaint or denunciation is pending against a proposed
    unit it carries (the proposal cannot be frozen into the dossier), and for the minutes
    before the vote is closed."""
    if not may(by, "emulation.freeze_component", component):
        raise PermissionDenied
    component = _lock(component)
    if component.is_frozen:
        raise ValidationError(FROZEN_MESSAGE)
    if not number.strip() or issued_on is None:
        raise ValidationError(_("Give the document its number and date to freeze it."))
    if component.drafted_at is None:
        raise ValidationError(_("Draft the document (save it once) before freezing it."))
    at = at or timezone.now()
    blocked = blocking_complaints(component, timezone.localdate(at))
    if blocked:
        raise ValidationError(
            _("A complaint or denunciation is pending against %(units)s: the proposal cannot "
              "be frozen into the dossier until it is resolved.") % {"units": ", ".join(blocked)})
    if component.kind == Kind.MINUTES and not scoring.scoring_round_of(
            cluster_year=component.dossier.cluster_year).vote_closed:
        raise ValidationError(_("The minutes can be frozen once the vote is closed."))
    component.snapshot = content.stamp(content.assemble(component, on=issued_on), number=number.strip(),
                                       issued_on=issued_on)
    component.number, component.issued_on = number.strip(), issued_on
    component.frozen_at, component.frozen_by = at, by
    component.full_clean()
    _audit(component, by, "freeze")
    component.save()
    _complete_if_ready(component.dossier, at, by)
    return component


def _lock(component: Component) -> Component:
    # Lock the component row only: its nullable relations are outer joins PostgreSQL cannot lock.
    return Component.objects.select_for_update(of=("self",)).select_related(
        "dossier__cluster_year__cluster", "dossier__unit", "dossier__proposal__unit",
        "dossier__proposal__cluster_year").get(pk=component.pk)


def _complete_if_ready(dossier: Dossier, at: dt.datetime, by: User | None) -> None:
    """A dossier is complete when all its pieces are frozen; the cluster's when its own pieces
    and every proposal's dossier are. The time it completes decides whether it is late."""
    if dossier.completed_at is not None:
        return
    if dossier.components.filter(frozen_at__isnull=True).exists():
        return
    if dossier.kind == Dossier.Kind.CLUSTER and dossier.proposal_dossiers.filter(
            completed_at__isnull=True).exists():
        return
    dossier.completed_at = at
    _audit(dossier, by, "complete")
    dossier.save()
    if dossier.parent_id:
        _complete_if_ready(dossier.parent, at, by)


@transaction.atomic
def signed_copy_upload(*, component: Component, upload: UploadedFile, by: User) -> SignedCopy:
    """Attach the signed and stamped scan beside a frozen component (the evidence checks:
    size, extension and content)."""
    if not may(by, "emulation.upload_signed_copy", component):
        raise PermissionDenied
    component = _lock(component)
    if not component.is_frozen:
        raise ValidationError(_("Freeze the document first: the signed copy is of its frozen text."))
    validate_evidence(upload)
    copy = SignedCopy(component=component, file=upload, original_name=upload.name[:255],
                      size=upload.size, uploaded_by=by)
    copy.full_clean(exclude=["file"])
    _audit(copy, by, "upload")
    copy.save()
    return copy


@transaction.atomic
def unit_dossier_send(*, cluster_year: ClusterYear, unit: Unit, by: User, note: str = "",
                      at: dt.datetime | None = None) -> UnitDossier:
    """The unit's leader marks the unit's dossier sent to the lead, once per year. The unit's
    pieces of its proposals' dossiers (if it has any) must be drafted first; what they are
    at that moment (kind, state, number) is recorded with the leader's note."""
    if not may(by, "emulation.send_unit_dossier", UnitDossierRef(cluster_year, unit)):
        raise PermissionDenied
    done = UnitDossier.objects.filter(cluster_year=cluster_year, unit=unit).first()
    if done is not None:
        raise ValidationError(_("The dossier of %(unit)s was already sent on %(day)s.") % {
            "unit": unit.name, "day": vn_date(timezone.localdate(done.sent_at))})
    pieces = selectors.unit_dossiers(cluster_year=cluster_year, unit=unit)
    components = pieces[0].pieces if pieces else []
    missing = [str(c.get_kind_display()) for c in components if c.state == "missing"]
    if missing:
        raise ValidationError(_("Draft these pieces of the dossier before sending it: "
                                "%(pieces)s.") % {"pieces": "; ".join(missing)})
    record = UnitDossier(
        cluster_year=cluster_year, unit=unit, sent_at=at or timezone.now(), sent_by=by,
        note=note.strip(),
        contents=[{"kind": c.kind, "state": c.state, "number": c.number,
                   "issued_on": c.issued_on.isoformat() if c.issued_on else ""}
                  for c in components],
    )
    record.full_clean()
    _audit(record, by, "send")
    record.save()
    return record
