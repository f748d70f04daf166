"""Reads of cell meetings, limited to what the acting user may see, and the warnings of RULES.md §5."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.lib.dates import add_months, format_short
from dangvu.lib.numbers import format_percent
from dangvu.meetings.models import (
    Attendance,
    AttendanceStatus,
    Excuse,
    Meeting,
    MeetingKind,
    MeetingNotice,
    MinutesItem,
    NoticeMaterial,
    NoticeState,
    ScoringSheet,
)
from dangvu.meetings.rules import attendance_pct, longest_excused_run, meeting_rules_on, min_duration
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
    warning = duration_warning(meeting)
    if warning:
        warnings.append(warning)
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


def duration_warning(meeting: Meeting) -> str:
    """The meeting was shorter than the rules in force on its day allow (90 minutes; 120 held together)."""
    minimum, source = min_duration(meeting.held_on, combined=meeting.combined)
    if meeting.duration_minutes < minimum:
        return _("%(source)s: the meeting lasted %(minutes)s minutes, under %(min)s.") % {
            "source": source,
            "minutes": meeting.duration_minutes,
            "min": minimum,
        }
    return ""


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


# --- Issue 17: notices, excuses and the cell's own pages ------------------------------------------------


def cell_for_keeper(*, user: User, pk: int) -> Organization:
    """A cell whose portal records the user keeps (its secretary, or the office of a subtree holding it)."""
    from dangvu.accounts.policy import keeps_cell

    cell = Organization.objects.get(pk=pk, kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True)
    if not keeps_cell(user, cell):
        raise Organization.DoesNotExist
    return cell


def notice_for_keeper(*, user: User, pk: int) -> MeetingNotice:
    from dangvu.accounts.policy import keeps_cell

    notice = MeetingNotice.objects.select_related("organization", "sent_by").get(pk=pk)
    if not keeps_cell(user, notice.organization):
        raise MeetingNotice.DoesNotExist
    return notice


def meeting_for_keeper(*, user: User, pk: int) -> Meeting:
    from dangvu.accounts.policy import keeps_cell

    meeting = Meeting.objects.select_related("organization", "notice", "sheet").get(pk=pk)
    if not keeps_cell(user, meeting.organization):
        raise Meeting.DoesNotExist
    return meeting


def minutes_item_for_keeper(*, user: User, pk: int) -> MinutesItem:
    from dangvu.accounts.policy import keeps_cell

    item = MinutesItem.objects.select_related("meeting__organization").get(pk=pk)
    if not keeps_cell(user, item.meeting.organization):
        raise MinutesItem.DoesNotExist
    return item


def cell_notices(*, cell: Organization, limit: int = 30) -> list[MeetingNotice]:
    return list(
        MeetingNotice.objects.filter(organization=cell)
        .annotate(excuse_count=Count("excuses"))
        .order_by("-held_on", "-starts_at", "-pk")[:limit]
    )


def cell_meetings(*, cell: Organization, limit: int = 30) -> list[Meeting]:
    return list(Meeting.objects.filter(organization=cell).order_by("-held_on", "-pk")[:limit])


def member_cell(user: User) -> Organization | None:
    """The cell a portal account's member belongs to now."""
    from dangvu.accounts.policy import portal_member

    member = portal_member(user)
    return member.organization if member is not None else None


def member_notices(*, user: User) -> QuerySet[MeetingNotice]:
    """The notices a member sees: those sent to their cell (drafts are the secretary's own)."""
    from dangvu.accounts.policy import portal_member

    member = portal_member(user)
    if member is None or member.organization_id is None:
        return MeetingNotice.objects.none()
    return MeetingNotice.objects.filter(organization_id=member.organization_id).exclude(state=NoticeState.DRAFT)


def next_notice(*, user: User, today: dt.date) -> MeetingNotice | None:
    """The member's next meeting: the earliest sent notice of their cell from today on."""
    return (
        member_notices(user=user)
        .filter(state=NoticeState.SENT, held_on__gte=today)
        .select_related("organization")
        .order_by("held_on", "starts_at", "pk")
        .first()
    )


def member_notice_get(*, user: User, pk: int) -> MeetingNotice:
    return member_notices(user=user).select_related("organization").get(pk=pk)


def notice_materials(notice: MeetingNotice) -> list[NoticeMaterial]:
    return list(notice.materials.select_related("document").order_by("pk"))


def material_get(*, user: User, pk: int) -> NoticeMaterial:
    """A material for a member of the notice's cell (not a draft) or a keeper of the cell."""
    from dangvu.accounts.policy import keeps_cell

    material = NoticeMaterial.objects.select_related("notice__organization", "document").get(pk=pk)
    if keeps_cell(user, material.notice.organization):
        return material
    if member_notices(user=user).filter(pk=material.notice_id).exists():
        return material
    raise NoticeMaterial.DoesNotExist


LATE_NOTICE_DAYS = 30


def late_notices(*, user: User, organization: Organization | None, today: dt.date) -> QuerySet[MeetingNotice]:
    """HD 42-HD/BTCTW 2025: notices sent later than a day before their meeting, for meetings of the last
    30 days and to come, in the user's subtree (and under `organization`)."""
    qs = MeetingNotice.objects.filter(
        organization_filter(user, "organization__"),
        late=True,
        state__in=(NoticeState.SENT, NoticeState.HELD),
        held_on__gte=today - dt.timedelta(days=LATE_NOTICE_DAYS),
    )
    if organization is not None:
        qs = qs.filter(organization__path__startswith=organization.path)
    return qs.select_related("organization").order_by("-held_on", "organization__path", "pk")


@dataclass(frozen=True)
class SheetRow:
    attendance: Attendance
    excuse: str  # the member's own reason given before the meeting, or ""


def attendance_sheet(meeting: Meeting) -> list[SheetRow]:
    """The attendance rows with the excuses the members gave before the meeting (two queries)."""
    rows = meeting_attendance(meeting=meeting)
    excuses = dict(Excuse.objects.filter(notice_id=meeting.notice_id).values_list("member_id", "reason"))
    return [SheetRow(row, excuses.get(row.member_id, "")) for row in rows]


@dataclass(frozen=True)
class MemberTotals:
    total: int
    full: int
    probationary: int
    exempted: list[str]
    transferred_temporarily: int


def member_totals(meeting: Meeting, attendance: list[Attendance]) -> MemberTotals:
    """The members of the cell on the meeting day as the minutes state them (HD 12 2018)."""
    from dangvu.members.models import EventKind, MemberEvent, MembershipSpell, TransferMode

    probationary = (
        MembershipSpell.objects.open_on(meeting.held_on)
        .filter(organization_id=meeting.organization_id, probationary=True)
        .count()
    )
    temporarily = (
        MemberEvent.objects.filter(
            member_id__in=[a.member_id for a in attendance],
            kind=EventKind.TRANSFERRED_OUT,
            transfer_mode=TransferMode.TEMPORARY,
            on__lte=meeting.held_on,
        )
        .filter(Q(temporary_until__isnull=True) | Q(temporary_until__gte=meeting.held_on))
        .values("member_id")
        .distinct()
        .count()
    )
    exempted = [name.strip() for name in meeting.exempted.split(",") if name.strip()]
    total = len(attendance)
    return MemberTotals(total, total - probationary, probationary, exempted, temporarily)


def minutes_items(meeting: Meeting) -> list[MinutesItem]:
    return list(meeting.minutes_items.prefetch_related("speeches", "votes").order_by("order", "pk"))
