from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.cadres import selectors
from dangvu.cadres.models import AppointmentKind, Position, Purpose, Verdict
from dangvu.candidates.models import Candidate
from dangvu.lib.forms import MemberSearchField, OrganizationSearchField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.members.models import ACTIVE_STATUSES, Member
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.date_of_birth:%d/%m/%Y})"


class _CadreFilterForm(FilterForm):
    """The filters of a cadre list; `kind` is a conclusion's purpose or an appointment's post."""

    filters_class = selectors.CadreFilters
    q = forms.CharField(label=_("Search name"), required=False)
    organization = OrganizationSearchField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, where={"ended_on__isnull": True}
    )
    kind = forms.ChoiceField(label=_("Purpose"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False)
        self.fields["kind"].choices = [("", _("All"))] + list(self.kinds)
        self.fields["kind"].label = self.kind_label
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in self.years(user=user)]


class ConclusionFilterForm(_CadreFilterForm):
    kinds = Purpose.choices
    kind_label = _("Purpose")
    years = staticmethod(selectors.conclusion_years)


class AppointmentFilterForm(_CadreFilterForm):
    kinds = Position.choices
    kind_label = _("Post")
    years = staticmethod(selectors.appointment_years)


class ConclusionForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    member = MemberSearchField(
        label=_("Member"), queryset=Member.objects.none(), required=False, where={"status__in": list(ACTIVE_STATUSES)}
    )
    candidate = PersonChoiceField(
        label=_("Candidate"),
        queryset=Candidate.objects.none(),
        required=False,
        help_text=_("For admission: the candidate; for the other purposes: the member."),
    )
    concluded_on = VnDateField(label=_("Date"))
    verdict = forms.ChoiceField(label=_("Conclusion"), choices=Verdict.choices)
    conclusion = forms.CharField(label=_("Conclusion text"), widget=forms.Textarea(attrs={"rows": 3}))
    document_no = forms.CharField(label=_("Document number"), max_length=64, required=False)

    def __init__(self, *args, members, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["candidate"].queryset = candidates


class AppointmentForm(forms.Form):
    organization = OrganizationSearchField(
        label=_("Organization"), queryset=Organization.objects.none(), where={"ended_on__isnull": True}
    )
    member = MemberSearchField(label=_("Member"), queryset=Member.objects.none(), where={"status": "full"})
    position = forms.ChoiceField(label=_("Post"), choices=Position.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=AppointmentKind.choices)
    decided_by = forms.CharField(label=_("Decided by"), max_length=255, help_text=_("e.g. Ban Thường vụ Đảng ủy Khối"))
    decided_on = VnDateField(label=_("Decision date"))
    document_no = forms.CharField(label=_("Decision number"), max_length=64)
    term = forms.CharField(label=_("Term"), max_length=20, required=False, help_text=_("e.g. 2025-2030"))

    def __init__(self, *args, organizations, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["member"].queryset = members


class EndForm(forms.Form):
    ended_on = VnDateField(label=_("Ended on"))
