"""A dossier per award proposal, a cluster dossier grouping them, their components (each a
Word document, editable until frozen) and the signed scans uploaded beside them.

A frozen component never changes: its content is kept as it was frozen (`snapshot`), with
its number and date, and every write path refuses it (services, views, admin, `save()`,
`delete()` and queryset `update()`/`delete()`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, Unit
from emulation.scoring.models import RankingProposal

FROZEN_MESSAGE = _("This component is frozen: it carries its number and date and cannot change.")


class Dossier(models.Model):
    """The cluster's dossier of a year, or one proposal's dossier inside it."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("cluster dossier")
        PROPOSAL = "proposal", _("proposal dossier")

    cluster_year = models.ForeignKey(ClusterYear, verbose_name=_("cluster year"),
                                     on_delete=models.CASCADE, related_name="dossiers")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    parent = models.ForeignKey("self", verbose_name=_("cluster dossier"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="proposal_dossiers")
    proposal = models.OneToOneField(RankingProposal, verbose_name=_("award proposal"),
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="dossier")
    unit = models.ForeignKey(Unit, verbose_name=_("inspectorate"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("opened by"),
                                  null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award dossier")
        verbose_name_plural = _("award dossiers")
        ordering = ["cluster_year", "kind", "proposal__rank", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year"], condition=Q(kind="cluster"),
                                    name="dossier_one_cluster_dossier_per_year"),
            models.CheckConstraint(
                condition=(Q(kind="cluster", proposal__isnull=True, parent__isnull=True)
                           | Q(kind="proposal", proposal__isnull=False, parent__isnull=False)),
                name="dossier_kind_matches_links",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.CLUSTER:
            return f"{self.get_kind_display()} {self.cluster_year}"
        return f"{self.get_kind_display()}: {self.unit}"


class ComponentQuerySet(models.QuerySet):
    """Bulk writes refuse frozen rows too (the admin's actions and any script go through here)."""

    def update(self, **kwargs):
        if self.filter(frozen_at__isnull=False).exists():
            raise ValidationError(FROZEN_MESSAGE)
        return super().update(**kwargs)

    def delete(self):
        if self.filter(frozen_at__isnull=False).exists():
            raise ValidationError(FROZEN_MESSAGE)
        return super().delete()


class Component(models.Model):
    """One document of a dossier: what the records give is assembled when it is shown; what
    people write is kept in `written` (with its history); freezing keeps the whole content."""

    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("request for commendation (tờ trình)")
        MINUTES = "minutes", _("minutes of the review meeting")
        ACHIEVEMENT = "achievement", _("achievement report")
        PENDING = "pending", _("statement on pending complaints and denunciations")

    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE,
                                related_name="components")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    written = models.JSONField(_("written parts"), default=dict, blank=True)
    drafted_at = models.DateTimeField(_("drafted at"), null=True, blank=True)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafted by"),
                                   null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    number = models.CharField(_("number"), max_length=40, blank=True)
    issued_on = models.DateField(_("date of the document"), null=True, blank=True)
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("frozen by"),
                                  null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    snapshot = models.JSONField(_("content as frozen"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ComponentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier component")
        verbose_name_plural = _("dossier components")
        ordering = ["dossier", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "kind"], name="component_one_per_kind"),
            models.CheckConstraint(
                condition=Q(frozen_at__isnull=True) | (~Q(number="") & Q(issued_on__isnull=False)),
                name="component_frozen_has_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.dossier}"

    def save(self, *args, **kwargs) -> None:
        if self.pk and Component.objects.filter(pk=self.pk, frozen_at__isnull=False).exists():
            raise ValidationError(FROZEN_MESSAGE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and Component.objects.filter(pk=self.pk, frozen_at__isnull=False).exists():
            raise ValidationError(FROZEN_MESSAGE)
        return super().delete(*args, **kwargs)

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def state(self) -> str:
        """missing → drafted → frozen → signed (a signed copy uploaded beside it)."""
        if self.frozen_at is None:
            return "drafted" if self.drafted_at else "missing"
        return "signed" if getattr(self, "signed_count", None) or self._has_signed() else "frozen"

    def _has_signed(self) -> bool:
        cached = getattr(self, "_prefetched_objects_cache", {}).get("signed_copies")
        if cached is not None:
            return bool(cached)
        return self.signed_copies.exists()


def signed_copy_path(instance: SignedCopy, filename: str) -> str:
    dossier = instance.component.dossier
    return f"dossiers/{dossier.cluster_year_id}/{dossier.pk}/{instance.component.kind}/{filename}"


class SignedCopy(models.Model):
    """The signed and stamped scan of a component, checked like evidence on upload."""

    component = models.ForeignKey(Component, verbose_name=_("component"),
                                  on_delete=models.PROTECT, related_name="signed_copies")
    file = models.FileField(_("file"), upload_to=signed_copy_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signed copy")
        verbose_name_plural = _("signed copies")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class UnitDossier(models.Model):
    """A member unit's year-end dossier sent to the cluster's lead, marked sent by the unit's
    leader: when, by whom, and what it held then (`contents`: the unit's pieces of its
    proposals' dossiers, each with its state and number, and the leader's note on what else
    went with it). One per unit and cluster year; its history is kept."""

    cluster_year = models.ForeignKey(ClusterYear, verbose_name=_("cluster year"),
                                     on_delete=models.CASCADE, related_name="unit_dossiers")
    unit = models.ForeignKey(Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT,
                             related_name="+")
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"),
                                on_delete=models.PROTECT, related_name="+")
    contents = models.JSONField(_("contents when sent"), default=list, blank=True)
    note = models.CharField(_("what was sent"), max_length=500, blank=True,
                            help_text=_("E.g. the covering letter's number and the documents "
                                        "sent with it."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit's dossier sent")
        verbose_name_plural = _("units' dossiers sent")
        ordering = ["cluster_year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit"],
                                    name="unit_dossier_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.cluster_year}"

    @property
    def contents_labels(self) -> list[str]:
        """The recorded pieces, each named with its number when it had one."""
        labels = []
        for piece in self.contents:
            label = str(Component.Kind(piece["kind"]).label)
            labels.append(f"{label} ({piece['number']})" if piece.get("number") else label)
        return labels
