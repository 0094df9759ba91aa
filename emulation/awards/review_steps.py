"""The review of a registration on its page: the buttons each person sees, and the steps
posted from them (sign, withdraw, accept, return), each one service of
`emulation.awards.review`."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cum4.models import User
from cum4.permissions import require_perm
from cum4.reports.page_selectors import unit_leaders
from emulation.awards import review, selectors
from emulation.awards.models import Registration
from emulation.staff.permissions import UnitYear

# The `action`s of the review forms on the registration page.
STEPS = ("sign", "reopen", "accept", "return")


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1  # no version: treated as stale, nothing is done


def registration_step(request: HttpRequest, unit_year: UnitYear, action: str) -> HttpResponse:
    """Take one review step on the unit's registration of the year, then show the page again
    (the outcome as a message). 403 for whoever may not take it."""
    user = request.user
    unit, year = unit_year.unit, unit_year.year
    # The leader's steps: nobody else gets further. The lead's steps: the service decides.
    perm = "emulation.sign_registration" if action in ("sign", "reopen") else (
        "emulation.view_registration"
    )
    require_perm(user, perm, unit_year)
    registration = Registration.objects.filter(unit=unit, year=year).first()
    back = redirect("emulation:registration_detail", code=unit.code, year=year)
    if registration is None:
        if action != "sign":
            raise Http404
        messages.error(request, _("Register at least one title before signing."))
        return back
    registration.unit = unit
    version = _version(request)
    try:
        if action == "sign":
            review.registration_submit(registration=registration, version=version, by=user)
            messages.success(request, _("Registration signed and sent to the cluster lead."))
        elif action == "reopen":
            review.registration_withdraw(registration=registration, version=version, by=user)
            messages.success(request, _("Signature withdrawn: the registration can be changed."))
        elif action == "accept":
            review.registration_accept(registration=registration, version=version, by=user)
            messages.success(request, _("Registration accepted."))
        else:
            review.registration_return(
                registration=registration, version=version, by=user,
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, _("Registration returned to the unit."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return back


def registration_review_context(
    user: User, unit_year: UnitYear, registration: Registration | None
) -> dict:
    """What the registration page shows of its review: the steps `user` may take now (the
    rules, no superuser pass, as the services check), the leaders who sign, the timeline."""

    def may(perm: str) -> bool:
        return registration is not None and rules.has_perm(perm, user, registration)

    return {
        "can_submit": (registration is None and rules.has_perm(
            "emulation.sign_registration", user, unit_year
        )) or may("emulation.submit_registration"),
        "can_withdraw": may("emulation.withdraw_registration"),
        "can_accept": may("emulation.accept_registration"),
        "can_return": may("emulation.return_registration"),
        "can_change": registration is None or registration.is_editable,
        "signers": unit_leaders(unit_year.unit),
        "events": selectors.registration_events(registration=registration),
    }
