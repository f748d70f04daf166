from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationTreeChoiceField as OrganizationChoiceField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list
from dangvu.ratings import selectors, services
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason
from dangvu.ratings.rules import Grade, NotGradedReason, rating_rules_for_year
from dangvu.ratings.services import MEMBER_FIELDS, ORGANIZATION_FIELDS

GRADE_FILTER_CHOICES = [("", _("All grades")), *Grade.choices, ("not_graded", _("Not graded"))]


class SeasonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.year} · {obj.organization.name}"


class SeasonOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class RatingFilterForm(FilterForm):
    filters_class = selectors.RatingFilters

    season = SeasonChoiceField(label=_("Rating season"), queryset=RatingSeason.objects.none(), required=False)
    grade = forms.ChoiceField(label=_("Grade"), choices=GRADE_FILTER_CHOICES, required=False)
    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["season"].queryset = selectors.visible_seasons(user=user).order_by("-year")
        self.fields["organization"].queryset = organization_list(user=user).exclude(kind="cell")


class _RatingForm(forms.ModelForm):
    """The rating of a subject (a member or an organization) in a season: the existing one, or a new one.
    Without scores before 2025 (the rules of the season's year)."""

    subject_field: str
    score_fields: tuple[str, ...]
    data_fields: tuple[str, ...]

    def __init__(self, *args, season: RatingSeason, subject, **kwargs):
        existing = self._meta.model.objects.filter(season=season, **{self.subject_field: subject}).first()
        super().__init__(*args, instance=existing, **kwargs)
        self.season, self.subject = season, subject
        self.rules = rating_rules_for_year(season.year)
        self.fields["grade"].choices = [("", _("— computed from the score / not graded —"))] + list(Grade.choices)
        if not self.rules.scored:
            for name in self.score_fields:
                self.fields.pop(name)

    def validate_unique(self):
        return None

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.data_fields}


class MemberRatingForm(_RatingForm):
    subject_field = "member"
    score_fields = ("score", "tasks_on_time_pct", "tasks_exceeding_pct")
    data_fields = MEMBER_FIELDS

    class Meta:
        model = MemberRating
        fields = MEMBER_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["not_graded_reason"].choices = [("", _("— graded —"))] + [
            c for c in NotGradedReason.choices if c[0] in (NotGradedReason.EXEMPT, NotGradedReason.SUSPENDED)
        ]
        self.fields["not_graded_reason"].help_text = _(
            "Members admitted less than 6 months before are recognised automatically."
        )
        self.fields["disciplined"].help_text = _(
            "Ticked automatically when a discipline decision of the year is recorded for the member."
        )
        if self.rules.scored:
            self.fields["grade"].help_text = _("From 2025 the grade follows from the score (QĐ 366-QĐ/TW).")

    def save(self, *, by) -> MemberRating:
        return services.member_rating_save(season=self.season, member=self.subject, data=self.service_data(), by=by)


class OrganizationRatingForm(_RatingForm):
    subject_field = "organization"
    score_fields = ("score",)
    data_fields = ORGANIZATION_FIELDS

    class Meta:
        model = OrganizationRating
        fields = ORGANIZATION_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def save(self, *, by) -> OrganizationRating:
        return services.organization_rating_save(
            season=self.season, organization=self.subject, data=self.service_data(), by=by
        )
