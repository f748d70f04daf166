from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.candidates import selectors
from dangvu.candidates.models import Candidate, Stage
from dangvu.lib.bounds import SMALLINT_MAX
from dangvu.lib.filter_choices import narrow_organization_filter
from dangvu.lib.forms import OrganizationChoiceField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.lib.versioning import add_version_field
from dangvu.members.models import Member
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.organization.name if obj.organization else ''})"


STAGE_FILTER_CHOICES = [("open", _("In the pipeline")), ("all", _("All candidates"))] + Stage.choices
DEADLINE_CHOICES = [
    ("", _("Any")),
    ("warn", _("Near or past a deadline")),
    ("near", _("Near a deadline, not yet past")),
    ("overdue", _("Past a deadline")),
]


class CandidateFilterForm(FilterForm):
    filters_class = selectors.CandidateFilters

    q = forms.CharField(label=_("Search name or national ID"), required=False)
    organization = OrganizationChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=STAGE_FILTER_CHOICES, required=False)
    deadline = forms.ChoiceField(label=_("Deadlines"), choices=DEADLINE_CHOICES, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False)
        narrow_organization_filter(self)


class CandidateForm(forms.ModelForm):
    awareness_class_on = VnDateField(label=_("Party-awareness class completed on"), required=False)
    application_on = VnDateField(label=_("Application dated"), required=False)
    cv_verified_on = VnDateField(label=_("CV verified on"), required=False)

    class Meta:
        model = Candidate
        fields = (
            "full_name",
            "sex",
            "date_of_birth",
            "national_id",
            "hometown",
            "ethnicity",
            "religion",
            "general_education",
            "occupation_now",
            "organization",
            "awareness_class_on",
            "awareness_certificate_no",
            "application_on",
            "cv_verified_on",
            "cv_verification_note",
            "youth_union_recommended",
            "note",
        )
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"date_of_birth": {"invalid": _("Enter a real date as dd/mm/yyyy, e.g. 05/03/2026.")}}

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationChoiceField(label=_("Cell"), queryset=organizations)
        self.fields["date_of_birth"] = VnDateField(label=_("Date of birth"))
        self.order_fields(self.Meta.fields)
        if self.instance.pk:
            add_version_field(self, self.instance)


class IntroducerForm(forms.Form):
    member = MemberChoiceField(label=_("Introducer (full member)"), queryset=Member.objects.none())
    known_since = VnDateField(label=_("Worked with the candidate since"))
    letter_on = VnDateField(label=_("Introduction letter dated"))

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class VoteForm(forms.Form):
    on = VnDateField(label=_("Resolution date"))
    votes_for = forms.IntegerField(label=_("Votes in favour"), min_value=0, max_value=SMALLINT_MAX)
    voters = forms.IntegerField(label=_("Could vote"), min_value=1, max_value=SMALLINT_MAX)

    def __init__(self, *args, voters_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voters"].label = voters_label


class DecisionForm(forms.Form):
    decision_no = forms.CharField(label=_("Admission decision number"), max_length=64)
    decision_on = VnDateField(label=_("Admission decision date"))
    decision_received_on = VnDateField(label=_("Decision received on"), required=False)


class AdmissionForm(forms.Form):
    ceremony_on = VnDateField(label=_("Admission ceremony date"))


class WithdrawForm(forms.Form):
    on = VnDateField(label=_("Withdrawn on"))
    reason = forms.CharField(label=_("Reason"), max_length=255)
