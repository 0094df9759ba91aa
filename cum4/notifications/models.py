"""In-app notifications and each person's inbox (unread count, e-mail preference).

Imported at the end of cum4/models.py so the models belong to the app label cum4.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one person, with a link to the thing concerned.

    The text is written in the recipient's language when it is created (what the e-mail said
    is what the list shows). `key` names a reminder of one day: a second run of
    `send_reminders` on that day finds the row and sends nothing.
    """

    class Kind(models.TextChoices):
        REPORT_SUBMITTED = "report_submitted", _("report submitted")
        REPORT_RETURNED = "report_returned", _("report returned")
        REPORT_APPROVED = "report_approved", _("report approved")
        DEADLINE_APPROACHING = "deadline_soon", _("deadline approaching")
        DEADLINE_PASSED = "deadline_passed", _("deadline passed")
        PHASE_OPENED = "phase_opened", _("scoring phase opened")
        VOTE_OPENED = "vote_opened", _("vote opened")
        # The review of emulation registrations (values fit max_length=20).
        REGISTRATION_SUBMITTED = "reg_submitted", _("registration submitted")
        REGISTRATION_RETURNED = "reg_returned", _("registration returned")
        REGISTRATION_ACCEPTED = "reg_accepted", _("registration accepted")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=500)
    url = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(_("reminder key"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_new"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="notification_key_once"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Inbox(models.Model):
    """A person's notification state, read with the user on every request (cum4.auth), so the
    bell in the menu costs no query: the unread count (kept by the services) and whether
    notifications are also e-mailed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="inbox",
    )
    unread = models.PositiveIntegerField(_("unread notifications"), default=0)
    email_enabled = models.BooleanField(
        _("send notifications by e-mail"),
        default=True,
        help_text=_("Each notification is also sent to your e-mail address."),
    )

    class Meta:
        verbose_name = _("notification inbox")
        verbose_name_plural = _("notification inboxes")

    def __str__(self) -> str:
        return str(self.user)
