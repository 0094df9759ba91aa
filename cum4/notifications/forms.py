from __future__ import annotations

from django import forms

from cum4.notifications.models import Inbox


class InboxForm(forms.ModelForm):
    class Meta:
        model = Inbox
        fields = ["email_enabled"]
