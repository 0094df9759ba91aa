"""Excel files of awards for people to read: the registrations and the decisions of a year.

Written with the one tabular helper (`cum4.exports.tabular`): Vietnamese headers, people and
units by name, the award by its name, dates as dates, the method by its label, cash in đồng.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from cum4.exports.tabular import MONEY_FORMAT, Column, write_workbook
from emulation.awards.models import DecisionItem, RegistrationItem


def _person(item) -> str:
    return item.staff_member.full_name if item.staff_member_id else ""


def registrations_workbook(
    *, items: Iterable[RegistrationItem], year: int, late: set[int], pending, output: BinaryIO
) -> None:
    def pending_complaint(item: RegistrationItem) -> bool:
        if pending is None:
            return False
        if item.staff_member_id:
            return bool(pending.staff(item.staff_member_id))
        return bool(pending.unit(item.registration.unit_id))

    columns = [
        Column(_("Inspectorate"), lambda i: i.registration.unit.name, width=30),
        Column(_("Year"), lambda i: i.registration.year, width=8),
        Column(_("Title or form"), lambda i: i.award.name, width=40),
        Column(_("Person"), _person, width=26),
        Column(_("Signed at"), lambda i: i.registration.signed_at, width=17),
        Column(_("Review state"), lambda i: i.registration.get_state_display(), width=14),
        Column(_("Late"), lambda i: i.registration_id in late, width=8),
        Column(_("Pending complaint"), pending_complaint, width=12),
    ]
    write_workbook(output, title=_("Registrations %(year)s") % {"year": year},
                   columns=columns, rows=items)


def decisions_workbook(
    *, items: Iterable[DecisionItem], year: int, prices: dict[int, int | None], output: BinaryIO
) -> None:
    columns = [
        Column(_("Decision number"), lambda i: i.decision.number, width=18),
        Column(_("Decision date"), lambda i: i.decision.date, width=12),
        Column(_("Issuing authority"), lambda i: i.decision.authority, width=30),
        Column(_("Kind of commendation"), lambda i: i.decision.get_method_display(),
               width=18),
        Column(_("Year"), lambda i: i.decision.year, width=8),
        Column(_("Title or form"), lambda i: i.award.name, width=40),
        Column(_("Inspectorate"), lambda i: i.unit.name if i.unit_id else "", width=30),
        Column(_("Person"), _person, width=26),
        Column(_("Cash reward (đồng)"), lambda i: prices.get(i.pk), width=16,
               number_format=MONEY_FORMAT),
    ]
    write_workbook(output, title=_("Decisions %(year)s") % {"year": year},
                   columns=columns, rows=items)
