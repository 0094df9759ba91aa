"""Forms of registrations, decisions and confirmations."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.awards.models import Award, Decision
from emulation.staff.models import StaffMember

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AwardItemForm(forms.Form):
    """A title or form for the unit (no person chosen) or for one of its people."""

    award = forms.ModelChoiceField(
        label=_("title or form"), queryset=Award.objects.all(), to_field_name="code"
    )
    staff_member = forms.ModelChoiceField(
        label=_("staff member"), queryset=StaffMember.objects.none(), required=False,
        empty_label=_("— the unit (collective) —"),
    )

    def __init__(self, *args, people=None, awards=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["staff_member"].queryset = people
        if awards is not None:
            self.fields["award"].queryset = awards


class RegistrationItemForm(AwardItemForm):
    pass


class DecisionItemForm(AwardItemForm):
    unit = forms.ModelChoiceField(label=_("inspectorate"), queryset=None)

    field_order = ["unit", "award", "staff_member"]

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["number", "date", "authority", "method", "year", "proposer", "summary",
                  "document"]
        widgets = {"date": DATE}


class DecisionProposerForm(forms.ModelForm):
    """Who submitted a state-level decision to the Prime Minister, set after it is entered."""

    class Meta:
        model = Decision
        fields = ["proposer"]


class ConfirmConditionForm(forms.Form):
    award = forms.CharField(widget=forms.HiddenInput)
    staff_member = forms.IntegerField(widget=forms.HiddenInput, required=False)
    condition = forms.CharField(widget=forms.HiddenInput, max_length=255)
    evidence = forms.CharField(
        label=_("evidence"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The document or fact that shows the condition holds."),
    )
