from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.organizations.models import Organization
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason
from dangvu.ratings.rules import Grade, NotGradedReason
from dangvu.ratings.services import MEMBER_FIELDS, ORGANIZATION_FIELDS

GRADE_FILTER_CHOICES = [("", _("All grades")), *Grade.choices, ("not_graded", _("Not graded"))]


class SeasonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.year} · {obj.organization.name}"


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'· ' * max(obj.depth - 1, 0)}{obj.name}"


class SeasonOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class RatingFilterForm(forms.Form):
    season = SeasonChoiceField(label=_("Rating season"), queryset=RatingSeason.objects.none(), required=False)
    grade = forms.ChoiceField(label=_("Grade"), choices=GRADE_FILTER_CHOICES, required=False)
    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, seasons, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].queryset = seasons
        self.fields["organization"].queryset = organizations


class MemberRatingForm(forms.ModelForm):
    class Meta:
        model = MemberRating
        fields = MEMBER_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, scored: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", _("— computed from the score / not graded —"))] + list(Grade.choices)
        self.fields["not_graded_reason"].choices = [("", _("— graded —"))] + [
            c for c in NotGradedReason.choices if c[0] in (NotGradedReason.EXEMPT, NotGradedReason.SUSPENDED)
        ]
        self.fields["not_graded_reason"].help_text = _(
            "Members admitted less than 6 months before are recognised automatically."
        )
        self.fields["disciplined"].help_text = _(
            "Ticked automatically when a discipline decision of the year is recorded for the member."
        )
        if not scored:
            for name in ("score", "tasks_on_time_pct", "tasks_exceeding_pct"):
                self.fields.pop(name)
        else:
            self.fields["grade"].help_text = _("From 2025 the grade follows from the score (QĐ 366-QĐ/TW).")

    def validate_unique(self):
        return None

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in MEMBER_FIELDS}


class OrganizationRatingForm(forms.ModelForm):
    class Meta:
        model = OrganizationRating
        fields = ORGANIZATION_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, scored: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", _("— computed from the score / not graded —"))] + list(Grade.choices)
        if not scored:
            self.fields.pop("score")

    def validate_unique(self):
        return None

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ORGANIZATION_FIELDS}
