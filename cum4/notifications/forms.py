from __future__ import annotations

from django import forms

from cum4.notifications.models import Inbox

_EMAIL_FIELD = Inbox._meta.get_field("email_enabled")


class InboxForm(forms.Form):
    email_enabled = forms.BooleanField(
        label=_EMAIL_FIELD.verbose_name, help_text=_EMAIL_FIELD.help_text, required=False
    )
