"""Every step of a registration's review: the unit leader signs (submits) or withdraws the
signature, that year's cluster lead accepts it or returns it with a reason.

draft ─sign→ submitted ─accept→ accepted
  ↑            │  └─return→ returned ─sign→ submitted …
  └─withdraw───┘      accepted ─return→ returned

Like the quarterly reports' services: each checks the permission with `rules` (a superuser
gets no pass: only the unit's leader signs, only the year's lead reviews), locks the row,
refuses a stale `version` (someone changed it since the page was loaded), bumps the version,
records the step in the timeline and tells whom it concerns (e-mails after the commit).
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cum4.models import User
from emulation.awards.models import Registration, RegistrationEvent
from emulation.awards.notifications import registration_event_notify

State = Registration.State
Action = RegistrationEvent.Action


class StaleRegistration(ValidationError):
    """The registration changed since the user loaded it; nothing was done."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The registration changed while you were reading it (titles or its state). "
                "Nothing was done: read it again, then repeat your action."
            )
        )


def _require(user: User, perm: str, registration: Registration) -> None:
    if not rules.has_perm(perm, user, registration):
        raise PermissionDenied


def _locked(registration: Registration, by: User, perm: str, version: int) -> Registration:
    """The row locked until the transaction ends, once `by` may take the step on it as it
    is now and `version` is still current."""
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    locked.unit = registration.unit  # keep what the caller loaded (permissions, messages)
    _require(by, perm, locked)
    if locked.version != version:
        raise StaleRegistration()
    return locked


def _step(
    registration: Registration, action: str, by: User, fields: list[str], comment: str = ""
) -> None:
    """Save the changed `fields` with a new version, record the step, tell whom it concerns."""
    registration.version += 1
    registration.full_clean()
    registration.save(update_fields=[*fields, "version"])
    RegistrationEvent.objects.create(
        registration=registration, action=action, by=by, at=timezone.now(), comment=comment
    )
    registration_event_notify(registration=registration, action=action, by=by, comment=comment)


def registration_submit(*, registration: Registration, version: int, by: User) -> None:
    """The unit leader signs the registration, which submits it to the cluster lead; the time
    of signing decides if it was late. Needs at least one title."""
    with transaction.atomic():
        locked = _locked(registration, by, "emulation.submit_registration", version)
        if not locked.items.exists():
            raise ValidationError(_("Register at least one title before signing."))
        locked.state = State.SUBMITTED
        locked.signed_by, locked.signed_at = by, timezone.now()
        locked.reviewed_by, locked.reviewed_at = None, None
        _step(locked, Action.SUBMITTED, by,
              ["state", "signed_by", "signed_at", "reviewed_by", "reviewed_at"])
    registration.refresh_from_db()


def registration_withdraw(*, registration: Registration, version: int, by: User) -> None:
    """The leader takes the signature back before the lead has reviewed it, to change it."""
    with transaction.atomic():
        locked = _locked(registration, by, "emulation.withdraw_registration", version)
        locked.state = State.DRAFT
        locked.signed_by, locked.signed_at = None, None
        _step(locked, Action.WITHDRAWN, by, ["state", "signed_by", "signed_at"])
    registration.refresh_from_db()


def registration_accept(*, registration: Registration, version: int, by: User) -> None:
    """That year's cluster lead (or deputy) accepts a submitted registration: it stays locked."""
    with transaction.atomic():
        locked = _locked(registration, by, "emulation.accept_registration", version)
        locked.state = State.ACCEPTED
        locked.reviewed_by, locked.reviewed_at = by, timezone.now()
        locked.return_reason = ""
        _step(locked, Action.ACCEPTED, by,
              ["state", "reviewed_by", "reviewed_at", "return_reason"])
    registration.refresh_from_db()


def registration_return(
    *, registration: Registration, version: int, by: User, reason: str
) -> None:
    """The cluster lead returns a submitted (or accepted) registration to the unit with a
    reason: the unit corrects it and its leader signs again (the signature returned stays
    on record until then)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason, the unit will read it.")})
    with transaction.atomic():
        locked = _locked(registration, by, "emulation.return_registration", version)
        locked.state, locked.return_reason = State.RETURNED, reason
        locked.reviewed_by, locked.reviewed_at = by, timezone.now()
        _step(locked, Action.RETURNED, by, ["state", "return_reason", "reviewed_by", "reviewed_at"],
              reason)
    registration.refresh_from_db()
