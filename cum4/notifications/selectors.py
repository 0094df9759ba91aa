"""Reads of notifications: a person's list and unread count, and who is told of what."""

from __future__ import annotations

from django.db.models import QuerySet

from cum4.models import Membership, Unit, User
from cum4.notifications.models import Inbox, Notification


def unread_count(user: User) -> int:
    """The unread notifications of `user`, from the inbox read with the user (cum4.auth): no
    query on a request."""
    try:
        return user.inbox.unread
    except Inbox.DoesNotExist:
        return 0


def email_enabled(user: User) -> bool:
    try:
        return user.inbox.email_enabled
    except Inbox.DoesNotExist:
        return True


def notifications_of(*, user: User) -> QuerySet[Notification]:
    """`user`'s notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unit_people(*, unit_ids: list[int]) -> list[User]:
    """The active staff and leaders of these units (who enter and submit their reports)."""
    return list(
        User.objects.filter(
            unit_id__in=unit_ids,
            is_active=True,
            role__in=[User.Role.STAFF, User.Role.LEADER],
        ).order_by("pk")
    )


def unit_people_by_unit(*, unit_ids: list[int]) -> dict[int, list[User]]:
    """`unit_people` grouped by unit (one query): the recipients of each unit's reminder."""
    people: dict[int, list[User]] = {}
    for person in unit_people(unit_ids=unit_ids):
        people.setdefault(person.unit_id, []).append(person)
    return people


def unit_leaders(*, unit_ids: list[int]) -> list[User]:
    """The active leaders of these units."""
    return list(
        User.objects.filter(unit_id__in=unit_ids, is_active=True, role=User.Role.LEADER).order_by(
            "pk"
        )
    )


def cluster_lead_leaders(*, cluster_year_id: int) -> list[User]:
    """The leaders of the units that lead or deputise for the cluster in that year (those who
    approve its reports and open its votes)."""
    units = Membership.objects.filter(
        cluster_year_id=cluster_year_id,
        role__in=[Membership.Role.LEAD, Membership.Role.DEPUTY],
    ).values("unit_id")
    return list(
        User.objects.filter(unit_id__in=units, is_active=True, role=User.Role.LEADER).order_by(
            "pk"
        )
    )


def member_units(*, cluster_year_id: int) -> list[Unit]:
    return list(Unit.objects.filter(memberships__cluster_year_id=cluster_year_id).order_by("pk"))


def review_recipients(
    *, to_lead: bool, unit_id: int, cluster_year_id: int | None, by: User | None
) -> list[User]:
    """Who hears of a step of a review (a report's, a registration's), never the person who
    took it: the leaders of that year's lead and deputy for a step sent to the lead (none when
    the unit is in no cluster that year), else the unit's staff and leader."""
    if to_lead:
        people = cluster_lead_leaders(cluster_year_id=cluster_year_id) if cluster_year_id else []
    else:
        people = unit_people(unit_ids=[unit_id])
    return [person for person in people if by is None or person.pk != by.pk]
