"""Writes of the accounts: set-password links (invitations and resets), the language of the
interface, deactivation.

A set-password link is Django's password-reset link (PasswordResetTokenGenerator): it works
once, because setting the password changes the hash the token is made from, and it expires
after PASSWORD_RESET_TIMEOUT. People imported from Excel have no usable password until they
follow theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from cum4.models import User


@dataclass(frozen=True)
class PasswordLink:
    user: User
    url: str
    mailed: bool


def password_link_url(*, user: User, request: HttpRequest) -> str:
    """The absolute one-time link with which `user` sets a password of their own."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def password_links_issue(
    *, users: list[User], request: HttpRequest, send: bool = True
) -> list[PasswordLink]:
    """A set-password link for each active user, mailed (in the user's language) to those with
    an e-mail address when `send`; every link is also returned, for the secretariat to copy."""
    links = []
    for user in users:
        if not user.is_active:
            continue
        url = password_link_url(user=user, request=request)
        mailed = False
        if send and user.email:
            with translation.override(user.language or settings.LANGUAGE_CODE):
                send_mail(
                    _("Cluster IV: set your password"),
                    _(
                        "Hello %(name)s,\n\nYour account on Cluster IV is %(username)s. Open this "
                        "link to set your password (it works once):\n\n%(url)s\n"
                    )
                    % {"name": user, "username": user.username, "url": url},
                    None,
                    [user.email],
                )
            mailed = True
        links.append(PasswordLink(user, url, mailed))
    return links


def user_set_language(*, user: User, language: str) -> None:
    """Keep the interface language the person picked on their profile."""
    user.language = language
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["language"])


@transaction.atomic
def users_deactivate(*, users: list[User]) -> int:
    """Stop people from signing in; their reports, signatures and history stay theirs (people
    are never deleted: what they submitted and approved points to them). Returns how many."""
    ids = [user.pk for user in users if user.is_active]
    return User.objects.filter(pk__in=ids).update(is_active=False)
