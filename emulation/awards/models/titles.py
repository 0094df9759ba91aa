"""Titles and forms of commendation, their dated rules (conditions, base salary, multipliers,
deadlines), registrations, commendation decisions and confirmed manual conditions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import DatedRule, Unit
from emulation.models.staff import DisciplineLevel, InitiativeLevel, Rating, StaffMember


class Award(models.Model):
    """An emulation title (danh hiệu) or a form of commendation (hình thức), by stable code.

    Codes ("ldtt", "cstdcs", "bk_ttcp", …) are the vocabulary every part of the app uses.
    """

    class Category(models.TextChoices):
        TITLE = "title", _("emulation title")
        FORM = "form", _("form of commendation")

    class Subject(models.TextChoices):
        INDIVIDUAL = "individual", _("individual")
        COLLECTIVE = "collective", _("collective")
        BOTH = "both", _("individual or collective")

    class Level(models.TextChoices):
        """Who grants it; the 0602 (state) and 0603 (ministry/province) statistics split here."""

        STATE = "state", _("state level")
        MINISTRY = "ministry", _("ministry, sector or province level")
        GRASSROOTS = "grassroots", _("grassroots level")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    category = models.CharField(_("category"), max_length=8, choices=Category.choices)
    subject = models.CharField(_("awarded to"), max_length=12, choices=Subject.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("title or form of commendation")
        verbose_name_plural = _("titles and forms of commendation")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def for_individuals(self) -> bool:
        return self.subject in (self.Subject.INDIVIDUAL, self.Subject.BOTH)

    @property
    def for_collectives(self) -> bool:
        return self.subject in (self.Subject.COLLECTIVE, self.Subject.BOTH)


class BaseSalary(DatedRule):
    """The base salary (lương cơ sở) in đồng per month, by the decree in force."""

    amount = models.PositiveIntegerField(_("amount (đồng)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ ({self.valid_from:%d/%m/%Y})".replace(",", ".")


class RewardMultiplier(DatedRule):
    """How many base salaries an award is worth, for an individual or a collective."""

    award = models.ForeignKey(
        Award,
        verbose_name=_("title or form"),
        to_field="code",
        on_delete=models.CASCADE,
        related_name="multipliers",
    )
    collective = models.BooleanField(_("for a collective"), default=False)
    multiplier = models.DecimalField(_("multiplier"), max_digits=5, decimal_places=2)
    round_up_to = models.PositiveIntegerField(
        _("round the reward up to (đồng)"),
        default=0,
        help_text=_("The reward is rounded up to a multiple of this; 0 = no rounding."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reward multiplier")
        verbose_name_plural = _("reward multipliers")
        ordering = ["award__sort_order", "collective", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "collective", "valid_from"], name="multiplier_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_id} × {self.multiplier} ({self.valid_from:%d/%m/%Y})"


class TitleRule(DatedRule):
    """Conditions of an emulation title the app can check, with thresholds as data.

    Every enabled row in force for a title adds its conditions; a blank field adds none.
    `manual_conditions` (one per line) are what the app cannot know: they are confirmed by hand
    with evidence. An optional rule (the old 15% cap) is a row with `enabled` off.
    """

    award = models.ForeignKey(
        Award,
        verbose_name=_("title"),
        to_field="code",
        on_delete=models.CASCADE,
        related_name="rules",
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    # Individual conditions.
    min_rating = models.CharField(
        _("minimum yearly rating"), max_length=16, choices=Rating.choices, blank=True
    )
    excellent_or_initiative = models.BooleanField(
        _("excellent rating or a recognised initiative"), default=False
    )
    streak_award = models.ForeignKey(
        Award,
        verbose_name=_("title held in consecutive years"),
        to_field="code",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    streak_years = models.PositiveSmallIntegerField(
        _("consecutive years"), null=True, blank=True
    )
    initiative_level = models.CharField(
        _("initiative of at least this level"),
        max_length=12,
        choices=InitiativeLevel.choices,
        blank=True,
        help_text=_("Within the consecutive years (or the year itself without a streak)."),
    )
    max_share_of_ldtt = models.DecimalField(
        _("at most this percentage of the unit's LĐTT"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # Collective conditions.
    members_ldtt_percent = models.DecimalField(
        _("at least this percentage of members LĐTT"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    all_members_complete = models.BooleanField(
        _("every member completes their tasks"), default=False
    )
    min_cstdcs_members = models.PositiveSmallIntegerField(
        _("at least this many members CSTĐCS"), null=True, blank=True
    )
    blocking_discipline = models.CharField(
        _("no member disciplined at this level or above"),
        max_length=20,
        choices=DisciplineLevel.choices,
        blank=True,
    )
    manual_conditions = models.TextField(
        _("conditions confirmed by hand"), blank=True, help_text=_("One per line.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("title rule")
        verbose_name_plural = _("title rules")
        ordering = ["award__sort_order", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.award_id} ({self.valid_from:%d/%m/%Y}, {self.legal_basis})"

    def clean(self) -> None:
        super().clean()
        if bool(self.streak_award_id) != bool(self.streak_years):
            raise ValidationError(
                {"streak_years": _("A streak needs both the title and the number of years.")}
            )

    def manual_condition_list(self) -> list[str]:
        return [line.strip() for line in self.manual_conditions.splitlines() if line.strip()]


class CycleDeadline(DatedRule):
    """A yearly deadline of the emulation cycle (day and month), e.g. registrations by 25/03."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("registrations and pledge")
        CLUSTER_DOSSIER = "cluster_dossier", _("cluster's award dossier")
        UNIT_DOSSIER = "unit_dossier", _("inspectorate's award dossier")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline of the emulation cycle")
        verbose_name_plural = _("deadlines of the emulation cycle")
        ordering = ["kind", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12) & Q(day__gte=1, day__lte=31),
                name="cycle_deadline_day_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.day:02d}/{self.month:02d}"


class Registration(models.Model):
    """A unit's emulation registration (đăng ký thi đua) for a year, signed by its leader."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="registrations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="registration_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


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

    number = models.CharField(_("number"), max_length=60)
    date = models.DateField(_("date"))
    authority = models.CharField(_("issuing authority"), max_length=200)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    year = models.PositiveSmallIntegerField(
        _("for the year"), help_text=_("The emulation year the decision recognises.")
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
