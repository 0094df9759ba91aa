"""The shared core: units, clusters and their yearly memberships, users, dated rule data."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DatedRuleQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date) -> DatedRuleQuerySet:
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class DatedRule(models.Model):
    """Base of every row of rule data: valid from/to with the legal basis it comes from."""

    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    note = models.TextField(_("note"), blank=True)

    objects = DatedRuleQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date must not be before the start date.")})


class Unit(models.Model):
    """A provincial inspectorate (Thanh tra tỉnh). A unit that ceases points to its successor."""

    code = models.SlugField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=200)
    province = models.CharField(_("province"), max_length=100)
    is_remote_area = models.BooleanField(
        _("remote area"),
        default=False,
        help_text=_("Remote and mountainous area: complaint deadlines are longer."),
    )
    valid_from = models.DateField(_("valid from"), default=dt.date(2000, 1, 1))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspectorate")
        verbose_name_plural = _("inspectorates")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_to_after_from",
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("id")), name="unit_not_own_successor"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_active_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def final_successor(self) -> Unit:
        """The unit that carries this one's line today (follows successors to the end)."""
        unit, seen = self, {self.pk}
        while unit.successor_id and unit.successor_id not in seen:
            seen.add(unit.successor_id)
            unit = unit.successor
        return unit


class Cluster(models.Model):
    """An emulation cluster (cụm thi đua) organised by an authority."""

    code = models.SlugField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=200)
    founding_decision = models.CharField(_("founding decision"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("emulation cluster")
        verbose_name_plural = _("emulation clusters")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ClusterYear(models.Model):
    """A cluster in one year: what memberships, pledges, scores and votes hang on."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="years"
    )
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("cluster year")
        verbose_name_plural = _("cluster years")
        ordering = ["cluster__code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year"], name="cluster_year_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} — {self.year}"


class Membership(models.Model):
    """A unit's place in a cluster for one year; the lead is a role here, not a user flag."""

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        LEAD = "lead", _("cluster lead")
        DEPUTY = "deputy", _("deputy cluster lead")

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        ordering = ["cluster_year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit"], name="membership_unique"),
            models.UniqueConstraint(
                fields=["cluster_year"], condition=Q(role="lead"), name="membership_one_lead"
            ),
            models.UniqueConstraint(
                fields=["cluster_year"], condition=Q(role="deputy"), name="membership_one_deputy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.cluster_year} ({self.get_role_display()})"

    @property
    def leads(self) -> bool:
        return self.role in (self.Role.LEAD, self.Role.DEPUTY)


class User(AbstractUser):
    """A person who logs in. Rights follow from the unit, the role and the year's memberships."""

    class Role(models.TextChoices):
        STAFF = "staff", _("unit staff")
        LEADER = "leader", _("unit leader")
        SECRETARIAT = "secretariat", _("secretariat")
        VIEWER = "viewer", _("viewer")

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.STAFF)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("inspectorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    position = models.CharField(_("position"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=["secretariat", "viewer"]) | Q(unit__isnull=False),
                name="user_unit_roles_have_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def works_in_unit(self) -> bool:
        return self.role in (self.Role.STAFF, self.Role.LEADER) and self.unit_id is not None


class QuarterWindow(DatedRule):
    """The data window and deadlines of one quarter, as the reporting circular sets them.

    A year's quarters use the rows in force on 1 January of that year, so a later circular is
    a new set of rows, not a code change.
    """

    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    start_month = models.PositiveSmallIntegerField(_("start month"))
    start_day = models.PositiveSmallIntegerField(_("start day"))
    start_in_previous_year = models.BooleanField(_("starts in the previous year"), default=False)
    end_month = models.PositiveSmallIntegerField(_("end month"))
    end_day = models.PositiveSmallIntegerField(_("end day"))
    unit_deadline_month = models.PositiveSmallIntegerField(_("unit deadline month"))
    unit_deadline_day = models.PositiveSmallIntegerField(_("unit deadline day"))
    cluster_deadline_month = models.PositiveSmallIntegerField(_("cluster deadline month"))
    cluster_deadline_day = models.PositiveSmallIntegerField(_("cluster deadline day"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarter window")
        verbose_name_plural = _("quarter windows")
        ordering = ["-valid_from", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["quarter", "valid_from"], name="quarter_window_unique"),
            models.CheckConstraint(
                condition=Q(start_month__gte=1, start_month__lte=12)
                & Q(end_month__gte=1, end_month__lte=12)
                & Q(unit_deadline_month__gte=1, unit_deadline_month__lte=12)
                & Q(cluster_deadline_month__gte=1, cluster_deadline_month__lte=12),
                name="quarter_window_months",
            ),
        ]

    def __str__(self) -> str:
        return f"Q{self.quarter} ({self.legal_basis}, {self.valid_from:%d/%m/%Y})"

    def clean(self) -> None:
        super().clean()
        for prefix in ("start", "end", "unit_deadline", "cluster_deadline"):
            month, day = getattr(self, f"{prefix}_month"), getattr(self, f"{prefix}_day")
            try:
                dt.date(2024, month or 0, day or 0)  # a leap year admits 29/02
            except ValueError:
                raise ValidationError({f"{prefix}_day": _("Not a valid day of that month.")}) from None


# The quarterly report envelope and the notifications live in their own modules of the app.
from cum4.notifications.models import Inbox, Notification  # noqa: E402, F401
from cum4.reports.models import QuarterlyReport, ReportEvent, SectionRow  # noqa: E402, F401
from cum4.yearend.models import YearEndReport  # noqa: E402, F401
