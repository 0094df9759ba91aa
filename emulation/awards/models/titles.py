"""Titles and forms of commendation and their dated rules: conditions, base salary,
multipliers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import DatedRule
from emulation.staff.models import DisciplineLevel, InitiativeLevel, Rating


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
    needs_confirmation = models.BooleanField(_("to be confirmed (cần xác nhận)"), default=False)
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
    needs_confirmation = models.BooleanField(_("to be confirmed (cần xác nhận)"), default=False)
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


class Comparator(models.TextChoices):
    """How a share is compared with its threshold, as the text words it."""

    GT = "gt", _("more than (trên)")
    GTE = "gte", _("at least (ít nhất)")


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
    requires_ldtt = models.BooleanField(
        _("the person must meet the LĐTT title the same year"), default=False
    )
    min_months_worked = models.PositiveSmallIntegerField(
        _("at least this many months worked in the year"), null=True, blank=True
    )
    counted_leave = models.CharField(
        _("leave counted as time worked"),
        max_length=120,
        blank=True,
        help_text=_("Kinds of leave, comma-separated: maternity, injury, training_short, …"),
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
    members_ldtt_comparator = models.CharField(
        _("comparison with that percentage"),
        max_length=3,
        choices=Comparator.choices,
        default=Comparator.GTE,
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
    needs_confirmation = models.BooleanField(_("to be confirmed (cần xác nhận)"), default=False)
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

    def counted_leave_kinds(self) -> set[str]:
        return {kind.strip() for kind in self.counted_leave.split(",") if kind.strip()}

    def share_passes(self, part: int, total: int) -> bool:
        """Does `part` of `total` reach the members' LĐTT threshold, with its comparator?"""
        if total <= 0 or self.members_ldtt_percent is None:
            return False
        if self.members_ldtt_comparator == Comparator.GT:
            return part * 100 > self.members_ldtt_percent * total
        return part * 100 >= self.members_ldtt_percent * total

    def manual_condition_list(self) -> list[str]:
        return [line.strip() for line in self.manual_conditions.splitlines() if line.strip()]
