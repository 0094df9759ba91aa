"""Forms of the staff register (Vietnamese labels come from the models' verbose names)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    LeadershipLevel,
    StaffMember,
    YearlyRating,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StaffCreateForm(forms.Form):
    code = forms.SlugField(label=_("staff code"), max_length=32)
    full_name = forms.CharField(label=_("full name"), max_length=150)
    birth_year = forms.IntegerField(label=_("year of birth"), required=False, min_value=1940,
                                    max_value=2010)
    position = forms.CharField(label=_("position"), max_length=150)
    leadership_level = forms.ChoiceField(label=_("leadership level"),
                                         choices=LeadershipLevel.choices)
    start = forms.DateField(label=_("in the unit from"), widget=DATE)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if StaffMember.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Another person already has this code."))
        return code


class StaffMoveForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("inspectorate"), queryset=None)
    position = forms.CharField(label=_("position"), max_length=150)
    leadership_level = forms.ChoiceField(label=_("leadership level"),
                                         choices=LeadershipLevel.choices)
    start = forms.DateField(label=_("from"), widget=DATE)

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RatingForm(forms.ModelForm):
    class Meta:
        model = YearlyRating
        fields = ["year", "rating"]


class DisciplineForm(forms.ModelForm):
    class Meta:
        model = DisciplinaryMeasure
        fields = ["year", "level", "decision_ref", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}


class InitiativeForm(forms.ModelForm):
    class Meta:
        model = Initiative
        fields = ["year", "title", "level", "recognised_by"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))


class PersonForm(forms.Form):
    """A person's particulars, carrying the values the editor started from (conflict check)."""

    full_name = forms.CharField(label=_("full name"), max_length=150)
    birth_year = forms.IntegerField(label=_("year of birth"), required=False, min_value=1940,
                                    max_value=2010)
    note = forms.CharField(label=_("note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    loaded_full_name = forms.CharField(widget=forms.HiddenInput, required=False)
    loaded_birth_year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_note = forms.CharField(widget=forms.HiddenInput, required=False)

    @classmethod
    def for_member(cls, member: StaffMember) -> PersonForm:
        values = {"full_name": member.full_name, "birth_year": member.birth_year,
                  "note": member.note}
        return cls(initial={**values, **{f"loaded_{k}": v for k, v in values.items()}})

    def loaded(self) -> dict:
        return {
            "full_name": self.cleaned_data["loaded_full_name"],
            "birth_year": self.cleaned_data["loaded_birth_year"],
            "note": self.cleaned_data["loaded_note"] or "",
        }
