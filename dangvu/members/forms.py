from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.policy import may_see_sensitive
from dangvu.lib.form_guide import clean_shown
from dangvu.lib.forms import OrganizationChoiceField, OrganizationSearchField, VnDateField, VnDateInput
from dangvu.lib.screens import FilterForm
from dangvu.lib.untrusted_files import CheckedImageField
from dangvu.lib.versioning import add_version_field
from dangvu.members.models import EventKind, Member, Sex, Status, TransferMode, card_number_validator
from dangvu.members.rules import BADGE_MILESTONES
from dangvu.members.selectors import MemberFilters
from dangvu.members.services import ADMISSION_FIELDS, PERSONAL_FIELDS
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization
from dangvu.organizations.selectors import organization_list

# What the cell pickers offer as the user types: live cells and base cells (member_holding_choices).
MEMBER_HOLDING = {"kind__in": list(MEMBER_HOLDING_KINDS), "ended_on__isnull": True}

SENSITIVE_FIELDS = ("ethnicity", "religion", "family_background", "political_history_notes")
# The personal record in the sections of its paper form (includes/form.html draws them as fieldsets).
PERSONAL_SECTIONS = (
    (
        _("Identity"),
        ("full_name", "birth_name", "aliases", "sex", "date_of_birth", "place_of_birth", "hometown", "photo"),
    ),
    (_("Party card and papers"), ("card_number", "cv_number", "national_id")),
    (_("Addresses and phone"), ("permanent_address", "temporary_address", "phone")),
    (
        _("Education and work"),
        (
            "general_education",
            "professional_qualification",
            "political_theory_level",
            "foreign_language",
            "occupation_before",
            "occupation_now",
            "position",
            "in_armed_forces",
            "retired",
        ),
    ),
    (_("Ethnicity, religion and background"), SENSITIVE_FIELDS),
)


class MemberForm(forms.ModelForm):
    sections = PERSONAL_SECTIONS

    class Meta:
        model = Member
        fields = PERSONAL_FIELDS
        widgets = {
            "date_of_birth": VnDateInput(),
            "family_background": forms.Textarea(attrs={"rows": 2}),
            "political_history_notes": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"date_of_birth": {"invalid": _("Enter a real date as dd/mm/yyyy, e.g. 05/03/2026.")}}
        field_classes = {"photo": CheckedImageField}  # its header is inspected before Pillow decodes anything

    def __init__(self, *args, show_sensitive: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].input_formats = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
        if not show_sensitive:
            for name in SENSITIVE_FIELDS:
                self.fields.pop(name)
        for name in ("card_number", "cv_number", "national_id"):
            self.fields[name].required = False
        # Uniqueness is checked by the service with a message naming the other member.
        self._validate_unique = False
        if self.instance.pk:
            # The version the form is opened on: the service refuses a save that would undo a change made since.
            add_version_field(self, self.instance)

    def validate_unique(self):
        return None


JOIN_CHOICES = [
    (EventKind.ADMITTED, _("Admitted into the party in a cell of the committee")),
    (EventKind.TRANSFERRED_IN, _("Transferred in from another party organization")),
]


_ADMITTED_ONLY = ("join", (EventKind.ADMITTED,))
_TRANSFERRED_ONLY = ("join", (EventKind.TRANSFERRED_IN,))


class MemberCreateForm(MemberForm):
    """A new member: the way of joining first, then only the fields of that way (the others are hidden in the
    browser and ignored here), then the personal record."""

    sections = (
        (_("How the member joins"), ("join", "organization", "on", "document_no", "document_date")),
        (_("Admission"), ("cell_resolution_on", "over_age_approved", "ceremony_on", "ceremony_place")),
        (
            _("Admission recorded elsewhere (member transferred in)"),
            ("external_place", "original_admitted_on", "original_document_no", "original_ceremony_on", "made_full_on"),
        ),
        *PERSONAL_SECTIONS,
    )
    shown_when = {
        "ceremony_on": _ADMITTED_ONLY,
        "ceremony_place": _ADMITTED_ONLY,
        "external_place": _TRANSFERRED_ONLY,
        "original_admitted_on": _TRANSFERRED_ONLY,
        "original_document_no": _TRANSFERRED_ONLY,
        "original_ceremony_on": _TRANSFERRED_ONLY,
        "made_full_on": _TRANSFERRED_ONLY,
    }
    required_when_shown = ("external_place", "original_admitted_on", "original_document_no")
    label_when = {
        "on": (
            "join",
            {EventKind.ADMITTED: _("Admission decision date"), EventKind.TRANSFERRED_IN: _("Date the member arrived")},
        ),
        "document_no": (
            "join",
            {EventKind.ADMITTED: _("Admission decision number"), EventKind.TRANSFERRED_IN: _("Transfer letter number")},
        ),
    }

    join = forms.ChoiceField(
        label=_("How the member joins the registry"),
        choices=JOIN_CHOICES,
        widget=forms.RadioSelect,
        initial=EventKind.ADMITTED,
    )
    organization = OrganizationSearchField(label=_("Cell"), queryset=Organization.objects.none(), where=MEMBER_HOLDING)
    on = VnDateField(label=_("Admission decision date / date of arrival"))
    document_no = forms.CharField(label=_("Admission decision number / transfer letter number"), max_length=64)
    document_date = VnDateField(label=_("Decision or letter date"), required=False)
    cell_resolution_on = VnDateField(
        label=_("Cell resolution date"),
        required=False,
        help_text=_("The admission age (18 to 60) is checked on this date."),
    )
    ceremony_on = VnDateField(label=_("Admission ceremony date"), required=False)
    ceremony_place = forms.CharField(label=_("Ceremony place"), max_length=255, required=False)
    over_age_approved = forms.BooleanField(label=_("Admission over 60 specially approved"), required=False)
    # For a member transferred in: the admission recorded elsewhere.
    external_place = forms.CharField(
        label=_("Party organization the member comes from"), max_length=255, required=False
    )
    original_admitted_on = VnDateField(label=_("Original admission decision date"), required=False)
    original_ceremony_on = VnDateField(label=_("Original admission ceremony date"), required=False)
    original_document_no = forms.CharField(label=_("Original admission decision number"), max_length=64, required=False)
    made_full_on = VnDateField(
        label=_("Full membership decision date"),
        required=False,
        help_text=_("Leave empty if the member is still probationary."),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        return clean_shown(self, super().clean(), required_message=_("Needed for a member transferred in."))

    def personal_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PERSONAL_FIELDS if name in self.cleaned_data}

    def first_event(self) -> dict:
        d = self.cleaned_data
        common = {
            "on": d["on"],
            "organization": d["organization"],
            "document_no": d["document_no"],
            "document_date": d.get("document_date"),
        }
        if d["join"] == EventKind.ADMITTED:
            return {
                "kind": EventKind.ADMITTED,
                **common,
                "cell_resolution_on": d.get("cell_resolution_on"),
                "ceremony_on": d.get("ceremony_on"),
                "ceremony_place": d.get("ceremony_place", ""),
                "over_age_approved": d.get("over_age_approved", False),
            }
        return {
            "kind": EventKind.TRANSFERRED_IN,
            **common,
            "transfer_mode": TransferMode.OFFICIAL,
            "external_place": d["external_place"],
            "admission": {
                "on": d["original_admitted_on"],
                "external_place": d["external_place"],
                "document_no": d["original_document_no"],
                "ceremony_on": d.get("original_ceremony_on"),
                "cell_resolution_on": d.get("cell_resolution_on"),
                "over_age_approved": d.get("over_age_approved", False),
                "made_full_on": d.get("made_full_on"),
            },
        }


# Which inputs each event form shows, in order.
_DECISION = ["on", "document_no", "document_date", "note"]
_ADMISSION = ["on", "organization", *ADMISSION_FIELDS, "note"]
_TRANSFER = ["external_place", "temporary_until", "document_no", "document_date", "note"]
EVENT_FORM_FIELDS = {
    EventKind.ADMITTED: _ADMISSION,
    EventKind.READMITTED: _ADMISSION,
    EventKind.MADE_FULL: _DECISION,
    EventKind.TRANSFERRED_OUT: ["on", "transfer_mode", "counterpart", *_TRANSFER],
    EventKind.TRANSFERRED_IN: ["on", "transfer_mode", "organization", *_TRANSFER],
    EventKind.REMOVED: _DECISION,
    EventKind.RESIGNED: _DECISION,
    EventKind.EXPELLED: _DECISION,
    EventKind.DIED: _DECISION,
    EventKind.CARD_ISSUED: ["on", "card_number", "document_no", "note"],
    EventKind.BADGE_AWARDED: ["on", "badge_years", "badge_number", "early_for_illness", *_DECISION[1:]],
}
DATE_LABELS = {
    EventKind.ADMITTED: _("Admission decision date"),
    EventKind.READMITTED: _("Re-admission decision date"),
    EventKind.MADE_FULL: _("Full membership decision date"),
    EventKind.TRANSFERRED_OUT: _("Transfer date"),
    EventKind.TRANSFERRED_IN: _("Date the member arrived"),
    EventKind.DIED: _("Date of death"),
    EventKind.CARD_ISSUED: _("Card issue date"),
    EventKind.BADGE_AWARDED: _("Award date"),
}


class EventForm(forms.Form):
    on = VnDateField(label=_("Date"))
    organization = OrganizationSearchField(
        label=_("Cell"), queryset=Organization.objects.none(), required=False, where=MEMBER_HOLDING
    )
    counterpart = OrganizationSearchField(
        label=_("To a cell of the committee"),
        queryset=Organization.objects.none(),
        required=False,
        where=MEMBER_HOLDING,
    )
    external_place = forms.CharField(label=_("Place outside the committee"), max_length=255, required=False)
    transfer_mode = forms.ChoiceField(
        label=_("Transfer kind"), choices=TransferMode.choices, initial=TransferMode.OFFICIAL
    )
    temporary_until = VnDateField(label=_("Temporary until"), required=False)
    document_no = forms.CharField(label=_("Decision or letter number"), max_length=64, required=False)
    document_date = VnDateField(label=_("Decision or letter date"), required=False)
    cell_resolution_on = VnDateField(label=_("Cell resolution date"), required=False)
    ceremony_on = VnDateField(label=_("Admission ceremony date"), required=False)
    ceremony_place = forms.CharField(label=_("Ceremony place"), max_length=255, required=False)
    over_age_approved = forms.BooleanField(label=_("Admission over 60 specially approved"), required=False)
    card_number = forms.CharField(
        label=_("Party card number"), max_length=8, required=False, validators=[card_number_validator]
    )
    badge_years = forms.TypedChoiceField(
        label=_("Badge"),
        coerce=int,
        required=False,
        choices=[("", "—")] + [(y, _("%(years)d years of seniority") % {"years": y}) for y in BADGE_MILESTONES],
    )
    badge_number = forms.CharField(label=_("Badge number"), max_length=32, required=False)
    early_for_illness = forms.BooleanField(label=_("Awarded early for serious illness"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, kind: str, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        keep = EVENT_FORM_FIELDS[EventKind(kind)]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.order_fields(keep)
        if "on" in self.fields and kind in DATE_LABELS:
            self.fields["on"].label = DATE_LABELS[kind]
        for name in ("organization", "counterpart"):
            if name in self.fields:
                self.fields[name].queryset = organizations
        if kind == EventKind.TRANSFERRED_IN:
            self.fields["external_place"].label = _("Coming from (outside the committee)")

    def event_fields(self) -> dict:
        data = dict(self.cleaned_data)
        if data.get("badge_years") in ("", None):
            data.pop("badge_years", None)
        return {k: v for k, v in data.items() if v not in (None, "") or k in ("on",)}


STATUS_FILTER_CHOICES = [
    ("active", _("Current members")),
    ("all", _("All records")),
    (Status.PROBATIONARY, Status.PROBATIONARY.label),
    (Status.FULL, Status.FULL.label),
    (Status.TRANSFERRED_AWAY, Status.TRANSFERRED_AWAY.label),
    ("left", _("Left the party (removed, resigned, expelled)")),
    (Status.DECEASED, Status.DECEASED.label),
]


class MemberFilterForm(FilterForm):
    filters_class = MemberFilters  # an empty status is its default, the current members

    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("Name, card number or national ID"), "type": "search", "autocomplete": "off"}
        ),
    )
    organization = OrganizationChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("Whole tree")
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER_CHOICES, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", _("All"))] + list(Sex.choices), required=False)
    ethnic_minority = forms.NullBooleanField(
        label=_("Ethnic minority"),
        required=False,
        widget=forms.Select(choices=[("", _("All")), ("true", _("Ethnic minority")), ("false", _("Kinh"))]),
    )
    probationary = forms.BooleanField(label=_("Probationary"), required=False)
    due_full = forms.BooleanField(label=_("Due for full membership"), required=False)
    due_badge = forms.BooleanField(label=_("Due for a badge"), required=False)
    probation_ending = forms.BooleanField(label=_("Probation ends soon"), required=False)
    full_overdue = forms.BooleanField(label=_("Full-membership decision overdue"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        organizations = organization_list(user=user)
        field = self.fields["organization"]
        # Any visible organization is accepted (links from organization pages), but the menu lists only
        # the top levels so that the page stays light on a province-sized tree.
        field.queryset = organizations
        shown = list(organizations.filter(depth__lte=user.organization.depth + 1))
        selected = self.data.get("organization") if self.is_bound else None
        if selected and selected.isdigit() and all(str(o.pk) != selected for o in shown):
            shown += list(organizations.filter(pk=int(selected)))
        field.widget.choices = [("", field.empty_label)] + [(o.pk, field.label_from_instance(o)) for o in shown]
        if not may_see_sensitive(user):
            del self.fields["ethnic_minority"]
