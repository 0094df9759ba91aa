"""Registrations of titles by a unit for a year, and the confirmations of hand-checked
conditions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from cum4.models import Unit
from emulation.awards.models.titles import Award
from emulation.staff.models import StaffMember


class Registration(models.Model):
    """A unit's emulation registration (đăng ký thi đua) for a year, signed by its leader.

    One per unit and year: a unit belongs to one cluster a year, whose lead reviews it. The
    leader's signature submits it to that lead (`signed_*` is the submission in force), who
    accepts it or returns it with a reason; a returned registration is corrected and signed
    again. Each step is a `RegistrationEvent` (the timeline); every change of the row is in
    its history.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        ACCEPTED = "accepted", pgettext_lazy("registration", "accepted")

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="registrations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    # Bumped on every write: a step taken on an older version is refused (no lost updates).
    version = models.PositiveIntegerField(_("version"), default=1)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="registration_unit_year"),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "returned"]) | Q(signed_at__isnull=False),
                name="registration_submitted_is_signed",
            ),
            models.CheckConstraint(
                condition=~Q(state="returned") | ~Q(return_reason=""),
                name="registration_returned_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES


class RegistrationEvent(models.Model):
    """A step of the review: who did what when, with the reason (the registration's timeline)."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("signed and submitted")
        WITHDRAWN = "withdrawn", _("signature withdrawn")
        RETURNED = "returned", _("returned")
        ACCEPTED = "accepted", _("accepted")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("registration event")
        verbose_name_plural = _("registration events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.registration} — {self.get_action_display()}"


class RegistrationItem(models.Model):
    """One title registered: for the unit (no staff member) or for a named person."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="items"
    )
    award = models.ForeignKey(
        Award, verbose_name=_("title"), to_field="code", on_delete=models.PROTECT, related_name="+"
    )
    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registration_items",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registered title")
        verbose_name_plural = _("registered titles")
        ordering = ["registration", "staff_member__full_name", "award__sort_order"]
        constraints = [
            # Two constraints, not nulls_distinct=False, so SQLite enforces them too.
            models.UniqueConstraint(
                fields=["registration", "award", "staff_member"],
                condition=Q(staff_member__isnull=False),
                name="registration_item_unique_person",
            ),
            models.UniqueConstraint(
                fields=["registration", "award"],
                condition=Q(staff_member__isnull=True),
                name="registration_item_unique_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award} — {self.staff_member or self.registration.unit}"


class ConditionConfirmation(models.Model):
    """A condition the app cannot compute, confirmed by hand with its evidence."""

    award = models.ForeignKey(
        Award, verbose_name=_("title"), to_field="code", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.CASCADE, related_name="+"
    )
    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    condition = models.CharField(_("condition"), max_length=255)
    evidence = models.TextField(_("evidence"))
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/%Y/", blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("confirmed condition")
        verbose_name_plural = _("confirmed conditions")
        ordering = ["-year", "award"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "year", "unit", "staff_member", "condition"],
                condition=Q(staff_member__isnull=False),
                name="condition_confirmation_unique_person",
            ),
            models.UniqueConstraint(
                fields=["award", "year", "unit", "condition"],
                condition=Q(staff_member__isnull=True),
                name="condition_confirmation_unique_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_id} {self.year}: {self.condition}"
