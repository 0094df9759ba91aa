"""The staff register: a person with one history across units, yearly ratings, discipline,
initiatives, and the complaints or denunciations pending against a unit or a person."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import DatedRule, Unit


class LeadershipLevel(models.TextChoices):
    """The categories of the Thông tư 02/2023/TT-BNV statistics (forms 0602/0603)."""

    PROVINCE = "province", _("provincial leader or above")
    DEPARTMENT = "department", _("department level or equivalent")
    DIVISION = "division", _("deputy head of division or above")
    STAFF = "staff", _("working staff")


class Rating(models.TextChoices):
    """The yearly rating of a civil servant, best first."""

    EXCELLENT = "excellent", _("completed tasks excellently")
    GOOD = "good", _("completed tasks well")
    COMPLETED = "completed", _("completed tasks")
    NOT_COMPLETED = "not_completed", _("did not complete tasks")


# Higher is better; lets rules say "good or better".
RATING_RANK = {
    Rating.EXCELLENT: 4,
    Rating.GOOD: 3,
    Rating.COMPLETED: 2,
    Rating.NOT_COMPLETED: 1,
}


class DisciplineLevel(models.TextChoices):
    """Disciplinary measures for civil servants, mildest first."""

    REPRIMAND = "reprimand", _("reprimand")
    WARNING = "warning", _("warning")
    SALARY_DOWNGRADE = "salary_downgrade", _("salary downgrade")
    DEMOTION = "demotion", _("demotion")
    REMOVAL = "removal", _("removal from post")
    DISMISSAL = "dismissal", _("forced dismissal")


DISCIPLINE_RANK = {level: rank for rank, level in enumerate(DisciplineLevel, start=1)}


class InitiativeLevel(models.TextChoices):
    """How far a recognised initiative's effect reaches, narrowest first."""

    GRASSROOTS = "grassroots", _("grassroots (unit)")
    PROVINCE = "province", _("ministry, sector or province")
    NATIONAL = "national", _("national")


INITIATIVE_RANK = {level: rank for rank, level in enumerate(InitiativeLevel, start=1)}


class StaffMember(models.Model):
    """A person (cán bộ, công chức). Assignments place them in units over time."""

    code = models.SlugField(
        _("staff code"),
        max_length=32,
        unique=True,
        help_text=_("A stable code for the person, used by Excel imports."),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["full_name", "code"]

    def __str__(self) -> str:
        return self.full_name


class StaffAssignment(models.Model):
    """A person's post in a unit from/to: moving between units adds a row, history stays."""

    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="assignments"
    )
    position = models.CharField(_("position"), max_length=150)
    leadership_level = models.CharField(
        _("leadership level"),
        max_length=12,
        choices=LeadershipLevel.choices,
        default=LeadershipLevel.STAFF,
    )
    start = models.DateField(_("in the unit from"))
    end = models.DateField(_("in the unit until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit assignment")
        verbose_name_plural = _("unit assignments")
        ordering = ["staff_member", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="assignment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member} — {self.unit} ({self.position})"

    def clean(self) -> None:
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The end date must not be before the start date.")})
        unit = self.unit if self.unit_id else None
        if unit is not None and self.start and unit.valid_to and self.start > unit.valid_to:
            raise ValidationError(
                {"unit": _("%(unit)s ceased on %(date)s: assign the person to its successor.")
                 % {"unit": unit, "date": unit.valid_to.strftime("%d/%m/%Y")}}
            )

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class YearlyRating(models.Model):
    """The yearly quality rating of a person, in the unit that rated them."""

    staff_member = models.ForeignKey(
        StaffMember, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="ratings"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="+"
    )
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly rating")
        verbose_name_plural = _("yearly ratings")
        ordering = ["staff_member", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["staff_member", "year"], name="rating_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member} {self.year}: {self.get_rating_display()}"


class DisciplinaryMeasure(models.Model):
    """A disciplinary measure taken against a person in a year."""

    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="disciplinary_measures",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("measure"), max_length=20, choices=DisciplineLevel.choices)
    decision_ref = models.CharField(_("decision"), max_length=120, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disciplinary measure")
        verbose_name_plural = _("disciplinary measures")
        ordering = ["staff_member", "-year"]

    def __str__(self) -> str:
        return f"{self.staff_member} {self.year}: {self.get_level_display()}"


class Initiative(models.Model):
    """A recognised initiative (sáng kiến) of a person, with the reach of its effect."""

    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="initiatives",
    )
    year = models.PositiveSmallIntegerField(_("year recognised"))
    title = models.CharField(_("title"), max_length=255)
    level = models.CharField(_("level"), max_length=12, choices=InitiativeLevel.choices)
    recognised_by = models.CharField(_("recognised by"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["staff_member", "-year"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class PendingComplaint(models.Model):
    """A complaint or denunciation against a unit or one of its people, pending until resolved.

    A proposal for an award must say whether one is pending (Luật Thi đua, khen thưởng 2022).
    """

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("complaint")
        DENUNCIATION = "denunciation", _("denunciation")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("inspectorate"),
        on_delete=models.PROTECT,
        related_name="pending_complaints",
        help_text=_("The unit concerned, or the unit of the person concerned."),
    )
    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pending_complaints",
        help_text=_("Empty when the complaint is against the unit itself."),
    )
    received_on = models.DateField(_("received on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    summary = models.TextField(_("summary"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("complaint or denunciation on record")
        verbose_name_plural = _("complaints and denunciations on record")
        ordering = ["-received_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolved_on__isnull=True) | Q(resolved_on__gte=models.F("received_on")),
                name="pending_complaint_resolved_after_received",
            ),
        ]

    def __str__(self) -> str:
        target = self.staff_member or self.unit
        return f"{self.get_kind_display()} — {target} ({self.received_on:%d/%m/%Y})"

    def is_pending_on(self, day: dt.date) -> bool:
        return self.received_on <= day and (self.resolved_on is None or day < self.resolved_on)

    @staticmethod
    def pending_on(day: dt.date) -> Q:
        """`is_pending_on(day)` as a filter: received by `day`, not resolved by then."""
        return Q(received_on__lte=day) & (Q(resolved_on__isnull=True) | Q(resolved_on__gt=day))


class LeaveKind(models.TextChoices):
    """Why a person was away from work; the LĐTT rule in force says which kinds still count
    as time worked (maternity leave, treatment of injuries, short training, …)."""

    MATERNITY = "maternity", _("maternity leave")
    INJURY = "injury", _("treatment of an injury in service or rescue")
    TRAINING_SHORT = "training_short", _("training under one year")
    TRAINING_LONG = "training_long", _("training of one year or more")
    SICK = "sick", _("sick leave")
    UNPAID = "unpaid", _("unpaid leave")
    OTHER = "other", _("other absence")


class LeavePeriod(models.Model):
    """A period a person was away from work, by kind (counted or not as time worked)."""

    staff_member = models.ForeignKey(
        StaffMember, verbose_name=_("staff member"), on_delete=models.CASCADE,
        related_name="leave_periods",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LeaveKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leave period")
        verbose_name_plural = _("leave periods")
        ordering = ["staff_member", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="leave_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member}: {self.get_kind_display()} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"


class ComplaintHoldRule(DatedRule):
    """The rule that a unit or person with a complaint or denunciation being verified is not
    proposed for an award until it is resolved (tạm dừng xét), with its legal basis."""

    needs_confirmation = models.BooleanField(_("to be confirmed (cần xác nhận)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule on pending complaints")
        verbose_name_plural = _("rules on pending complaints")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.legal_basis} ({self.valid_from:%d/%m/%Y})"
