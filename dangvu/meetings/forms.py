from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.lib.versioning import add_version_field, submitted_version
from dangvu.meetings import selectors, services
from dangvu.meetings.models import AttendanceStatus, Meeting, MeetingKind
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import member_holding_choices, organization_list


class CellChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MeetingStartForm(forms.Form):
    """Step one: which cell and which day, so the attendance lists the members of the cell that day."""

    organization = CellChoiceField(label=_("Cell"), queryset=Organization.objects.none())
    held_on = VnDateField(label=_("Date of the meeting"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = member_holding_choices(user=user)


class MeetingForm(forms.ModelForm):
    """A meeting with one attendance row per member of the cell on the meeting day (the instance's cell and
    day when editing)."""

    class Meta:
        model = Meeting
        fields = tuple(name for name in services.MEETING_FIELDS if name != "held_on")
        widgets = {"content": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, organization=None, held_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            organization, held_on = self.instance.organization, self.instance.held_on
        self.organization, self.held_on = organization, held_on
        # No cell or day yet (a form built on its own): no attendance rows to offer.
        known = organization is not None and held_on is not None
        self.members = members = services.members_of_cell_on(organization, held_on) if known else []
        self.fields["locality"].initial = getattr(settings, "DANGVU_DOCUMENT_PLACE", "Kiên Giang")
        self.fields["duration_minutes"].initial = 90
        self.fields["kind"].initial = MeetingKind.REGULAR
        self.fields["topic"].help_text = _("For a thematic meeting.")
        if self.instance.pk:
            add_version_field(self, self.instance)
        current = {}
        if self.instance.pk:
            current = {a.member_id: a for a in self.instance.attendance.all()}
        for member in members:
            row = current.get(member.pk)
            self.fields[f"att_{member.pk}"] = forms.ChoiceField(
                label=member.full_name,
                choices=AttendanceStatus.choices,
                initial=row.status if row else AttendanceStatus.PRESENT,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{member.pk}"] = forms.CharField(
                label=_("Reason"), required=False, max_length=255, initial=row.note if row else ""
            )

    def validate_unique(self):
        return None

    def main_fields(self):
        return [self[name] for name in self.Meta.fields]

    def attendance_rows(self):
        return [(m, self[f"att_{m.pk}"], self[f"note_{m.pk}"]) for m in self.members]

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}

    def attendance(self) -> dict[int, tuple[str, str]]:
        return {m.pk: (self.cleaned_data[f"att_{m.pk}"], self.cleaned_data[f"note_{m.pk}"]) for m in self.members}

    def save(self, *, by) -> Meeting:
        meeting = self.instance if self.instance.pk else None
        if meeting is not None:
            meeting.refresh_from_db()  # validation wrote the submitted values on the instance
        return services.meeting_record(
            organization=self.organization,
            data={**self.service_data(), "held_on": self.held_on},
            attendance=self.attendance(),
            by=by,
            meeting=meeting,
            version=submitted_version(self) if meeting is not None else None,
        )


class SelfRatingForm(forms.Form):
    """The points of each criterion of the meeting's scoring sheet; `refusal` says why none can be given."""

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.sheet = selectors.self_rating_sheet(meeting)
        self.refusal = selectors.self_rating_refusal(meeting, self.sheet)
        criteria = list(self.sheet.criteria.all()) if self.refusal is None else []
        current = {s.criterion_id: s.points for s in meeting.scores.all()}
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=gettext("%(order)s. %(text)s (at most %(max)s points)")
                % {"order": criterion.order, "text": criterion.text, "max": criterion.max_points.normalize()},
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=1,
                initial=current.get(criterion.pk),
            )
        self.criteria = criteria

    def clean(self):
        if self.refusal:
            raise forms.ValidationError(self.refusal)
        return super().clean()

    def points(self) -> dict:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}

    def save(self, *, by) -> Meeting:
        return services.meeting_self_rate(meeting=self.meeting, points=self.points(), by=by)


class MeetingFilterForm(FilterForm):
    filters_class = selectors.MeetingFilters

    organization = CellChoiceField(label=_("Organization"), queryset=Organization.objects.none(), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=[("", _("All kinds")), *MeetingKind.choices, ("online", _("Online"))],
        required=False,
    )
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%m/%Y", "%Y-%m"],
        widget=forms.TextInput(attrs={"placeholder": _("mm/yyyy"), "inputmode": "numeric"}),
        error_messages={"invalid": _("Enter a month as mm/yyyy, e.g. 07/2026.")},
    )
    low_attendance = forms.BooleanField(label=_("Attendance not over 85%"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user)
