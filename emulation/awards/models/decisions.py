"""Commendation decisions and what each grants (the cash follows from the dated multipliers)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import Unit
from emulation.awards.models.titles import Award
from emulation.staff.models import StaffMember


class Decision(models.Model):
    """A commendation decision (quyết định khen thưởng) with its items."""

    class Method(models.TextChoices):
        REGULAR = "regular", _("regular / merit")
        THEMATIC = "thematic", _("thematic")
        AD_HOC = "ad_hoc", _("ad hoc")
        FOREIGN = "foreign", _("foreign affairs")
        DEDICATION = "dedication", _("dedication")
        SENIORITY = "seniority", _("seniority")
        RESISTANCE = "resistance", _("resistance war")

    class Proposer(models.TextChoices):
        """Who sent the proposal (tờ trình) to the Prime Minister: rows 02–03 of form 0602.N."""

        MINISTRY = "ministry", _("ministry or central body (e.g. the Government Inspectorate)")
        PROVINCE = "province", _("province or centrally-run city (People's Committee)")

    number = models.CharField(_("number"), max_length=60)
    date = models.DateField(_("date"))
    authority = models.CharField(_("issuing authority"), max_length=200)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    year = models.PositiveSmallIntegerField(
        _("for the year"), help_text=_("The emulation year the decision recognises.")
    )
    proposer = models.CharField(
        _("proposal to the Prime Minister submitted by"),
        max_length=10,
        choices=Proposer.choices,
        blank=True,
        help_text=_(
            "State-level awards only: the body whose submission (tờ trình) to the Prime Minister "
            "led to this decision. Counted in rows 02–03 of form 0602.N."
        ),
    )
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    document = models.FileField(_("document"), upload_to="decisions/%Y/", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "authority"], name="decision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y})"

    def clean(self) -> None:
        # A submitter to the Prime Minister belongs to a state-level decision. Refused once the
        # decision's awards show it is not one; a decision entered before its awards may carry
        # it (the statistics read it only for state-level awards).
        if self.proposer and self.pk and self.items.exists() and not self.items.filter(
            award__level=Award.Level.STATE
        ).exists():
            raise ValidationError({"proposer": _(
                "Only a state-level decision (awards of the Prime Minister or the President) "
                "has a body that submitted it to the Prime Minister: leave this blank."
            )})


class DecisionItem(models.Model):
    """One award granted by a decision: to a unit (no staff member) or to a person in a unit."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="items"
    )
    award = models.ForeignKey(
        Award, verbose_name=_("title or form"), to_field="code", on_delete=models.PROTECT,
        related_name="decision_items",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("inspectorate"),
        on_delete=models.PROTECT,
        related_name="decision_items",
        help_text=_("The collective awarded, or the unit of the person awarded."),
    )
    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_items",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award granted")
        verbose_name_plural = _("awards granted")
        ordering = ["decision", "award__sort_order", "unit__name", "staff_member__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "award", "unit", "staff_member"],
                condition=Q(staff_member__isnull=False),
                name="decision_item_unique_person",
            ),
            models.UniqueConstraint(
                fields=["decision", "award", "unit"],
                condition=Q(staff_member__isnull=True),
                name="decision_item_unique_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award} — {self.staff_member or self.unit}"

    @property
    def collective(self) -> bool:
        return self.staff_member_id is None
