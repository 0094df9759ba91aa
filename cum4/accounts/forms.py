"""Forms of the accounts."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, but people imported without a password may also ask for a link: they have
    never had one to forget (Django leaves out users without a usable password)."""

    def get_users(self, email: str) -> Iterator:
        model = get_user_model()
        users = model._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.lower() == email.lower())
