import re

from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.inspections.models import (
    Body,
    DisciplineForm,
    InspectionKind,
    LetterCategory,
    LetterKind,
    LetterStatus,
    ViolationCategory,
)
from dangvu.lib.forms import VnDateField
from dangvu.lib.versioning import VERSION_FIELD
from dangvu.members.forms import OrganizationChoiceField
from dangvu.organizations.models import Organization

IDENTIFIER_HELP = _("Party card numbers (8 digits) or national ID numbers (12 digits), separated by commas or lines.")


def split_identifiers(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text or "") if part]


class OrganizationsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


def _blank(choices):
    return [("", "—")] + list(choices)


class InspectionForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Conducting organization"), queryset=Organization.objects.none())
    body = forms.ChoiceField(label=_("Conducted by"), choices=_blank(Body.choices))
    kind = forms.ChoiceField(label=_("Kind"), choices=_blank(InspectionKind.choices))
    title = forms.CharField(label=_("Content"), max_length=255)
    document_no = forms.CharField(label=_("Decision or plan number"), max_length=64, required=False)
    started_on = VnDateField(label=_("Start date"))
    ended_on = VnDateField(label=_("End date"), required=False)
    subject_organizations = OrganizationsField(
        label=_("Organizations inspected or supervised"),
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    subject_members = forms.CharField(
        label=_("Members inspected or supervised"),
        required=False,
        help_text=IDENTIFIER_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    all_members_of_subjects = forms.BooleanField(
        label=_("Also every member of the organizations chosen, on the start date"), required=False
    )
    conclusion = forms.CharField(label=_("Conclusion"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    violation_found = forms.BooleanField(label=_("Violation found"), required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations.filter(ended_on__isnull=True)
        self.fields["subject_organizations"].queryset = organizations

    def record_data(self) -> dict:
        d = self.cleaned_data
        return {
            name: d[name] for name in ("body", "kind", "title", "document_no", "started_on", "ended_on", "conclusion")
        } | {"violation_found": d["violation_found"]}


class SubjectKind:
    MEMBER = "member"
    ORGANIZATION = "organization"
    CHOICES = [(MEMBER, _("A member")), (ORGANIZATION, _("An organization"))]


class DisciplineDecisionForm(forms.Form):
    subject_kind = forms.ChoiceField(
        label=_("Disciplined"), choices=SubjectKind.CHOICES, initial=SubjectKind.MEMBER, widget=forms.RadioSelect
    )
    member = forms.CharField(label=_("Member (party card or national ID number)"), max_length=12, required=False)
    subject_organization = OrganizationChoiceField(
        label=_("Organization disciplined"), queryset=Organization.objects.none(), required=False
    )
    form = forms.ChoiceField(label=_("Form of discipline"), choices=_blank(DisciplineForm.choices))
    holds_post = forms.BooleanField(label=_("Holds a post (needed for dismissal)"), required=False)
    on_committee = forms.BooleanField(label=_("Member of a party committee"), required=False)
    body = forms.ChoiceField(label=_("Decided by"), choices=_blank(Body.choices))
    deciding_organization = OrganizationChoiceField(
        label=_("Of the organization"), queryset=Organization.objects.none()
    )
    decision_no = forms.CharField(label=_("Decision number"), max_length=64)
    decided_on = VnDateField(label=_("Decision date"))
    violation_category = forms.ChoiceField(label=_("Violation category"), choices=_blank(ViolationCategory.choices))
    violation = forms.CharField(label=_("Violation"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    violation_started_on = VnDateField(label=_("Violation committed on"))
    violation_ended_on = VnDateField(
        label=_("Continuing violation ended on"),
        required=False,
        help_text=_("For a continuing violation: the statute of limitations runs from its end."),
    )
    new_violation_on = VnDateField(
        label=_("New violation on"),
        required=False,
        help_text=_("A new violation within the period restarts the statute of limitations from its date."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organizations, deciding_organizations, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_organization"].queryset = organizations
        self.fields["deciding_organization"].queryset = deciding_organizations
        if editing:
            for name in ("subject_kind", "member", "subject_organization"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if "subject_kind" not in self.fields:
            return data
        if data.get("subject_kind") == SubjectKind.MEMBER and not data.get("member"):
            self.add_error("member", _("Enter the member's party card or national ID number."))
        if data.get("subject_kind") == SubjectKind.ORGANIZATION and not data.get("subject_organization"):
            self.add_error("subject_organization", _("Choose the organization disciplined."))
        return data

    def record_data(self) -> dict:
        skip = {"subject_kind", "member", "subject_organization", VERSION_FIELD}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class LetterForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Received by"), queryset=Organization.objects.none())
    received_on = VnDateField(label=_("Received on"))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=_blank(LetterKind.choices),
        help_text=_("A letter that both complains and denounces is handled as a complaint."),
    )
    signed = forms.BooleanField(label=_("Signed (unticked: anonymous)"), required=False, initial=True)
    sender = forms.CharField(label=_("Sender"), max_length=255, required=False)
    sender_address = forms.CharField(label=_("Sender's address"), max_length=255, required=False)
    member = forms.CharField(
        label=_("Member concerned (party card or national ID number)"), max_length=12, required=False
    )
    subject_organization = OrganizationChoiceField(
        label=_("Organization concerned"), queryset=Organization.objects.none(), required=False
    )
    subject_text = forms.CharField(label=_("Concerning (other)"), max_length=255, required=False)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("Handling"), choices=_blank(LetterCategory.choices))
    extended = forms.BooleanField(label=_("Deadline extended by 30 working days"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=LetterStatus.choices, initial=LetterStatus.RECEIVED)
    resolved_on = VnDateField(label=_("Resolved on"), required=False)
    result = forms.CharField(label=_("Result"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations.filter(ended_on__isnull=True)
        self.fields["subject_organization"].queryset = organizations

    def record_data(self) -> dict:
        skip = ("organization", "member", VERSION_FIELD)
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


def _year_choices(years):
    return [("", _("All years"))] + [(y, str(y)) for y in years]


class FilterForm(forms.Form):
    """Filters shared by the three lists: the organization (subtree) and the year."""

    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("Whole tree")
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, organizations, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["year"].choices = _year_choices(years)


class InspectionFilterForm(FilterForm):
    body = forms.ChoiceField(label=_("Conducted by"), choices=[("", _("All"))] + list(Body.choices), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + list(InspectionKind.choices), required=False)
    violation_found = forms.NullBooleanField(
        label=_("Violation found"),
        required=False,
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )


class DisciplineFilterForm(FilterForm):
    form = forms.ChoiceField(
        label=_("Form of discipline"), choices=[("", _("All"))] + list(DisciplineForm.choices), required=False
    )
    subject = forms.ChoiceField(
        label=_("Disciplined"),
        choices=[("", _("All")), ("member", _("Members")), ("organization", _("Organizations"))],
        required=False,
    )
    on_committee = forms.BooleanField(label=_("Committee members only"), required=False)


class LetterFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Member, sender or subject"), "type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + list(LetterKind.choices), required=False)
    category = forms.ChoiceField(
        label=_("Handling"),
        choices=[("", _("All")), ("not_considered", _("Not considered (all reasons)"))] + list(LetterCategory.choices),
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + list(LetterStatus.choices), required=False)
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        choices=[("", _("All")), ("soon", _("Near the deadline")), ("overdue", _("Past the deadline"))],
        required=False,
    )
