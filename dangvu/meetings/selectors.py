"""Reads of cell meetings, limited to what the acting user may see, and the warnings of RULES.md §5."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.lib.dates import add_months, format_short
from dangvu.lib.numbers import format_percent
from dangvu.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingKind, ScoringSheet
from dangvu.meetings.rules import attendance_pct, longest_excused_run, meeting_rules_on
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


def visible_meetings(*, user: User) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organization_filter(user, "organization__"))


@dataclass
class MeetingFilters:
    organization: Organization | None = None
    kind: str = ""
    month: dt.date | None = None  # first day of a month
    low_attendance: bool = False


def meeting_list(*, user: User, filters: MeetingFilters) -> QuerySet[Meeting]:
    qs = visible_meetings(user=user)
    if filters.organization is not None:
        qs = qs.filter(organization__path__startswith=filters.organization.path)
    if filters.kind == "online":
        qs = qs.filter(online=True)
    elif filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.month is not None:
        qs = qs.filter(held_on__gte=filters.month, held_on__lt=add_months(filters.month, 1))
    if filters.low_attendance:
        # Under 85% present (HD 12-HD/BTCTW 2018): present * 100 < 85 * expected.
        qs = qs.alias(p100=F("attendance_present") * 100, t85=F("attendance_expected") * 85).filter(p100__lt=F("t85"))
    return qs.select_related("organization").order_by("-held_on", "organization__path", "pk")


def meeting_get(*, user: User, pk: int, deleted: bool = False) -> Meeting:
    if deleted:
        return deleted_meetings(user=user).get(pk=pk)
    return visible_meetings(user=user).select_related("organization", "sheet").get(pk=pk)


def deleted_meetings(*, user: User) -> QuerySet[Meeting]:
    if not user.is_authenticated or not keeps_registry(user):
        return Meeting.objects.none()
    return (
        Meeting.all_objects.deleted()
        .filter(organization_filter(user, "organization__"))
        .select_related("organization", "deleted_by")
        .order_by("-deleted_at")
    )


def meeting_attendance(*, meeting: Meeting) -> list[Attendance]:
    return list(meeting.attendance.select_related("member").order_by("member__sort_key", "member_id"))


def attendance_present(attendance: list[Attendance]) -> tuple[int, Decimal | None]:
    """How many of the meeting's attendance rows are present, and the share of them in percent."""
    present = sum(1 for a in attendance if a.status == AttendanceStatus.PRESENT)
    return present, attendance_pct(present, len(attendance))


def superior_of(organization: Organization) -> Organization | None:
    """The organization directly above, named in the heading of the minutes."""
    return Organization.objects.filter(path=organization.path[: -Organization.steplen]).first()


def self_rating_sheet(meeting: Meeting) -> ScoringSheet | None:
    """The sheet a meeting is rated on: the one it was rated on, else the one in force on its date."""
    from dangvu.meetings.services import sheet_for

    return meeting.sheet or sheet_for(meeting.held_on)


def self_rating_refusal(meeting: Meeting, sheet: ScoringSheet | None) -> str | None:
    """Why the meeting cannot be self-rated, or None."""
    if meeting.kind != MeetingKind.REGULAR:
        return _("The monthly quality self-rating is for regular meetings.")
    if sheet is None:
        return _("No scoring sheet is in force on the meeting date.")
    return None


@dataclass(frozen=True)
class MissingMeetings:
    """The list's warnings (HD 12-HD/BTCTW 2018): cells without a regular meeting in the month, without a
    thematic meeting in its quarter. `cells` holds the first WARNINGS_SHOWN of the month's."""

    month: dt.date
    quarter: int
    cells: QuerySet[Organization]
    count: int
    thematic_count: int


WARNINGS_SHOWN = 30


def missing_meetings(*, user: User, filters: MeetingFilters, today: dt.date) -> MissingMeetings:
    """The warnings for the filtered month (by default the month before `today`) and organization."""
    month = filters.month or add_months(today.replace(day=1), -1)
    quarter_start = dt.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)
    regular = cells_without_regular_meeting(user=user, month=month)
    thematic = cells_without_thematic_meeting(user=user, quarter_start=quarter_start)
    if filters.organization is not None:
        regular = regular.filter(path__startswith=filters.organization.path)
        thematic = thematic.filter(path__startswith=filters.organization.path)
    return MissingMeetings(
        month=month,
        quarter=(quarter_start.month - 1) // 3 + 1,
        cells=regular[:WARNINGS_SHOWN],
        count=regular.count(),
        thematic_count=thematic.count(),
    )


def cells_in_scope_during(*, user: User, start: dt.date, end: dt.date) -> QuerySet[Organization]:
    """Cells and base cells the user may see that existed for some day of [start, end)."""
    return Organization.objects.filter(
        organization_filter(user), kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True, founded_on__lt=end
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=start))


def cells_without_regular_meeting(*, user: User, month: dt.date) -> QuerySet[Organization]:
    """HD 12-HD/BTCTW 2018: a regular meeting every month. Cells with none recorded in `month`."""
    end = add_months(month, 1)
    held = Meeting.objects.filter(kind=MeetingKind.REGULAR, held_on__gte=month, held_on__lt=end).values(
        "organization_id"
    )
    return cells_in_scope_during(user=user, start=month, end=end).exclude(pk__in=held).order_by("path")


def cells_without_thematic_meeting(*, user: User, quarter_start: dt.date) -> QuerySet[Organization]:
    """HD 12-HD/BTCTW 2018: a thematic meeting at least every quarter. Cells with none in the quarter."""
    end = add_months(quarter_start, 3)
    held = Meeting.objects.filter(kind=MeetingKind.THEMATIC, held_on__gte=quarter_start, held_on__lt=end).values(
        "organization_id"
    )
    return cells_in_scope_during(user=user, start=quarter_start, end=end).exclude(pk__in=held).order_by("path")


def meeting_warnings(*, meeting: Meeting, attendance: list[Attendance]) -> list[str]:
    """What keeps the meeting from the quality HD 12-HD/BTCTW 2018 asks: attendance over 85%, no unexcused
    absence, nobody excused more than 3 times in a row in the year, at least 90 minutes."""
    rules = meeting_rules_on(meeting.held_on)
    warnings = []
    total = len(attendance)
    present = sum(1 for a in attendance if a.status == AttendanceStatus.PRESENT)
    pct = attendance_pct(present, total)
    if pct is not None and pct <= rules.min_attendance_pct:
        warnings.append(
            _("%(source)s: attendance %(pct)s is not over %(min)s%%.")
            % {"source": rules.source, "pct": format_percent(pct), "min": rules.min_attendance_pct}
        )
    unexcused = [a.member.full_name for a in attendance if a.status == AttendanceStatus.UNEXCUSED]
    if unexcused:
        warnings.append(
            _("%(source)s: absent without excuse: %(names)s.") % {"source": rules.source, "names": ", ".join(unexcused)}
        )
    if meeting.duration_minutes < rules.min_duration_minutes:
        warnings.append(
            _("%(source)s: the meeting lasted %(minutes)s minutes, under %(min)s.")
            % {"source": rules.source, "minutes": meeting.duration_minutes, "min": rules.min_duration_minutes}
        )
    excused_ids = [a.member_id for a in attendance if a.status == AttendanceStatus.EXCUSED]
    if excused_ids:
        runs = excused_runs(member_ids=excused_ids, organization=meeting.organization, up_to=meeting.held_on)
        names = {a.member_id: a.member.full_name for a in attendance}
        over = [names[m] for m, run in runs.items() if run > rules.max_excused_in_a_row]
        if over:
            warnings.append(
                _("%(source)s: absent with excuse more than %(max)s times in a row this year: %(names)s.")
                % {"source": rules.source, "max": rules.max_excused_in_a_row, "names": ", ".join(sorted(over))}
            )
    return warnings


def excused_runs(*, member_ids: list[int], organization: Organization, up_to: dt.date) -> dict[int, int]:
    """For each member, the longest run of "absent with excuse" in the cell's meetings of the year up to a day."""
    rows = (
        Attendance.objects.filter(
            member_id__in=member_ids,
            meeting__organization=organization,
            meeting__deleted_at__isnull=True,
            meeting__held_on__gte=dt.date(up_to.year, 1, 1),
            meeting__held_on__lte=up_to,
        )
        .order_by("member_id", "meeting__held_on", "meeting_id")
        .values_list("member_id", "status")
    )
    by_member: dict[int, list[str]] = {}
    for member_id, status in rows:
        by_member.setdefault(member_id, []).append(status)
    return {member_id: longest_excused_run(statuses) for member_id, statuses in by_member.items()}


def month_label(month: dt.date) -> str:
    return format_short(month)[3:]
