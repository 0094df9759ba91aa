"""Excel import/export of movements, responses, pledges and targets (natural keys, no ids)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from cum4.import_widgets import LabelChoiceWidget, NaturalKeyWidget, PersonWidget
from cum4.models import Cluster, Unit, User
from cum4.resources import BaseResource, ClusterYearWidget
from emulation.movements.indicators import indicator_labels
from emulation.movements.models import (
    ManualJudgement,
    Movement,
    MovementResponse,
    MovementReview,
    Pledge,
    PledgeTarget,
    StatisticsDeadline,
)


class MovementWidget(widgets.ForeignKeyWidget):
    """A movement written as "<cluster name>/<year>/<name>" (the cluster's code is read too)."""

    def __init__(self) -> None:
        super().__init__(Movement)

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        cluster, year, name = str(value).split("/", 2)
        return Movement.objects.get(
            cluster_year__cluster=NaturalKeyWidget(Cluster).clean(cluster.strip()),
            cluster_year__year=int(year), name=name.strip(),
        )

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return f"{value.cluster_year.cluster.name}/{value.cluster_year.year}/{value.name}"


def _unit_field(attribute: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=NaturalKeyWidget(Unit))


class MovementResource(BaseResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year", widget=ClusterYearWidget())
    launching_unit = _unit_field("launching_unit")

    class Meta:
        model = Movement
        import_id_fields = ["cluster_year", "name"]
        fields = [
            "cluster_year",
            "name",
            "theme",
            "launched_by",
            "launching_unit",
            "scope",
            "kind",
            "document_number",
            "starts_on",
            "ends_on",
            "occasion",
        ]
        skip_unchanged = True

    def get_queryset(self):
        return super().get_queryset().select_related("cluster_year__cluster", "launching_unit")


class MovementResponseResource(BaseResource):
    movement = fields.Field(attribute="movement", column_name="movement", widget=MovementWidget())
    unit = _unit_field("unit")

    class Meta:
        model = MovementResponse
        import_id_fields = ["movement", "unit"]
        fields = ["movement", "unit", "activities", "results", "amount_vnd"]
        skip_unchanged = True

    def get_queryset(self):
        return super().get_queryset().select_related("movement__cluster_year__cluster", "unit")


class MovementReviewResource(BaseResource):
    movement = fields.Field(attribute="movement", column_name="movement", widget=MovementWidget())

    class Meta:
        model = MovementReview
        import_id_fields = ["movement", "kind"]
        fields = ["movement", "kind", "held_on", "document_number", "summary"]
        skip_unchanged = True


class PledgeResource(BaseResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year", widget=ClusterYearWidget())
    host_unit = _unit_field("host_unit")

    class Meta:
        model = Pledge
        import_id_fields = ["cluster_year"]
        fields = ["cluster_year", "signed_on", "host_unit", "theme", "document_number"]
        skip_unchanged = True


class PledgeWidget(widgets.ForeignKeyWidget):
    def __init__(self) -> None:
        super().__init__(Pledge)

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        return Pledge.objects.get(cluster_year=ClusterYearWidget().clean(value))

    def render(self, value, obj=None, **kwargs):
        return ClusterYearWidget().render(value.cluster_year) if value else ""


class PledgeTargetResource(BaseResource):
    pledge = fields.Field(attribute="pledge", column_name="pledge", widget=PledgeWidget())
    # The indicator by its label in the quarterly report, read back from the label or the code.
    indicator_code = fields.Field(
        attribute="indicator_code", column_name="indicator_code",
        widget=LabelChoiceWidget(lambda: indicator_labels().items()),
    )
    labels = {"position": _("order"), "indicator_code": _("Indicator of the quarterly report")}

    class Meta:
        model = PledgeTarget
        import_id_fields = ["pledge", "position"]
        fields = ["pledge", "position", "title", "kind", "indicator_code", "comparator", "threshold", "period"]
        skip_unchanged = True


class ManualJudgementResource(BaseResource):
    pledge = fields.Field(attribute="target__pledge", column_name="pledge", widget=PledgeWidget())
    position = fields.Field(attribute="target__position", column_name="position")
    target = fields.Field(attribute="target__title", column_name="target")
    unit = _unit_field("unit")
    judged_by = fields.Field(attribute="judged_by", column_name="judged_by",
                             widget=PersonWidget(User))
    labels = {"target": _("Target"), "position": _("order")}

    class Meta:
        model = ManualJudgement
        fields = ["pledge", "position", "target", "unit", "status", "evidence", "judged_by", "judged_at"]

    def get_queryset(self):
        return super().get_queryset().select_related(
            "target__pledge__cluster_year__cluster", "unit", "judged_by"
        )


class StatisticsDeadlineResource(BaseResource):
    class Meta:
        model = StatisticsDeadline
        import_id_fields = ["valid_from"]
        exclude = ["id"]
        skip_unchanged = True
