from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessRecord(models.Model):
    """One download, export or change of a user's rights, kept ACCESS_LOG_DAYS days."""

    class Action(models.TextChoices):
        DOWNLOAD = "download", _("download")
        EXPORT = "export", _("export")
        USER_CHANGE = "user_change", _("change of a user's role or unit")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too: the record outlives a deleted account.
    username = models.CharField(_("user name"), max_length=150)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    what = models.CharField(_("what"), max_length=300)
    path = models.CharField(_("address"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username}: {self.what}"
