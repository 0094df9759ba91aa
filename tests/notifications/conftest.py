"""Notification fixtures: e-mail addresses on the personas, and reading what was sent."""

from __future__ import annotations

import pytest
from django.core import mail

from cum4.models import User
from cum4.notifications.models import Notification


@pytest.fixture
def with_emails(core) -> None:
    """Every demo person gets an address (the demo has none): <username>@example.vn."""
    for user in User.objects.all():
        user.email = f"{user.username}@example.vn"
        user.save(update_fields=["email"])


def mailed_to() -> list[str]:
    """The addresses of the e-mails sent so far, one per e-mail, sorted."""
    return sorted(address for message in mail.outbox for address in message.to)


def notified(**filters) -> list[str]:
    """The usernames of the notifications' recipients, sorted."""
    return sorted(
        Notification.objects.filter(**filters).values_list("recipient__username", flat=True)
    )
