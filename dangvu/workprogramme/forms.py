from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationTreeChoiceField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.workprogramme import selectors, services
from dangvu.workprogramme.models import Area, State

QUARTERS = [(1, "I"), (2, "II"), (3, "III"), (4, "IV")]
MONTHS = [(m, str(m)) for m in range(1, 13)]


def _years():
    this_year = timezone.localdate().year
    return [(y, str(y)) for y in range(this_year + 1, this_year - 6, -1)]


class ItemFilterForm(FilterForm):
    filters_class = selectors.ItemFilters
    q = forms.CharField(label=_("Task or owner"), required=False, max_length=100)
    organization = OrganizationTreeChoiceField(
        label=_("Committee"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[("", _("All")), *QUARTERS], coerce=int, empty_value=None, required=False
    )
    area = forms.ChoiceField(label=_("Area"), choices=[("", _("All")), *Area.choices], required=False)
    state = forms.ChoiceField(label=_("State"), choices=[("", _("All")), *State.choices], required=False)
    deleted = forms.BooleanField(label=_("Deleted records"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = selectors.committee_choices(user=user)
        self.fields["year"].choices = [("", _("All years")), *_years()]
        if not user.can_edit_registry:
            self.fields.pop("deleted")


class ItemForm(forms.Form):
    organization = OrganizationTreeChoiceField(label=_("Committee"), queryset=Organization.objects.none())
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[("", "—"), *QUARTERS], coerce=int, empty_value=None, required=False
    )
    month = forms.TypedChoiceField(
        label=_("Month"), choices=[("", "—"), *MONTHS], coerce=int, empty_value=None, required=False
    )
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    title = forms.CharField(
        label=_("Task"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("As the report will say it, e.g. “Tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm”."),
    )
    owner = forms.CharField(label=_("Carried out by"), max_length=120, required=False)
    state = forms.ChoiceField(label=_("State"), choices=State.choices, initial=State.PLANNED)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = selectors.committee_choices(user=user)
        self.fields["year"].choices = _years()

    def save(self, *, by):
        return services.item_save(item=self.instance, by=by, **self.cleaned_data)
