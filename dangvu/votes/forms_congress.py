"""Forms of the congress screens: each turns its fields into a call of `votes.congress`, `elections` or `approval`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.policy import organizations_to_view
from dangvu.lib.filter_choices import narrow_organization_filter
from dangvu.lib.forms import OrganizationTreeChoiceField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.votes import congress as rules
from dangvu.votes.models import Body, CongressKind, CongressState, CountingRole, Nomination, Poll
from dangvu.votes.selectors_congress import CONGRESS_KINDS, CongressFilters


class CongressFilterForm(FilterForm):
    filters_class = CongressFilters

    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    term = forms.CharField(label=_("Term"), required=False, max_length=20)
    state = forms.ChoiceField(label=_("State"), choices=[("", "—"), *CongressState.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            organizations_to_view(self.user).filter(deleted_at__isnull=True).order_by("path")
        )
        narrow_organization_filter(self)


class CongressForm(forms.Form):
    organization = OrganizationTreeChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    term = forms.CharField(label=_("Term"), max_length=20, help_text=_("For example 2025-2030."))
    kind = forms.ChoiceField(label=_("Kind of congress"), choices=CongressKind.choices, initial=CongressKind.MEMBERS)
    opens_on = VnDateField(label=_("Opens on"))
    closes_on = VnDateField(label=_("Closes on"), required=False)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            organizations_to_view(user)
            .filter(deleted_at__isnull=True, ended_on__isnull=True, kind__in=CONGRESS_KINDS)
            .order_by("path")
        )


class CounterForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Member"), coerce=int, required=False, empty_value=None)
    name = forms.CharField(label=_("Or the name of a technician who is not a delegate"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=CountingRole.choices, initial=CountingRole.MEMBER)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "—"), *people]

    def clean(self):
        data = super().clean()
        if not data.get("member") and not (data.get("name") or "").strip():
            raise forms.ValidationError(_("Choose a member or enter a name."))
        return data


class PollForm(forms.Form):
    body = forms.ChoiceField(label=_("Elects"), choices=Body.choices, initial=Body.COMMITTEE)
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=500)
    held_on = VnDateField(label=_("Date"), required=False)


class CandidateForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Member"), coerce=int)
    post = forms.CharField(label=_("Post"), max_length=255, required=False)
    nominated_by = forms.ChoiceField(label=_("Nominated by"), choices=Nomination.choices, initial=Nomination.CONVENING)
    agreeing = forms.IntegerField(
        label=_("Present agreeing to the nomination"),
        min_value=0,
        required=False,
        help_text=_("For a nomination at the congress: more than 30 percent of those present must agree."),
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = list(people)


class AttendanceForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    attendance = forms.ChoiceField(label=_("Attendance at the congress"), choices=rules.Attendance.choices)


class TotalsForm(forms.Form):
    """The totals of the paper count: the ballots, and one field of votes per candidate."""

    ballots_issued = forms.IntegerField(label=_("Ballots issued"), min_value=0)
    ballots_collected = forms.IntegerField(label=_("Ballots collected"), min_value=0)
    ballots_valid = forms.IntegerField(label=_("Valid ballots"), min_value=0)
    ballots_invalid = forms.IntegerField(label=_("Invalid ballots"), min_value=0)

    def __init__(self, *args, poll: Poll, **kwargs):
        initial = {
            f: getattr(poll, f) for f in ("ballots_issued", "ballots_collected", "ballots_valid", "ballots_invalid")
        }
        self.options = list(poll.options.order_by("order", "pk"))
        initial.update({f"votes_{o.pk}": o.votes for o in self.options})
        super().__init__(*args, initial=initial, **kwargs)
        self.typed_figures = not poll.participations.exists()
        if self.typed_figures:  # a delegates' congress: convened, present and the base are typed in
            for name, label in (
                ("convened", _("Convened")),
                ("present", _("Present")),
                ("base", _("Base of more than half")),
            ):
                self.fields[name] = forms.IntegerField(label=label, min_value=0, initial=getattr(poll, name))
        for option in self.options:
            self.fields[f"votes_{option.pk}"] = forms.IntegerField(
                label=_("Votes for %(name)s") % {"name": option.name}, min_value=0
            )

    def votes(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data[f"votes_{o.pk}"] for o in self.options}


class BallotForm(forms.Form):
    kept = forms.TypedMultipleChoiceField(
        label=_("Names kept on the ballot"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    spoiled = forms.BooleanField(
        label=_("Invalid for another reason (torn, marked, not the congress' ballot)"), required=False
    )

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].choices = [(o.pk, f"{o.order}. {o.name}") for o in poll.options.order_by("order", "pk")]


class IssuedForm(forms.Form):
    issued = forms.IntegerField(label=_("Ballots issued"), min_value=0)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why the count is reopened"), max_length=100)


class ApproveForm(forms.Form):
    approved_on = VnDateField(label=_("Approved on"))
    approved_by = forms.CharField(label=_("Approved by"), max_length=255)
    document_no = forms.CharField(label=_("Approval decision number"), max_length=64)
