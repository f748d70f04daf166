from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dangvu.lib.forms import OrganizationTreeChoiceField as OrganizationChoiceField
from dangvu.lib.forms import VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.massorgs import selectors, services
from dangvu.massorgs.models import MassOrgKind, ModelKind, ModelLevel, Period, RegistrationKind
from dangvu.massorgs.rules import COUNT_FIELDS
from dangvu.organizations.models import Organization


def _year_choices(blank: bool):
    this_year = timezone.localdate().year
    years = [(str(y), str(y)) for y in range(this_year, this_year - 10, -1)]
    return ([("", _("All years"))] if blank else []) + years


class _FilterForm(FilterForm):
    filters_class = selectors.RecordFilters
    organization = OrganizationChoiceField(
        label=_("Unit"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)
    deleted = forms.BooleanField(label=_("Deleted records"), required=False)
    kind_choices: list = []

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = selectors.unit_choices(user=user)
        self.fields["year"].choices = _year_choices(blank=True)
        if "kind" in self.fields:
            self.fields["kind"].choices = [("", _("All")), *self.kind_choices]
        if not user.can_edit_registry:
            self.fields.pop("deleted")


class FiguresFilterForm(_FilterForm):
    kind = forms.ChoiceField(label=_("Mass organization"), required=False)
    period = forms.ChoiceField(label=_("Period"), choices=[("", _("All")), *Period.choices], required=False)
    kind_choices = MassOrgKind.choices
    field_order = ["kind", "organization", "year", "period", "deleted"]


class ModelFilterForm(_FilterForm):
    q = forms.CharField(label=_("Name or field"), required=False, max_length=100)
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All")), *ModelLevel.choices], required=False)
    kind = forms.ChoiceField(label=_("Model or exemplar"), required=False)
    kind_choices = ModelKind.choices
    field_order = ["q", "level", "kind", "organization", "year", "deleted"]


class RegistrationFilterForm(_FilterForm):
    kind = forms.ChoiceField(label=_("Registration"), required=False)
    kind_choices = RegistrationKind.choices
    field_order = ["kind", "organization", "year", "deleted"]


class _RecordForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Unit"), queryset=Organization.objects.none())
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int)

    def __init__(self, *args, user, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = selectors.unit_choices(user=user)
        self.fields["year"].choices = _year_choices(blank=False)


def _count_field(label):
    return forms.IntegerField(label=label, min_value=0, initial=0)


class FiguresForm(_RecordForm):
    kind = forms.ChoiceField(label=_("Mass organization"), choices=MassOrgKind.choices)
    period = forms.ChoiceField(label=_("Period"), choices=Period.choices)
    bases = _count_field(_("Bases"))
    members = _count_field(pgettext_lazy("mass organization", "Members"))
    grade_1 = _count_field(_("Members graded: grade 1 (best)"))
    grade_2 = _count_field(_("Members graded: grade 2"))
    grade_3 = _count_field(_("Members graded: grade 3"))
    grade_4 = _count_field(_("Members graded: grade 4 (lowest)"))
    youth_introduced = _count_field(_("Introduced to the party"))
    youth_admitted = _count_field(_("Admitted into the party"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["kind", "organization", "year", "period"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade_1"].help_text = _(
            "Youth union and veterans: excellent, good, average, weak; trade union: excellently fulfilled, "
            "well fulfilled, fulfilled, did not fulfil duties."
        )

    def save(self, *, by):
        d = self.cleaned_data
        counts = {name: d[name] for name in COUNT_FIELDS}
        return services.figures_save(
            figures=self.instance,
            by=by,
            organization=d["organization"],
            kind=d["kind"],
            year=d["year"],
            period=d["period"],
            note=d["note"],
            **counts,
        )


class ModelForm(_RecordForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Model or exemplar"), choices=ModelKind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=ModelLevel.choices)
    field = forms.CharField(label=_("Field"), max_length=255, required=False)
    recognised_on = VnDateField(label=_("Recognised on"), required=False)
    decision_no = forms.CharField(label=_("Decision number"), max_length=64, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["name", "kind", "level", "organization", "year"]

    def save(self, *, by):
        return services.model_save(model=self.instance, by=by, **self.cleaned_data)


class RegistrationForm(_RecordForm):
    kind = forms.ChoiceField(label=_("Registration"), choices=RegistrationKind.choices)
    registered = forms.BooleanField(label=_("Registered"), required=False, initial=True)
    registered_on = VnDateField(label=_("Registration date"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["kind", "organization", "year"]

    def save(self, *, by):
        return services.registration_save(registration=self.instance, by=by, **self.cleaned_data)
