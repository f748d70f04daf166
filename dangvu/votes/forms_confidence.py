"""Forms of the confidence-vote screens: the list filters, a new round, presence, the paper totals, one ballot, the
follow-up."""

from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import OrganizationTreeChoiceField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list
from dangvu.votes.confidence import Voters
from dangvu.votes.models import CountMethod, Level, PollState


@dataclass(frozen=True)
class ConfidenceFilters:
    organization: Organization | None = None
    year: int | None = None
    state: str = ""


class ConfidenceFilterForm(FilterForm):
    filters_class = ConfidenceFilters
    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)
    state = forms.ChoiceField(label=_("State"), choices=[("", _("All"))] + PollState.choices, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user).exclude(kind="cell")
        this_year = timezone.localdate().year
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(y), str(y)) for y in range(this_year, this_year - 10, -1)
        ]


class RoundForm(forms.Form):
    organization = OrganizationTreeChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    held_on = VnDateField(label=_("Date of the vote"))
    conference = forms.CharField(
        label=_("Conference"),
        max_length=255,
        help_text=_("As it is written in the minutes, e.g. Hội nghị Ban Chấp hành Đảng bộ lần thứ 12."),
    )
    voters = forms.ChoiceField(
        label=_("Who votes"),
        choices=[
            (Voters.COMMITTEE, _("the members of the committee")),
            (Voters.MEMBERS, _("all members of the organization")),
        ],
    )
    method = forms.ChoiceField(label=_("Counting"), choices=CountMethod.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False)


class PresenceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(label=_("Present"), coerce=int, required=False)

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(p.member_id, p.name) for p in poll.participations.all()]


class StartForm(forms.Form):
    ballots_issued = forms.IntegerField(label=_("Ballots issued"), min_value=0, required=False)


def _count(label):
    return forms.IntegerField(label=label, min_value=0, max_value=100000)


class TotalsForm(forms.Form):
    """The totals of the paper count, per person the three levels; a reason once counting has ended."""

    ballots_issued = _count(_("Ballots issued"))
    ballots_collected = _count(_("Ballots collected"))
    ballots_valid = _count(_("Valid ballots"))
    ballots_invalid = _count(_("Invalid ballots"))

    def __init__(self, *args, poll, **kwargs):
        initial = {
            f: getattr(poll, f) for f in ("ballots_issued", "ballots_collected", "ballots_valid", "ballots_invalid")
        }
        self.options = list(poll.options.all())
        for option in self.options:
            for level in Level.values:
                initial[f"{level}_{option.pk}"] = getattr(option, level)
        super().__init__(*args, initial=initial, **kwargs)
        for option in self.options:
            for level, label in Level.choices:
                self.fields[f"{level}_{option.pk}"] = _count(f"{option.name}: {label}")
        if poll.state == PollState.FINISHED:
            self.fields["reason"] = forms.CharField(
                label=_("Reason for the change"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        return [(option, [self[f"{level}_{option.pk}"] for level in Level.values]) for option in self.options]

    def levels(self) -> dict:
        data = self.cleaned_data
        return {o.pk: tuple(data[f"{level}_{o.pk}"] for level in Level.values) for o in self.options}


class BallotForm(forms.Form):
    """One ballot as read: a level per person (or none), or the whole ballot invalid."""

    invalid = forms.BooleanField(label=_("Invalid ballot"), required=False)

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = list(poll.options.all())
        for option in self.options:
            self.fields[f"level_{option.pk}"] = forms.ChoiceField(
                label=option.name,
                choices=[("", _("not marked")), *Level.choices],
                required=False,
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(option, self[f"level_{option.pk}"]) for option in self.options]

    def marks(self) -> dict:
        return {o.pk: self.cleaned_data[f"level_{o.pk}"] for o in self.options if self.cleaned_data[f"level_{o.pk}"]}


class FollowUpForm(forms.Form):
    follow_up = forms.CharField(
        label=_("Follow-up"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
