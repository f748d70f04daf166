"""Writes of cell meetings: record or change a meeting with its attendance, the monthly self-rating,
soft delete and restore. Each refuses the whole change with a Vietnamese message naming the rule."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.versioning import ensure_current
from dangvu.meetings.models import (
    Attendance,
    AttendanceStatus,
    CriterionScore,
    Meeting,
    MeetingKind,
    ScoringSheet,
)
from dangvu.meetings.rules import meeting_rules_on
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization

MEETING_FIELDS = (
    "kind",
    "online",
    "held_on",
    "duration_minutes",
    "venue",
    "locality",
    "topic",
    "content",
    "chaired_by",
    "minutes_by",
)
MAX_DURATION_MINUTES = 600


def members_of_cell_on(organization: Organization, on: dt.date) -> list[Member]:
    """Members counted in the cell on the meeting day (temporarily transferred members stay at home)."""
    ids = MembershipSpell.objects.open_on(on).filter(organization=organization).values("member_id")
    return list(Member.objects.filter(pk__in=ids).order_by("sort_key", "pk"))


def sheet_for(on: dt.date, province: str | None = None) -> ScoringSheet | None:
    """The scoring sheet in force on `on` for the province (`settings.DANGVU_PROVINCE`), else the default sheet."""
    province = getattr(settings, "DANGVU_PROVINCE", "") if province is None else province
    in_force = ScoringSheet.objects.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return (
        in_force.filter(province=province).order_by("-valid_from").first()
        or in_force.filter(province="").order_by("-valid_from").first()
    )


def _validate(organization: Organization, values: dict, *, today: dt.date, meeting: Meeting | None) -> None:
    held_on = values["held_on"]
    if organization.kind not in MEMBER_HOLDING_KINDS:
        raise refuse("organization", _("Meetings are recorded for cells and base cells."))
    if organization.deleted_at is not None or (organization.founded_on and organization.founded_on > held_on):
        raise refuse(
            "held_on",
            _("%(name)s did not exist on %(day)s.") % {"name": organization.name, "day": format_short(held_on)},
        )
    if organization.ended_on is not None and organization.ended_on <= held_on:
        raise refuse(
            "held_on", _("%(name)s had ended by %(day)s.") % {"name": organization.name, "day": format_short(held_on)}
        )
    if held_on > today:
        raise refuse("held_on", _("A meeting is recorded after it is held; the date is in the future."))
    if values["kind"] not in MeetingKind.values:
        raise refuse("kind", _("Choose regular or thematic."))
    duration = values["duration_minutes"] or 0
    if not 0 < duration <= MAX_DURATION_MINUTES:
        raise refuse("duration_minutes", _("Enter the duration in minutes, from 1 to 600."))
    if not (values["content"] or "").strip():
        raise refuse("content", _("HD 12-HD/BTCTW 2018: the minutes are kept in full; enter the content."))
    for field, message in (
        ("chaired_by", _("Enter who chaired the meeting.")),
        ("minutes_by", _("Enter who took the minutes.")),
    ):
        if not (values[field] or "").strip():
            raise refuse(field, message)
    if not (values["locality"] or "").strip():
        raise refuse("locality", _("Enter the place for the date line of the minutes."))
    if values["kind"] == MeetingKind.THEMATIC and not (values["topic"] or "").strip():
        raise refuse("topic", _("A thematic meeting has a topic."))
    if values["kind"] == MeetingKind.REGULAR:
        same_month = Meeting.objects.filter(
            organization=organization,
            kind=MeetingKind.REGULAR,
            held_on__year=held_on.year,
            held_on__month=held_on.month,
        )
        if meeting is not None:
            same_month = same_month.exclude(pk=meeting.pk)
        other = same_month.first()
        if other is not None:
            raise refuse(
                "held_on",
                _("%(source)s: one regular meeting a month; %(name)s already held it on %(day)s.")
                % {
                    "source": meeting_rules_on(held_on).source,
                    "name": organization.name,
                    "day": format_short(other.held_on),
                },
            )


@transaction.atomic
def meeting_record(
    *,
    organization: Organization,
    data: dict,
    attendance: dict[int, tuple[str, str]],
    by: User | None,
    meeting: Meeting | None = None,
    version: int | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """Create (or change) a meeting and its attendance: one row per member of the cell on the day.

    A change locks the meeting first (its attendance counts derive from the rows written here) and refuses
    a form opened on an older `version` that would undo a change made since (lib.versioning)."""
    today = today or timezone.localdate()
    caller = meeting
    if meeting is not None:
        meeting = Meeting.all_objects.select_for_update().get(pk=meeting.pk)
        ensure_current(meeting, version=version, data={k: v for k, v in data.items() if k in MEETING_FIELDS})
    values = {name: data.get(name) for name in MEETING_FIELDS}
    if values["held_on"] is None:
        raise refuse("held_on", _("Enter the date of the meeting."))
    _validate(organization, values, today=today, meeting=meeting)
    members = members_of_cell_on(organization, values["held_on"])
    expected = {m.pk for m in members}
    if set(attendance) != expected:
        raise refuse(
            "attendance",
            _("Attendance is recorded for every member of the cell on %(day)s (%(count)s members); reload the form.")
            % {"day": format_short(values["held_on"]), "count": len(expected)},
        )
    names = {m.pk: m.full_name for m in members}
    for member_id, (status, _note) in attendance.items():
        if status not in AttendanceStatus.values:
            raise refuse(
                "attendance", _("Choose present, excused or unexcused for %(name)s.") % {"name": names[member_id]}
            )
    if meeting is None:
        meeting = Meeting(organization=organization)
    for name in MEETING_FIELDS:
        setattr(meeting, name, values[name] if values[name] is not None else "")
    meeting.online = bool(values["online"])
    meeting.topic = meeting.topic if meeting.kind == MeetingKind.THEMATIC else ""
    meeting.attendance_expected = len(attendance)
    meeting.attendance_present = sum(1 for status, _note in attendance.values() if status == AttendanceStatus.PRESENT)
    meeting._history_user = by
    meeting.save()
    existing = {a.member_id: a for a in meeting.attendance.all()}
    for member_id, row in existing.items():
        if member_id not in attendance:
            row.delete()
    for member_id, (status, note) in attendance.items():
        row = existing.get(member_id) or Attendance(meeting=meeting, member_id=member_id)
        if row.pk and row.status == status and row.note == (note or ""):
            continue
        row.status, row.note = status, note or ""
        row._history_user = by
        row.save()
    if caller is not None:
        caller.refresh_from_db()
    return meeting


@transaction.atomic
def meeting_self_rate(*, meeting: Meeting, points: dict[int, Decimal], by: User | None) -> Meeting:
    """The monthly quality self-rating of a regular meeting against the sheet in force on its date."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.kind != MeetingKind.REGULAR:
        raise refuse("sheet", _("The monthly quality self-rating is for regular meetings."))
    sheet = meeting.sheet or sheet_for(meeting.held_on)
    if sheet is None:
        raise refuse("sheet", _("No scoring sheet is in force on the meeting date."))
    criteria = list(sheet.criteria.all())
    total = Decimal(0)
    for criterion in criteria:
        value = points.get(criterion.pk)
        if value is None:
            raise refuse(f"c{criterion.pk}", _("Enter the points for every criterion."))
        if not Decimal(0) <= value <= criterion.max_points:
            raise refuse(
                f"c{criterion.pk}",
                _("Points are from 0 to %(max)s for this criterion.") % {"max": criterion.max_points.normalize()},
            )
        total += value
    existing = {s.criterion_id: s for s in meeting.scores.all()}
    for criterion in criteria:
        score = existing.get(criterion.pk) or CriterionScore(meeting=meeting, criterion=criterion)
        score.points = points[criterion.pk]
        score._history_user = by
        score.save()
    meeting.sheet = sheet
    meeting.self_rating_points = total
    meeting.self_rating_quality = sheet.quality_for(total)
    meeting._history_user = by
    meeting.save()
    return meeting


def meeting_delete(*, meeting: Meeting, by: User | None) -> None:
    soft_delete(meeting, by=by)


def meeting_restore(*, meeting: Meeting, by: User | None) -> None:
    restore(meeting, by=by, check=_one_regular_a_month)


def _one_regular_a_month(meeting: Meeting) -> None:
    if meeting.kind == MeetingKind.REGULAR:
        clash = Meeting.objects.filter(
            organization_id=meeting.organization_id,
            kind=MeetingKind.REGULAR,
            held_on__year=meeting.held_on.year,
            held_on__month=meeting.held_on.month,
        ).first()
        if clash is not None:
            raise refuse(
                "held_on",
                _("%(source)s: one regular meeting a month; the meeting of %(day)s is recorded for that month.")
                % {"source": meeting_rules_on(meeting.held_on).source, "day": format_short(clash.held_on)},
            )
