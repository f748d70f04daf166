from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationChoiceField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list
from dangvu.portal import selectors, services
from dangvu.portal.models import CorrectionState


class CorrectionForm(forms.Form):
    """A member's request: the proposed value (the member edit form's own input for the field) and a note."""

    note = forms.CharField(
        label=_("Note or evidence"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the document that shows the right value (birth certificate, ID card, diploma)."),
    )

    def __init__(self, *args, member, field: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_value"] = services.proposed_field(member, field)
        self.fields["proposed_value"].initial = getattr(member, field)
        self.order_fields(["proposed_value", "note"])


class HandleForm(forms.Form):
    response = forms.CharField(
        label=_("Answer to the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to reject a request: say why."),
    )


STATE_CHOICES = [*CorrectionState.choices, ("all", _("All"))]


class CorrectionFilterForm(FilterForm):
    filters_class = selectors.CorrectionFilters

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Member's name"), "type": "search", "autocomplete": "off"}),
    )
    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("Whole tree")
    )
    state = forms.ChoiceField(label=_("State"), choices=STATE_CHOICES, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        organizations = organization_list(user=user)
        field = self.fields["organization"]
        field.queryset = organizations
        # The menu lists the top levels only (any visible organization is accepted, e.g. from a link).
        shown = list(organizations.filter(depth__lte=user.organization.depth + 1))
        field.widget.choices = [("", field.empty_label)] + [(o.pk, field.label_from_instance(o)) for o in shown]
