"""Forms of scoring: criteria editing, score sheets, phases, ballots, finalising, complaints."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cum4.models import Unit
from emulation.scoring.models import (
    CriteriaGroup,
    CriteriaTable,
    Criterion,
    ResultComplaint,
    ScoringRound,
)
from emulation.scoring.selectors import Sheet
from emulation.scoring.services.scores import ReviewEntry, SelfEntry

POINTS_WIDGET = {"class": "form-control form-control-sm text-end", "step": "0.01",
                 "inputmode": "decimal"}
NOTE_WIDGET = {"class": "form-control form-control-sm", "rows": 1}


class CriteriaTableForm(forms.ModelForm):
    class Meta:
        model = CriteriaTable
        fields = ["name", "bonus_cap", "is_sample", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class CriteriaGroupForm(forms.ModelForm):
    class Meta:
        model = CriteriaGroup
        fields = ["code", "name", "position"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["group", "code", "name", "position", "max_points", "method",
                  "indicator_code", "target", "evidence_required", "guidance"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, table: CriteriaTable, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = table.groups.order_by("position")


class TieBreakForm(forms.Form):
    """Up to five groups in order: the first separates equal totals first."""

    SLOTS = 5

    def __init__(self, *args, table: CriteriaTable, initial_groups: list[CriteriaGroup],
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        groups = table.groups.order_by("position")
        for index in range(self.SLOTS):
            self.fields[f"group_{index}"] = forms.ModelChoiceField(
                queryset=groups, required=False, label=_("Tie-break %(n)s") % {"n": index + 1},
                initial=initial_groups[index].pk if index < len(initial_groups) else None,
            )

    def groups(self) -> list[CriteriaGroup]:
        picked = (self.cleaned_data.get(f"group_{i}") for i in range(self.SLOTS))
        return [group for group in picked if group is not None]


class SpreadsheetForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Evidence file"))


class SelfScoreForm(forms.Form):
    """The unit's whole sheet at once: `self_<criterion id>` and `note_<criterion id>`."""

    def __init__(self, *args, sheet: Sheet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.editable = [ln for ln in sheet.lines if not ln.criterion.is_computed]
        for line in self.editable:
            cid, score = line.criterion.pk, line.score
            self.fields[f"self_{cid}"] = forms.DecimalField(
                required=False, min_value=Decimal("0"), max_value=line.criterion.max_points,
                decimal_places=2, label=line.criterion.name,
                initial=score.self_score if score else None,
                widget=forms.NumberInput(attrs=POINTS_WIDGET))
            self.fields[f"note_{cid}"] = forms.CharField(
                required=False, label=_("Note"), initial=score.self_note if score else "",
                widget=forms.Textarea(attrs=NOTE_WIDGET))

    @property
    def by_criterion(self) -> dict[int, dict[str, forms.BoundField]]:
        return {ln.criterion.pk: {"score": self[f"self_{ln.criterion.pk}"],
                                  "note": self[f"note_{ln.criterion.pk}"]}
                for ln in self.editable}

    def entries(self) -> dict[int, SelfEntry]:
        data = self.cleaned_data
        # Only the lines the request carries: a partial post leaves the other lines alone.
        return {ln.criterion.pk: SelfEntry(score=data.get(f"self_{ln.criterion.pk}"),
                                           note=data.get(f"note_{ln.criterion.pk}") or "")
                for ln in self.editable if f"self_{ln.criterion.pk}" in self.data}


class ReviewScoreForm(forms.Form):
    """The reviewer's sheet: review score and note, and (the lead) the agreed score."""

    def __init__(self, *args, sheet: Sheet, may_agree: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.may_agree = may_agree
        self.editable = [ln for ln in sheet.lines if not ln.criterion.is_computed]
        for line in self.editable:
            cid, score, top = line.criterion.pk, line.score, line.criterion.max_points
            self.fields[f"review_{cid}"] = forms.DecimalField(
                required=False, min_value=Decimal("0"), max_value=top, decimal_places=2,
                initial=score.review_score if score else None,
                widget=forms.NumberInput(attrs=POINTS_WIDGET))
            self.fields[f"rnote_{cid}"] = forms.CharField(
                required=False, initial=score.review_note if score else "",
                widget=forms.Textarea(attrs=NOTE_WIDGET))
            if may_agree:
                self.fields[f"agreed_{cid}"] = forms.DecimalField(
                    required=False, min_value=Decimal("0"), max_value=top, decimal_places=2,
                    initial=score.agreed_score if score else None,
                    widget=forms.NumberInput(attrs=POINTS_WIDGET))
                self.fields[f"anote_{cid}"] = forms.CharField(
                    required=False, initial=score.agreed_note if score else "",
                    widget=forms.Textarea(attrs=NOTE_WIDGET))

    @property
    def by_criterion(self) -> dict[int, dict[str, forms.BoundField]]:
        result = {}
        for line in self.editable:
            cid = line.criterion.pk
            fields = {"score": self[f"review_{cid}"], "note": self[f"rnote_{cid}"]}
            if self.may_agree:
                fields.update(agreed=self[f"agreed_{cid}"], agreed_note=self[f"anote_{cid}"])
            result[cid] = fields
        return result

    def entries(self) -> dict[int, ReviewEntry]:
        data = self.cleaned_data
        result = {}
        for line in self.editable:
            cid = line.criterion.pk
            if f"review_{cid}" not in self.data:
                continue  # a partial post leaves the other lines alone
            agreed_given = f"agreed_{cid}" in self.data
            score = line.score
            result[cid] = ReviewEntry(
                score=data.get(f"review_{cid}"), note=data.get(f"rnote_{cid}") or "",
                agreed=data.get(f"agreed_{cid}") if agreed_given else (
                    score.agreed_score if score else None),
                agreed_note=data.get(f"anote_{cid}") or "" if agreed_given else (
                    score.agreed_note if score else ""))
        return result


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=[c for c in ScoringRound.Phase.choices if c[0] != ScoringRound.Phase.FINAL])


class CrossReviewForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Reviewed unit"))
    reviewer = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False,
                                      label=_("Reviewing unit"),
                                      empty_label=_("the cluster lead"))

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = members
        self.fields["reviewer"].queryset = members


class BallotForm(forms.Form):
    nominee = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Proposed leading unit"),
                                     widget=forms.RadioSelect)

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = members


class FinaliseForm(forms.Form):
    merit_units = forms.ModelMultipleChoiceField(
        queryset=Unit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Propose for the Bằng khen của Tổng Thanh tra Chính phủ"))
    confirm = forms.BooleanField(label=_("I understand that finalising locks scores and votes."))

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["merit_units"].queryset = members


class ComplaintForm(forms.ModelForm):
    class Meta:
        model = ResultComplaint
        fields = ["subject", "criterion", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, table: CriteriaTable | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = (
            Criterion.objects.filter(group__table=table) if table else Criterion.objects.none())


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[
        ("accept", _("Accept")), ("reject", _("Reject"))], widget=forms.RadioSelect)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
    reopen = forms.BooleanField(required=False,
                                label=_("Reopen this unit's review to change its scores"))
