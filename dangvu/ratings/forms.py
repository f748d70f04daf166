from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationTreeChoiceField as OrganizationChoiceField
from dangvu.lib.forms import VnDateField
from dangvu.lib.number_input import AcceptsDecimalComma, VnDecimalField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list
from dangvu.ratings import selectors, services
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason
from dangvu.ratings.rules import Grade, NotGradedReason, rating_rules_for_year, self_assessment_form_for_year
from dangvu.ratings.services import MEMBER_FIELDS, ORGANIZATION_FIELDS

GRADE_FILTER_CHOICES = [("", _("All grades")), *Grade.choices, ("not_graded", _("Not graded"))]


class SeasonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.year} · {obj.organization.name}"


class SeasonOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    self_assessment_due_on = VnDateField(
        label=_("Self-assessments due on"), required=False, help_text=_("15/12 of the year when left empty.")
    )


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


class _RatingForm(AcceptsDecimalComma, forms.ModelForm):
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


def _pct(label) -> VnDecimalField:
    return VnDecimalField(label=label, required=False, max_digits=5, decimal_places=2, min_value=0, max_value=100)


class SelfAssessmentForm(forms.Form):
    """The member's self-assessment in the form of the year (`rules.self_assessment_form_for_year`)."""

    def __init__(self, *args, season: RatingSeason, instance=None, **kwargs):
        self.season = season
        self.shape = self_assessment_form_for_year(season.year)
        initial = kwargs.pop("initial", {}) or {}
        if instance is not None:
            initial.update({f"points_{code}": value for code, value in instance.points.items()})
            initial.update({f"section_{code}": text for code, text in instance.sections.items()})
            initial.update(
                tasks_on_time_pct=instance.tasks_on_time_pct,
                tasks_exceeding_pct=instance.tasks_exceeding_pct,
                disciplined=instance.disciplined,
                proposed_grade=instance.proposed_grade,
            )
        super().__init__(*args, initial=initial, **kwargs)
        for criterion in self.shape.criteria:
            self.fields[f"points_{criterion.code}"] = VnDecimalField(
                label=criterion.label,
                required=False,
                max_digits=5,
                decimal_places=2,
                min_value=0,
                max_value=criterion.max_points,
                help_text=_("at most %(max)s points") % {"max": int(criterion.max_points)},
            )
        if self.shape.scored:
            self.fields["tasks_on_time_pct"] = _pct(_("Tasks done on time (%)"))
            self.fields["tasks_exceeding_pct"] = _pct(_("Tasks exceeding requirements (%)"))
            self.fields["disciplined"] = forms.BooleanField(label=_("I was disciplined this year"), required=False)
        for code, label in self.shape.sections:
            self.fields[f"section_{code}"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
            )
        self.fields["proposed_grade"] = forms.ChoiceField(
            label=_("The grade I propose"), choices=[("", "—"), *Grade.choices], required=False
        )

    def criteria_fields(self):
        return [self[f"points_{c.code}"] for c in self.shape.criteria]

    def other_fields(self):
        names = {f"points_{c.code}" for c in self.shape.criteria}
        return [self[name] for name in self.fields if name not in names]


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("What to change"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class SheetRowForm(AcceptsDecimalComma, forms.Form):
    """One member's row of the cell's rating sheet (its fields are the rating's, saved by the rating service)."""

    cell_proposed_grade = forms.ChoiceField(label=_("Cell's vote"), choices=[("", "—"), *Grade.choices], required=False)
    score = forms.DecimalField(label=_("Score"), required=False, max_digits=5, decimal_places=2)
    tasks_on_time_pct = forms.DecimalField(label=_("On time (%)"), required=False, max_digits=5, decimal_places=2)
    tasks_exceeding_pct = forms.DecimalField(label=_("Exceeding (%)"), required=False, max_digits=5, decimal_places=2)
    grade = forms.ChoiceField(label=_("Grade decided"), choices=[("", "—"), *Grade.choices], required=False)
    not_graded_reason = forms.ChoiceField(
        label=_("Not graded because"),
        choices=[("", "—")]
        + [c for c in NotGradedReason.choices if c[0] in (NotGradedReason.EXEMPT, NotGradedReason.SUSPENDED)],
        required=False,
    )
    sick_leave_months = forms.IntegerField(label=_("Sick leave (months)"), required=False, min_value=0, max_value=12)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, season: RatingSeason, member_pk: int, rating=None, **kwargs):
        self.season, self.rating = season, rating
        self.rules = rating_rules_for_year(season.year)
        if rating is not None and not args:
            kwargs.setdefault("initial", {name: getattr(rating, name) for name in self.base_fields})
        super().__init__(*args, auto_id=f"r{member_pk}-%s", **kwargs)
        if not self.rules.scored:
            for name in ("score", "tasks_on_time_pct", "tasks_exceeding_pct"):
                self.fields.pop(name)

    def service_data(self) -> dict:
        """The rating's other fields as they are, with the row's fields over them."""
        data = {name: getattr(self.rating, name) for name in MEMBER_FIELDS} if self.rating else {}
        data.update({name: value for name, value in self.cleaned_data.items() if name in self.data})
        return data


class OrganizationRowForm(AcceptsDecimalComma, forms.Form):
    """One cell's row of a base organization's sheet of organizations' ratings."""

    score = forms.DecimalField(label=_("Score"), required=False, max_digits=5, decimal_places=2)
    targets_met_pct = forms.DecimalField(label=_("Targets met (%)"), required=False, max_digits=5, decimal_places=2)
    grade = forms.ChoiceField(label=_("Grade decided"), choices=[("", "—"), *Grade.choices], required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, season: RatingSeason, organization_pk: int, rating=None, **kwargs):
        self.season, self.rating = season, rating
        if rating is not None and not args:
            kwargs.setdefault("initial", {name: getattr(rating, name) for name in self.base_fields})
        super().__init__(*args, auto_id=f"o{organization_pk}-%s", **kwargs)
        if not rating_rules_for_year(season.year).scored:
            self.fields.pop("score")

    def service_data(self) -> dict:
        data = {name: getattr(self.rating, name) for name in ORGANIZATION_FIELDS} if self.rating else {}
        data.update({name: value for name, value in self.cleaned_data.items() if name in self.data})
        return data
