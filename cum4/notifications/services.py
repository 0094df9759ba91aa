"""Every write to notifications: create them (and e-mail them after the commit), mark them
read, and a person's e-mail preference."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise

from cum4.models import User
from cum4.notifications.models import Inbox, Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """A lazy text and its parameters, rendered in each recipient's language; a parameter may
    itself be a Message or a lazy text."""

    text: Any
    params: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """The text in the active language."""
        values = {
            name: value.render() if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        values = {k: str(v) if isinstance(v, Promise) else v for k, v in values.items()}
        return str(self.text) % values if values else str(self.text)


def language_of(user: User) -> str:
    """The language the person reads (their own choice where the profile keeps one)."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    message: Message,
    url: str = "",
    key: str = "",
) -> int:
    """One notification for each distinct active recipient, its text in their language; each
    is e-mailed after the commit unless the person turned e-mail off. With `key`, a recipient
    who already has a notification under it gets nothing. Returns how many were created."""
    people = {user.pk: user for user in recipients if user.is_active}
    if key and people:
        people = {
            pk: user
            for pk, user in people.items()
            if pk
            not in set(
                Notification.objects.filter(key=key, recipient_id__in=people).values_list(
                    "recipient_id", flat=True
                )
            )
        }
    if not people:
        return 0
    rows = []
    for user in people.values():
        with translation.override(language_of(user)):
            rows.append(
                Notification(
                    recipient=user, kind=kind, text=message.render()[:500], url=url, key=key
                )
            )
    with transaction.atomic():
        # A concurrent run may have written the same key meanwhile: its row stands.
        Notification.objects.bulk_create(rows, ignore_conflicts=bool(key))
        _refresh_unread(list(people))
        if key:  # the rows were written without their ids (ignore_conflicts)
            ids = list(
                Notification.objects.filter(
                    key=key, recipient_id__in=people, emailed_at__isnull=True
                ).values_list("pk", flat=True)
            )
        else:
            ids = [row.pk for row in rows]
        transaction.on_commit(lambda: emails_send(notification_ids=ids))
    return len(rows)


@dataclass(frozen=True)
class Notice:
    """One keyed notification to several people (a reminder of one duty on one day)."""

    recipients: tuple[User, ...]
    kind: str
    message: Message
    url: str
    key: str


def notify_keyed(*, notices: Iterable[Notice]) -> int:
    """`notify` for many keyed notices at once, in a constant number of queries whatever
    their number (the reminders of a day): a recipient who already has a notification under
    a notice's key gets nothing. Returns how many were created."""
    notices = [n for n in notices if n.key]
    keys = {n.key for n in notices}
    if not keys:
        return 0
    done = set(Notification.objects.filter(key__in=keys).values_list("recipient_id", "key"))
    rows: list[Notification] = []
    for notice in notices:
        people = {user.pk: user for user in notice.recipients if user.is_active}
        for user in people.values():
            if (user.pk, notice.key) in done:
                continue
            done.add((user.pk, notice.key))
            with translation.override(language_of(user)):
                rows.append(Notification(recipient=user, kind=notice.kind,
                                         text=notice.message.render()[:500], url=notice.url,
                                         key=notice.key))
    if not rows:
        return 0
    user_ids = sorted({row.recipient_id for row in rows})
    with transaction.atomic():
        # A concurrent run may have written the same key meanwhile: its row stands.
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        _refresh_unread(user_ids)
        ids = list(Notification.objects.filter(
            key__in=keys, recipient_id__in=user_ids, emailed_at__isnull=True
        ).values_list("pk", flat=True))
        transaction.on_commit(lambda: emails_send(notification_ids=ids))
    return len(rows)


def _refresh_unread(user_ids: list[int]) -> None:
    """Recount the unread notifications of these people into their inboxes (created if need be)."""
    Inbox.objects.bulk_create([Inbox(user_id=pk) for pk in user_ids], ignore_conflicts=True)
    unread = (
        Notification.objects.filter(recipient_id=OuterRef("user_id"), read_at__isnull=True)
        .order_by()
        .values("recipient_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    Inbox.objects.filter(user_id__in=user_ids).update(unread=Coalesce(Subquery(unread), 0))


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if path else settings.SITE_URL


def emails_send(*, notification_ids: Iterable[int]) -> int:
    """E-mail these notifications to recipients who have an address and keep e-mail on; each
    at most once (a row is claimed before its mail goes). Returns how many were sent."""
    rows = (
        Notification.objects.filter(pk__in=list(notification_ids), emailed_at__isnull=True)
        .exclude(recipient__email="")
        .exclude(recipient__inbox__email_enabled=False)
        .select_related("recipient")
    )
    sent = 0
    for notification in rows:
        claimed = Notification.objects.filter(
            pk=notification.pk, emailed_at__isnull=True
        ).update(emailed_at=timezone.now())
        if not claimed:
            continue  # another run sends it
        user = notification.recipient
        with translation.override(language_of(user)):
            context = {
                "notification": notification,
                "link": _site_url(notification.url),
                "settings_link": _site_url(reverse("notifications:settings")),
                "user": user,
            }
            subject = render_to_string("notifications/email_subject.txt", context)
            body = render_to_string("notifications/email.txt", context)
        try:
            send_mail(
                " ".join(subject.split()),
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        except Exception:  # the mail server is down: leave it for the next run
            logger.exception("E-mail of notification %s failed", notification.pk)
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            continue
        sent += 1
    return sent


def emails_send_pending(*, since: Any) -> int:
    """Retry the e-mails that failed (or were not sent) since `since` (a datetime)."""
    ids = Notification.objects.filter(
        created_at__gte=since, emailed_at__isnull=True
    ).values_list("pk", flat=True)
    return emails_send(notification_ids=list(ids))


def notification_mark_read(*, notification: Notification, by: User) -> None:
    """The recipient has read one notification (opening its link or marking it)."""
    if notification.recipient_id != by.pk:
        raise PermissionDenied
    with transaction.atomic():
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        _refresh_unread([by.pk])


def notifications_mark_all_read(*, by: User) -> int:
    """Every unread notification of `by` is read; returns how many were unread."""
    with transaction.atomic():
        count = Notification.objects.filter(recipient=by, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        _refresh_unread([by.pk])
    return count


def inbox_update(*, user: User, email_enabled: bool) -> Inbox:
    """Turn the e-mailing of `user`'s notifications on or off."""
    with transaction.atomic():
        inbox, _ = Inbox.objects.select_for_update().get_or_create(user=user)
        inbox.email_enabled = email_enabled
        inbox.full_clean()
        inbox.save(update_fields=["email_enabled"])
    return inbox
