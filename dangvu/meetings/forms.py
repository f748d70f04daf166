from django import forms
from django.conf import settings
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.lib.filter_choices import narrow_organization_filter
from dangvu.lib.forms import MonthField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.lib.versioning import add_version_field, submitted_version
from dangvu.meetings import selectors, services
from dangvu.meetings.models import AttendanceStatus, Meeting, MeetingKind, NoticeKind, VoteMethod
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
                # Named after the member: the error summary and screen readers tell one row's reason from another.
                label=_("Reason for the absence of %(name)s") % {"name": member.full_name},
                required=False,
                max_length=255,
                initial=row.note if row else "",
            )
        # The page shows the attendance first: so does the error summary, which follows the fields' order.
        self.order_fields([name for m in members for name in (f"att_{m.pk}", f"note_{m.pk}")])

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
    month = MonthField(label=_("Month"), required=False)
    low_attendance = forms.BooleanField(label=_("Attendance not over 85%"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user)
        narrow_organization_filter(self)


# --- Issue 17: the cell's pages and the member's next meeting (phone forms) ------------------------------

AGENDA_ROWS = 5
TIME_FORMATS = ["%H:%M", "%H.%M", "%Hh%M", "%H:%M:%S"]


def _time_field(label, required=True):
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "14:00", "inputmode": "numeric"}),
        error_messages={"invalid": _("Enter a time as hh:mm, e.g. 14:00.")},
    )


class NoticeForm(forms.Form):
    """A notice with up to five agenda items (each: discussed and/or voted on)."""

    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=NoticeKind.choices, initial=NoticeKind.REGULAR)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=500, help_text=_("For a thematic meeting."))
    held_on = VnDateField(label=_("Date of the meeting"))
    starts_at = _time_field(_("Start time"))
    place = forms.CharField(label=_("Place"), required=False, max_length=255)
    online = forms.BooleanField(label=_("Held online"), required=False)
    link = forms.URLField(label=_("Link of the online meeting"), required=False, max_length=500, assume_scheme="https")

    def __init__(self, *args, organization, notice=None, **kwargs):
        if notice is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(notice, name) for name in services.NOTICE_FIELDS}
            for index, item in enumerate(notice.agenda.all(), start=1):
                kwargs["initial"].update(
                    {f"item_{index}": item.title, f"discussed_{index}": item.discussed, f"voted_{index}": item.voted}
                )
        super().__init__(*args, **kwargs)
        self.organization, self.notice = organization, notice
        for index in range(1, AGENDA_ROWS + 1):
            self.fields[f"item_{index}"] = forms.CharField(
                label=gettext("Agenda item %(n)s") % {"n": index}, required=False, max_length=500
            )
            self.fields[f"discussed_{index}"] = forms.BooleanField(
                label=_("discussed"), required=False, initial=not (notice and index > 1)
            )
            self.fields[f"voted_{index}"] = forms.BooleanField(label=_("voted on"), required=False)

    def main_fields(self):
        return [self[name] for name in services.NOTICE_FIELDS]

    def agenda_rows(self):
        return [(self[f"item_{i}"], self[f"discussed_{i}"], self[f"voted_{i}"]) for i in range(1, AGENDA_ROWS + 1)]

    def agenda(self):
        d = self.cleaned_data
        return [(d[f"item_{i}"], d[f"discussed_{i}"], d[f"voted_{i}"]) for i in range(1, AGENDA_ROWS + 1)]

    def save(self, *, by):
        return services.notice_save(
            organization=self.organization,
            data={name: self.cleaned_data.get(name) for name in services.NOTICE_FIELDS},
            agenda=self.agenda(),
            by=by,
            notice=self.notice,
        )


class MaterialForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("meeting material", "Title"), required=False, max_length=255)
    file = forms.FileField(label=_("File"), required=False)
    document = forms.ModelChoiceField(label=_("Or a registered document"), queryset=None, required=False)

    def __init__(self, *args, notice, **kwargs):
        from dangvu.documents.models import Document

        super().__init__(*args, **kwargs)
        self.notice = notice
        # The documents of the cell and the committees above it, newest first.
        path = notice.organization.path
        steplen = Organization.steplen
        ancestors = [path[:n] for n in range(steplen, len(path) + 1, steplen)]
        recent = Document.objects.filter(organization__path__in=ancestors).order_by("-issued_on", "-pk")
        self.fields["document"].queryset = Document.objects.filter(
            pk__in=list(recent.values_list("pk", flat=True)[:50])
        ).order_by("-issued_on", "-pk")

    def save(self, *, by):
        return services.material_add(
            notice=self.notice,
            title=self.cleaned_data["title"],
            upload=self.cleaned_data.get("file"),
            document=self.cleaned_data.get("document"),
            by=by,
        )


class ExcuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=255, widget=forms.TextInput(attrs={"placeholder": _("e.g. on a work trip")})
    )


class TimesForm(forms.Form):
    started_at = _time_field(_("Start time"))
    ended_at = _time_field(_("End time"), required=False)


class MinutesForm(forms.Form):
    chaired_by = forms.CharField(label=_("Chaired by"), max_length=120)
    minutes_by = forms.CharField(label=_("Minutes taken by"), max_length=120)
    exempted = forms.CharField(
        label=_("Members exempted from party life"),
        required=False,
        max_length=500,
        help_text=_("Names, separated by commas."),
    )
    approved_at = _time_field(_("Minutes read back and approved at"), required=False)


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class SpeechForm(forms.Form):
    speaker = forms.CharField(label=_("Speaker"), max_length=120)
    summary = forms.CharField(label=pgettext_lazy("speech", "Summary"), widget=forms.Textarea(attrs={"rows": 2}))


class VoteForm(forms.Form):
    subject = forms.CharField(label=_("What was voted on"), required=False, max_length=500)
    method = forms.ChoiceField(label=_("Method"), choices=VoteMethod.choices)
    votes_for = forms.IntegerField(label=_("For"), min_value=0)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0, initial=0)
    abstentions = forms.IntegerField(label=_("Abstain"), min_value=0, initial=0)
    result = forms.CharField(label=_("Result"), max_length=255, initial="Thông qua")


class ScanForm(forms.Form):
    scan = forms.FileField(label=_("Signed minutes (PDF or photo)"))
