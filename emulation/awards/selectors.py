"""Reads of awards: cash rewards from the dated rules, decisions, registrations, histories."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Prefetch, QuerySet
from django.utils import timezone

from cum4.collation import by_unit
from cum4.models import ClusterYear, Membership, Unit
from emulation.awards.models import (
    BaseSalary,
    Decision,
    DecisionItem,
    Registration,
    RegistrationEvent,
    RegistrationItem,
    RewardMultiplier,
)
from emulation.staff.models import StaffMember


class MissingRule(LookupError):
    """No rule row in force for what was asked (the secretariat must add one)."""


def _in_force(rows: Iterable, day: dt.date):
    for row in rows:
        if row.valid_from <= day and (row.valid_to is None or day <= row.valid_to):
            return row
    return None


@dataclass
class RewardTable:
    """The base salaries and multipliers loaded once, to price many items without more queries."""

    salaries: list[BaseSalary]
    multipliers: dict[tuple[str, bool], list[RewardMultiplier]]

    @classmethod
    def load(cls) -> RewardTable:
        multipliers: dict[tuple[str, bool], list[RewardMultiplier]] = defaultdict(list)
        for row in RewardMultiplier.objects.order_by("-valid_from"):
            multipliers[(row.award_id, row.collective)].append(row)
        return cls(list(BaseSalary.objects.order_by("-valid_from")), dict(multipliers))

    def multiplier(self, code: str, day: dt.date, collective: bool) -> RewardMultiplier | None:
        return _in_force(self.multipliers.get((code, collective), []), day)

    def base_salary(self, day: dt.date) -> BaseSalary | None:
        return _in_force(self.salaries, day)

    def amount(self, code: str, day: dt.date, collective: bool) -> int | None:
        """Đồng, or None when the award carries no cash (no multiplier row in force)."""
        row = self.multiplier(code, day, collective)
        salary = self.base_salary(day)
        if row is None:
            return None
        if salary is None:
            raise MissingRule(f"no base salary in force on {day.isoformat()}")
        value = Decimal(salary.amount) * row.multiplier
        if row.round_up_to:
            value = Decimal(math.ceil(value / row.round_up_to) * row.round_up_to)
        return int(value)


def cash_reward(*, title_or_form_code: str, decision_date: dt.date, collective: bool) -> int:
    """The cash reward in đồng of one award granted on `decision_date`.

    Multiplier in force on that date × base salary in force on that date, rounded up as the
    multiplier row says. 0 when the award carries no cash reward (no multiplier row).
    """
    amount = RewardTable.load().amount(title_or_form_code, decision_date, collective)
    return amount or 0


def registration_is_late(registration: Registration, deadline: dt.date | None) -> bool:
    """Signed after the deadline, or still unsigned once it has passed (judged by today)."""
    if deadline is None:
        return False
    if registration.signed_at is not None:
        return timezone.localdate(registration.signed_at) > deadline
    return timezone.localdate() > deadline


def registration_get(*, unit: Unit, year: int) -> Registration | None:
    """A unit's registration of a year with its items, people and titles (3 queries)."""
    return (
        Registration.objects.filter(unit=unit, year=year)
        .select_related("unit", "signed_by", "reviewed_by")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=RegistrationItem.objects.select_related("award", "staff_member").order_by(
                    "staff_member__full_name", "award__sort_order"
                ),
            )
        )
        .first()
    )


def registrations_waiting_review(*, cluster_years: Iterable[ClusterYear]) -> QuerySet[Registration]:
    """Registrations signed by the members of `cluster_years` for those years and not yet
    reviewed, with their unit, the longest waiting first (one query, however many units)."""
    return (
        Registration.objects.filter(
            state=Registration.State.SUBMITTED,
            unit__memberships__cluster_year__in=list(cluster_years),
            year=F("unit__memberships__cluster_year__year"),
        )
        .select_related("unit")
        .order_by("signed_at", "pk")
    )


def registration_events(*, registration: Registration | None) -> list[RegistrationEvent]:
    """The registration's review timeline with who acted, oldest first (one query)."""
    if registration is None:
        return []
    return list(registration.events.select_related("by").order_by("at", "pk"))


def registrations_of_cluster_year(*, cluster_year: ClusterYear) -> list[dict]:
    """Each member unit of the cluster year with its registration (or None), in the units' order."""
    memberships = by_unit(
        Membership.objects.filter(cluster_year=cluster_year).select_related("unit"),
        lambda membership: membership.unit,
    )
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(
            year=cluster_year.year, unit__in=[m.unit_id for m in memberships]
        )
        .select_related("signed_by")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=RegistrationItem.objects.select_related("award", "staff_member"),
            )
        )
    }
    return [{"membership": m, "registration": registrations.get(m.unit_id)} for m in memberships]


def decisions_list(*, year: int | None = None, unit: Unit | None = None) -> QuerySet[Decision]:
    """Decisions, newest first, with the number of items; optionally for a year or a unit."""
    qs = Decision.objects.annotate(item_count=Count("items", distinct=True))
    if year is not None:
        qs = qs.filter(year=year)
    if unit is not None:
        qs = qs.filter(items__unit=unit).distinct()
    return qs.order_by("-date", "number")


def decision_items_priced(items: Iterable[DecisionItem]) -> list[tuple[DecisionItem, int | None]]:
    """Each item with its cash reward in đồng (None when the award carries none); 2 queries."""
    table = RewardTable.load()
    return [
        (item, table.amount(item.award_id, item.decision.date, item.collective)) for item in items
    ]


def decision_get(*, pk: int) -> tuple[Decision, list[tuple[DecisionItem, int | None]]] | None:
    """A decision with its items priced (constant queries whatever the number of items)."""
    decision = Decision.objects.filter(pk=pk).first()
    if decision is None:
        return None
    items = list(
        DecisionItem.objects.filter(decision=decision)
        .select_related("award", "unit", "staff_member", "decision")
        .order_by("award__sort_order", "unit__name", "staff_member__full_name")
    )
    return decision, decision_items_priced(items)


def decision_items_of_cluster_year(*, cluster_year: ClusterYear) -> QuerySet[DecisionItem]:
    """Items of the year's decisions granted to the member units of the cluster year or their
    people, by decision date then unit."""
    unit_ids = Membership.objects.filter(cluster_year=cluster_year).values("unit_id")
    return (
        DecisionItem.objects.filter(decision__year=cluster_year.year, unit_id__in=unit_ids)
        .select_related("decision", "award", "unit", "staff_member")
        .order_by("decision__date", "decision__number", "unit__name", "staff_member__full_name")
    )


def award_history(
    *, unit: Unit | None = None, staff_member: StaffMember | None = None
) -> list[tuple[DecisionItem, int | None]]:
    """Everything granted to a unit (as a collective) or to a person, newest decision first,
    each with its cash reward in đồng."""
    qs = DecisionItem.objects.select_related("decision", "award", "unit", "staff_member")
    if staff_member is not None:
        qs = qs.filter(staff_member=staff_member)
    elif unit is not None:
        qs = qs.filter(unit=unit, staff_member__isnull=True)
    else:
        raise ValueError("award_history needs a unit or a staff member")
    return decision_items_priced(qs.order_by("-decision__date", "award__sort_order"))


def award_history_of_unit_people(*, unit: Unit) -> list[tuple[DecisionItem, int | None]]:
    """Awards granted to people while in the unit, newest first, with their cash rewards."""
    qs = DecisionItem.objects.filter(unit=unit, staff_member__isnull=False).select_related(
        "decision", "award", "unit", "staff_member"
    )
    return decision_items_priced(qs.order_by("-decision__date", "staff_member__full_name"))


@dataclass(frozen=True)
class PersonAwardPanel:
    """The award history on a person's page of the staff register (two queries)."""

    template_name: str
    items: list[tuple[DecisionItem, int | None]]


def person_award_panel(member: StaffMember) -> PersonAwardPanel:
    """What awards show on a person's page: the titles granted to them, latest first."""
    items = DecisionItem.objects.filter(staff_member=member).select_related(
        "decision", "award", "unit"
    )
    return PersonAwardPanel(
        "emulation/awards/person_award_panel.html",
        decision_items_priced(sorted(items, key=lambda i: i.decision.date, reverse=True)),
    )
