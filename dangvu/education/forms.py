from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.education import selectors, services
from dangvu.education.models import Completion, TrainingKind
from dangvu.lib.forms import OrganizationTreeChoiceField as OrganizationChoiceField
from dangvu.lib.forms import VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.members.models import Member
from dangvu.members.selectors import members_in_scope
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


def _year_choices():
    this_year = timezone.localdate().year
    return [("", _("All years"))] + [(str(y), str(y)) for y in range(this_year, this_year - 10, -1)]


class _FilterForm(FilterForm):
    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)
    deleted = forms.BooleanField(label=_("Deleted records"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user).exclude(kind="cell")
        self.fields["year"].choices = _year_choices()
        if not user.can_edit_registry:
            self.fields.pop("deleted")


class StudyFilterForm(_FilterForm):
    filters_class = selectors.StudyFilters
    q = forms.CharField(label=_("Document"), required=False, max_length=100)
    field_order = ["q", "organization", "year", "deleted"]


class TrainingFilterForm(_FilterForm):
    filters_class = selectors.TrainingFilters
    q = forms.CharField(label=_("Title or teaching body"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind of class"), choices=[("", _("All"))] + TrainingKind.choices, required=False)
    field_order = ["q", "kind", "organization", "year", "deleted"]


class StudySessionForm(forms.Form):
    organization = OrganizationChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    document_reference = forms.CharField(
        label=_("Document studied"),
        max_length=255,
        help_text=_("Number and symbol as written, e.g. Nghị quyết số 21-NQ/TW."),
    )
    held_on = VnDateField(label=_("Date held"))
    members = MemberChoiceField(
        label=_("Members present"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
        help_text=_("Members counted in the organization's subtree on the day; untick those absent."),
    )
    non_members_present = forms.IntegerField(label=_("Non-member staff present"), min_value=0, initial=0)
    non_member_headcount = forms.IntegerField(
        label=_("Non-member staff of the host unit"),
        min_value=0,
        initial=0,
        help_text=_("Everyone working at the host unit who is not a party member, on the day of the session."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs["initial"] = {
                "organization": instance.organization,
                "document_reference": instance.document_reference,
                "held_on": instance.held_on,
                "non_members_present": instance.non_members_present,
                "non_member_headcount": instance.non_member_headcount,
                "note": instance.note,
                "members": list(instance.attendances.values_list("member_id", flat=True)),
            }
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False)
        # Any live member of the user's scope is accepted here (an id outside it gets the field's generic
        # "invalid choice"); the service refuses those not counted in the subtree on the day, with a message
        # naming them. Only the members counted there are listed.
        organization, held_on = self._chosen_organization_and_date()
        listed = []
        if organization is not None and held_on is not None:
            listed = list(selectors.members_counted_in(organization=organization, on=held_on))
            if instance is None and not self.is_bound and "members" not in self.initial:
                self.initial["members"] = [m.pk for m in listed]
        self.members_listed = listed
        # Those listed were counted that day in an organization of the user's scope, even if they have moved since.
        self.fields["members"].queryset = Member.objects.filter(
            Q(pk__in=members_in_scope(user=user).values("pk")) | Q(pk__in=[m.pk for m in listed])
        )
        self.fields["members"].widget.choices = [(m.pk, m.full_name) for m in listed]

    def _chosen_organization_and_date(self):
        """The organization and date whose members are listed: as typed (bound), else as asked in the URL or saved."""
        source = self.data if self.is_bound else self.initial
        organization = source.get("organization")
        held_on = source.get("held_on")
        try:
            if organization and not isinstance(organization, Organization):
                organization = self.fields["organization"].queryset.filter(pk=int(organization)).first()
            if held_on and isinstance(held_on, str):
                held_on = self.fields["held_on"].clean(held_on)
        except (ValueError, forms.ValidationError):
            return None, None
        return organization or None, held_on or None

    def save(self, *, by):
        d = self.cleaned_data
        return services.study_session_save(
            session=self.instance,
            by=by,
            organization=d["organization"],
            document_reference=d["document_reference"],
            held_on=d["held_on"],
            non_members_present=d["non_members_present"],
            non_member_headcount=d["non_member_headcount"],
            member_ids=[m.pk for m in d["members"]],
            note=d["note"],
        )


class TrainingClassForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of class"), choices=TrainingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    organization = OrganizationChoiceField(
        label=_("Organizing party organization"), queryset=Organization.objects.none()
    )
    organizer = forms.CharField(
        label=_("Held by"),
        max_length=255,
        required=False,
        help_text=_("The body that teaches the class, e.g. Trung tâm Chính trị tỉnh, if not the organization itself."),
    )
    starts_on = VnDateField(label=_("First day"))
    ends_on = VnDateField(label=_("Last day"))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user, include_ended=False)

    def save(self, *, by):
        return services.training_class_save(training_class=self.instance, by=by, **self.cleaned_data)


class ParticipantsAddForm(forms.Form):
    members = MemberChoiceField(
        label=_("Party members"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
        help_text=_("Members counted in the organizing organization on the first day of the class."),
    )
    names = forms.CharField(
        label=_("Candidates (one full name a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a party awareness class: the candidates' names until they are linked to their records."),
    )

    def __init__(self, *args, training_class, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.training_class = training_class
        listed = selectors.members_counted_in(organization=training_class.organization, on=training_class.starts_on)
        taken = training_class.participants.exclude(member=None).values("member_id")
        self.fields["members"].queryset = Member.objects.filter(
            Q(pk__in=members_in_scope(user=user).values("pk")) | Q(pk__in=listed.values("pk"))
        )
        self.fields["members"].widget.choices = [(m.pk, m.full_name) for m in listed.exclude(pk__in=taken)]
        if training_class.kind == TrainingKind.PARTY_AWARENESS:
            self.fields.pop("members")
        elif training_class.kind in (TrainingKind.NEW_MEMBER, TrainingKind.COMMITTEE_MEMBER):
            self.fields.pop("names")

    def save(self, *, by):
        d = self.cleaned_data
        return services.participants_add(
            training_class=self.training_class,
            by=by,
            members=d.get("members") or [],
            names=(d.get("names") or "").splitlines(),
        )


class ParticipantForm(forms.Form):
    completion = forms.ChoiceField(label=_("Result"), choices=Completion.choices)
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=64, required=False)

    def __init__(self, *args, participant, **kwargs):
        self.participant = participant
        kwargs.setdefault(
            "initial", {"completion": participant.completion, "certificate_number": participant.certificate_number}
        )
        super().__init__(*args, **kwargs)

    def save(self, *, by):
        return services.participant_update(participant=self.participant, by=by, **self.cleaned_data)
