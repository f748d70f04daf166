import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationSearchField, VnDateField
from dangvu.organizations.models import HostUnitType, Organization, OrganizationKind


class DecisionFields(forms.Form):
    on = VnDateField(label=_("Effective date"))
    document_no = forms.CharField(label=_("Decision number"), max_length=64, required=False)
    document_date = VnDateField(label=_("Decision date"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FoundForm(DecisionFields):
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganizationKind.choices)
    host_unit_type = forms.ChoiceField(label=_("Host unit type"), choices=HostUnitType.choices)
    host_unit_name = forms.CharField(label=_("Host unit"), max_length=255, required=False)
    field_order = [
        "code",
        "name",
        "short_name",
        "kind",
        "host_unit_type",
        "host_unit_name",
        "on",
        "document_no",
        "document_date",
        "note",
    ]

    def __init__(self, *args, parent: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        from dangvu.organizations.models import ALLOWED_CHILD_KINDS

        allowed = ALLOWED_CHILD_KINDS[OrganizationKind(parent.kind)]
        self.fields["kind"].choices = [(k, label) for k, label in OrganizationKind.choices if k in allowed]


class RenameForm(DecisionFields):
    name = forms.CharField(label=_("New name"), max_length=255)
    short_name = forms.CharField(label=_("New short name"), max_length=120, required=False)
    field_order = ["name", "short_name", "on", "document_no", "document_date", "note"]


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}"


class MoveForm(DecisionFields):
    new_parent = OrganizationSearchField(
        label=_("Place under"), queryset=Organization.objects.none(), where={"ended_on__isnull": True}
    )
    field_order = ["new_parent", "on", "document_no", "document_date", "note"]

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = choices


class MergeForm(DecisionFields):
    target = OrganizationSearchField(
        label=_("Merge into"), queryset=Organization.objects.none(), where={"ended_on__isnull": True}
    )
    field_order = ["target", "on", "document_no", "document_date", "note"]

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = choices


class SplitForm(DecisionFields):
    code = forms.CharField(label=_("Code of the new organization"), max_length=32)
    name = forms.CharField(label=_("Name of the new organization"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    members = forms.ModelMultipleChoiceField(
        label=_("Members who move to it"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    field_order = ["code", "name", "short_name", "members", "on", "document_no", "document_date", "note"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members


class HandOverForm(DecisionFields):
    external_body = forms.CharField(label=_("Receiving committee"), max_length=255)
    field_order = ["external_body", "on", "document_no", "document_date", "note"]


class DissolveForm(DecisionFields):
    pass


class AsOfForm(forms.Form):
    on = VnDateField(label=_("As of"), required=False)

    def day(self) -> dt.date:
        """The day asked for; today when none (or no real date) is given."""
        if self.is_bound and self.is_valid() and self.cleaned_data["on"]:
            return self.cleaned_data["on"]
        return timezone.localdate()


class TreeForm(AsOfForm):
    """The tree page's search: words of a name, short name or code (accents optional), and the day."""

    q = forms.CharField(label=_("Search organizations"), max_length=100, required=False)

    def query(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["q"].strip()
        return ""
