"""Forms of the pledge: sign it, add a target, judge a manual target."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cum4.models import Unit
from emulation.forms._bootstrap import BootstrapMixin
from emulation.forms.movements import DateInput
from emulation.models import ManualJudgement, Pledge, PledgeTarget
from emulation.selectors.pledges import indicator_labels


class PledgeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["signed_on", "host_unit", "theme", "document_number", "document"]
        widgets = {
            "signed_on": DateInput(),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "document": forms.FileInput(),
        }

    def __init__(self, *args, units: list[Unit] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["host_unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])


class TargetForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PledgeTarget
        fields = ["title", "kind", "indicator_code", "comparator", "threshold", "period"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = indicator_labels()
        if labels:
            # One vocabulary: the choice value is the indicator code itself.
            self.fields["indicator_code"] = forms.ChoiceField(
                label=_("indicator"),
                required=False,
                choices=[("", "—"), *((code, f"{code} — {label}") for code, label in labels.items())],
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )


class JudgementForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=ManualJudgement.Status.choices)
    evidence = forms.CharField(
        label=_("evidence"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence_file = forms.FileField(label=_("evidence file"), required=False)
