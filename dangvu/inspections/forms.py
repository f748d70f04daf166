import re

from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.policy import may_edit
from dangvu.inspections import selectors, services
from dangvu.inspections.models import (
    Body,
    Discipline,
    DisciplineForm,
    Inspection,
    InspectionKind,
    Letter,
    LetterCategory,
    LetterKind,
    LetterStatus,
    ViolationCategory,
)
from dangvu.lib.bounds import as_id
from dangvu.lib.forms import OrganizationSearchField, OrganizationsSearchField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.lib.versioning import VERSION_FIELD, add_version_field, submitted_version
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list

IDENTIFIER_HELP = _("Party card numbers (8 digits) or national ID numbers (12 digits), separated by commas or lines.")


def split_identifiers(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text or "") if part]


def _blank(choices):
    return [("", "—")] + list(choices)


def member_identifier(member) -> str:
    return member.card_number or member.national_id or f"#{member.pk}"


class RecordForm(forms.Form):
    """A record form of this app: it knows the user (its choices, the members it may name, whether the user may own
    the record as filled in) and the record it edits (`instance`, None for a new one); `save(by=)` calls the service.
    """

    owner_field = "body"  # where "you may not record the records of that body" is said

    def __init__(self, data=None, *args, user, instance=None, initial=None, **kwargs):
        self.user, self.instance = user, instance
        initial = self.initial_of(instance) if instance is not None else self.initial_new(initial or {})
        super().__init__(data, *args, initial=initial, **kwargs)
        self.organizations = organization_list(user=user)
        if instance is not None:
            add_version_field(self, instance)

    def initial_new(self, initial: dict) -> dict:
        return {"organization": self.user.organization}

    def initial_of(self, record) -> dict:
        raise NotImplementedError

    def would_be(self, data: dict):
        """The record as the form fills it in, for the owner rule of the policy."""
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if not self.errors:
            record = self.would_be(data)
            if not may_edit(self.user, record):
                owner = record.deciding_organization if isinstance(record, Discipline) else record.organization
                body = record.get_body_display().lower() if hasattr(record, "body") else ""
                self.add_error(
                    self.owner_field,
                    _(
                        "Your account may not record or change the records of %(body)s %(name)s: "
                        "they belong to that body."
                    )
                    % {"body": body, "name": owner.name},
                )
        return data

    def members_named(self, field: str, text: str):
        """The members the text names by card or ID number, or None after saying which numbers are unknown."""
        members, missing = selectors.members_by_identifiers(user=self.user, identifiers=split_identifiers(text))
        if missing:
            self.add_error(
                field,
                _("No member in your organizations has the card or ID number: %(numbers)s.")
                % {"numbers": ", ".join(missing[:10])},
            )
            return None
        return members

    def member_named(self, text: str):
        """The member the `member` field names, or None after saying what is wrong."""
        members = self.members_named("member", text)
        if members == []:
            self.add_error("member", _("Enter the member's party card or national ID number."))
        return members[0] if members else None


class InspectionForm(RecordForm):
    organization = OrganizationSearchField(
        label=_("Conducting organization"), queryset=Organization.objects.none(), where={"ended_on__isnull": True}
    )
    body = forms.ChoiceField(label=_("Conducted by"), choices=_blank(Body.choices))
    kind = forms.ChoiceField(label=_("Kind"), choices=_blank(InspectionKind.choices))
    title = forms.CharField(label=_("Content"), max_length=255)
    document_no = forms.CharField(label=_("Decision or plan number"), max_length=64, required=False)
    started_on = VnDateField(label=_("Start date"))
    ended_on = VnDateField(label=_("End date"), required=False)
    subject_organizations = OrganizationsSearchField(
        label=_("Organizations inspected or supervised"), queryset=Organization.objects.none(), required=False
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

    RECORD_FIELDS = ("body", "kind", "title", "document_no", "started_on", "ended_on", "conclusion", "violation_found")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = self.organizations.filter(ended_on__isnull=True)
        self.fields["subject_organizations"].queryset = self.organizations

    def initial_of(self, inspection) -> dict:
        members = selectors.inspection_subject_members(inspection=inspection)
        return {name: getattr(inspection, name) for name in ("organization", *self.RECORD_FIELDS)} | {
            "subject_organizations": list(inspection.subject_organizations.all()),
            "subject_members": "\n".join(member_identifier(m) for m in members),
        }

    def would_be(self, data):
        return Inspection(organization=data["organization"], body=data["body"])

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        members = self.members_named("subject_members", data["subject_members"])
        if members is not None:
            self.subject_member_ids = [m.pk for m in members]
            if data["all_members_of_subjects"]:
                self.subject_member_ids += selectors.members_of_subjects(
                    organizations=data["subject_organizations"], on=data["started_on"]
                )
        return data

    def record_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.RECORD_FIELDS}

    def save(self, *, by) -> Inspection:
        d = self.cleaned_data
        subjects = {"subject_organizations": d["subject_organizations"], "subject_member_ids": self.subject_member_ids}
        if self.instance is None:
            organization = d["organization"]
            return services.inspection_create(organization=organization, data=self.record_data(), by=by, **subjects)
        self.instance.organization = d["organization"]
        return services.inspection_update(
            inspection=self.instance, data=self.record_data(), by=by, version=submitted_version(self), **subjects
        )


class SubjectKind:
    MEMBER = "member"
    ORGANIZATION = "organization"
    CHOICES = [(MEMBER, _("A member")), (ORGANIZATION, _("An organization"))]


class DisciplineDecisionForm(RecordForm):
    subject_kind = forms.ChoiceField(
        label=_("Disciplined"), choices=SubjectKind.CHOICES, initial=SubjectKind.MEMBER, widget=forms.RadioSelect
    )
    member = forms.CharField(label=_("Member (party card or national ID number)"), max_length=12, required=False)
    subject_organization = OrganizationSearchField(
        label=_("Organization disciplined"), queryset=Organization.objects.none(), required=False
    )
    form = forms.ChoiceField(label=_("Form of discipline"), choices=_blank(DisciplineForm.choices))
    holds_post = forms.BooleanField(label=_("Holds a post (needed for dismissal)"), required=False)
    on_committee = forms.BooleanField(label=_("Member of a party committee"), required=False)
    body = forms.ChoiceField(label=_("Decided by"), choices=_blank(Body.choices))
    deciding_organization = OrganizationSearchField(
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
    sections = (
        (_("Who is disciplined"), ("subject_kind", "member", "subject_organization", "holds_post", "on_committee")),
        (_("The decision"), ("form", "body", "deciding_organization", "decision_no", "decided_on")),
        (
            _("The violation"),
            (
                "violation_category",
                "violation",
                "violation_started_on",
                "violation_ended_on",
                "new_violation_on",
                "note",
            ),
        ),
    )
    # A member or an organization is disciplined: only the field naming that one shows (clean() requires it).
    shown_when = {
        "member": ("subject_kind", (SubjectKind.MEMBER,)),
        "subject_organization": ("subject_kind", (SubjectKind.ORGANIZATION,)),
    }
    required_when_shown = ("member", "subject_organization")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_organization"].queryset = self.organizations
        self.fields["deciding_organization"].queryset = selectors.deciding_organizations(user=self.user)
        if self.instance is not None:  # who was disciplined is not changed
            for name in ("subject_kind", "member", "subject_organization"):
                del self.fields[name]

    def initial_new(self, initial):
        """The deciding body is the user's own organization; `?member=<id>` names the member disciplined."""
        values = {"deciding_organization": self.user.organization}
        if as_id(initial.get("member")) is not None:
            found, _missing = selectors.members_by_identifiers(user=self.user, identifiers=[f"#{initial['member']}"])
            if found:
                values.update(member=member_identifier(found[0]), holds_post=bool(found[0].position))
        return values

    def initial_of(self, discipline):
        return {name: getattr(discipline, name) for name in services.DISCIPLINE_FIELDS}

    def would_be(self, data):
        return Discipline(deciding_organization=data["deciding_organization"], body=data["body"])

    def clean(self):
        data, self.member = self.cleaned_data, None
        if "subject_kind" in self.fields:
            if data.get("subject_kind") == SubjectKind.MEMBER and not data.get("member"):
                self.add_error("member", _("Enter the member's party card or national ID number."))
            if data.get("subject_kind") == SubjectKind.ORGANIZATION and not data.get("subject_organization"):
                self.add_error("subject_organization", _("Choose the organization disciplined."))
        data = super().clean()
        if self.errors or data.get("subject_kind") != SubjectKind.MEMBER:
            return data
        self.member = self.member_named(data["member"])
        return data

    def record_data(self) -> dict:
        skip = {"subject_kind", "member", "subject_organization", VERSION_FIELD}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}

    def save(self, *, by) -> Discipline:
        if self.instance is not None:
            return services.discipline_update(
                discipline=self.instance, data=self.record_data(), by=by, version=submitted_version(self)
            )
        organization = None if self.member else self.cleaned_data["subject_organization"]
        return services.discipline_create(
            data=self.record_data(), member=self.member, subject_organization=organization, by=by
        )


class LetterForm(RecordForm):
    organization = OrganizationSearchField(
        label=_("Received by"), queryset=Organization.objects.none(), where={"ended_on__isnull": True}
    )
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
    subject_organization = OrganizationSearchField(
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
    sections = (
        (_("Receipt"), ("organization", "received_on", "kind", "category", "extended")),
        (_("Sender"), ("signed", "sender", "sender_address")),
        (_("Whom and what it concerns"), ("member", "subject_organization", "subject_text", "summary")),
        (_("Handling and result"), ("status", "resolved_on", "result", "note")),
    )

    owner_field = "organization"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = self.organizations.filter(ended_on__isnull=True)
        self.fields["subject_organization"].queryset = self.organizations

    def initial_of(self, letter):
        initial = {name: getattr(letter, name) for name in services.LETTER_FIELDS if name != "member"}
        initial["organization"] = letter.organization
        if letter.member:
            initial["member"] = member_identifier(letter.member)
        return initial

    def would_be(self, data):
        return Letter(organization=data["organization"])

    def clean(self):
        data = super().clean()
        self.member = None
        if not self.errors and data["member"]:
            self.member = self.member_named(data["member"])
        return data

    def record_data(self) -> dict:
        skip = ("organization", "member", VERSION_FIELD)
        return {name: value for name, value in self.cleaned_data.items() if name not in skip} | {"member": self.member}

    def save(self, *, by) -> Letter:
        organization = self.cleaned_data["organization"]
        if self.instance is None:
            return services.letter_create(organization=organization, data=self.record_data(), by=by)
        self.instance.organization = organization
        return services.letter_update(
            letter=self.instance, data=self.record_data(), by=by, version=submitted_version(self)
        )


def _year_choices(years):
    return [("", _("All years"))] + [(y, str(y)) for y in years]


class _FilterForm(FilterForm):
    """Filters shared by the three lists: the organization (subtree) and the year."""

    organization = OrganizationSearchField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user)
        self.fields["year"].choices = _year_choices(selectors.inspection_years(user=user))


class InspectionFilterForm(_FilterForm):
    filters_class = selectors.InspectionFilters
    body = forms.ChoiceField(label=_("Conducted by"), choices=[("", _("All"))] + list(Body.choices), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + list(InspectionKind.choices), required=False)
    violation_found = forms.NullBooleanField(
        label=_("Violation found"),
        required=False,
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )


class DisciplineFilterForm(_FilterForm):
    filters_class = selectors.DisciplineFilters
    form = forms.ChoiceField(
        label=_("Form of discipline"), choices=[("", _("All"))] + list(DisciplineForm.choices), required=False
    )
    subject = forms.ChoiceField(
        label=_("Disciplined"),
        choices=[("", _("All")), ("member", _("Members")), ("organization", _("Organizations"))],
        required=False,
    )
    on_committee = forms.BooleanField(label=_("Committee members only"), required=False)


class LetterFilterForm(_FilterForm):
    filters_class = selectors.LetterFilters
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
