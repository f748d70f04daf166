from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dangvu.documents import selectors
from dangvu.documents.models import Direction, Document
from dangvu.documents.rules import type_choices
from dangvu.lib.forms import OrganizationChoiceField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number_symbol} — {obj.subject[:80]}"


class DocumentFilterForm(FilterForm):
    filters_class = selectors.DocumentFilters
    q = forms.CharField(label=_("Search number or subject"), required=False)
    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("", _("Issued and received"))] + Direction.choices, required=False
    )
    type_code = forms.ChoiceField(label=_("Document type"), choices=[("", _("All types"))], required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, empty_value=None, required=False)
    organization = OrganizationChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["type_code"].choices = [("", _("All types"))] + type_choices()
        years = selectors.document_years(user=user)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False).exclude(kind="cell")


class DocumentIssueForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Issuing body"), queryset=Organization.objects.none())
    type_code = forms.ChoiceField(
        label=_("Document type"), help_text=_("* symbol not confirmed by the sources (RULES.md §7).")
    )
    issued_on = VnDateField(label=_("Date issued"))
    subject = forms.CharField(label=_("Subject line"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    signer = forms.CharField(label=_("Signer"), max_length=120, required=False)
    implements = DocumentChoiceField(
        label=_("Implements a received document"), queryset=Document.objects.none(), required=False
    )
    implements_text = forms.CharField(
        label=_("Implements (reference)"),
        max_length=255,
        required=False,
        help_text=_("e.g. Nghị quyết số 22-NQ/TU, when the higher-level document is not in the register."),
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("PDF, DOC, DOCX, ODT, JPG or PNG, at most 20 MB.")
    )

    def __init__(self, *args, organizations, received, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["type_code"].choices = type_choices()
        self.fields["implements"].queryset = received
        if not self.is_bound:
            self.initial.setdefault("issued_on", timezone.localdate())


class DocumentReceiveForm(forms.Form):
    organization = OrganizationChoiceField(
        label=pgettext_lazy("document", "Received by"), queryset=Organization.objects.none()
    )
    type_code = forms.ChoiceField(label=_("Document type"))
    number_symbol = forms.CharField(
        label=_("Number and symbol"), max_length=64, help_text=_("As written, e.g. 22-NQ/TU.")
    )
    issued_on = VnDateField(label=_("Date issued"))
    received_on = VnDateField(label=_("Date received"))
    sender = forms.CharField(label=_("Issued by"), max_length=255)
    subject = forms.CharField(label=_("Subject line"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    signer = forms.CharField(label=_("Signer"), max_length=120, required=False)
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("PDF, DOC, DOCX, ODT, JPG or PNG, at most 20 MB.")
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["type_code"].choices = type_choices()


class DocumentEditForm(forms.Form):
    subject = forms.CharField(label=_("Subject line"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    signer = forms.CharField(label=_("Signer"), max_length=120, required=False)
    implements = DocumentChoiceField(
        label=_("Implements a received document"), queryset=Document.objects.none(), required=False
    )
    implements_text = forms.CharField(label=_("Implements (reference)"), max_length=255, required=False)
    file = forms.FileField(label=_("Replace the file"), required=False)

    def __init__(self, *args, received, direction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["implements"].queryset = received
        if direction == Direction.RECEIVED:
            del self.fields["implements"]
            del self.fields["implements_text"]


class SymbolForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    symbol = forms.CharField(label=_("Issuing body symbol"), max_length=16, help_text=_("e.g. ĐUK, as in 07-NQ/ĐUK."))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class OrganizationsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return "— " * max(obj.depth - 1, 0) + obj.name


class SendForm(forms.Form):
    """Send a document to the members of chosen organizations (a cell, a base organization, the whole tree)."""

    organizations = OrganizationsField(
        label=_("Send to the members of"),
        queryset=Organization.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 12}),
        error_messages={"required": _("Choose at least one organization to send the document to.")},
    )
    include_subtree = forms.BooleanField(
        label=_("Including the organizations under them"), required=False, initial=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = selectors.send_targets(user=user)
