"""Reads of the member portal. A member account reads its own records only (the member behind the account); a
handler of correction requests reads those of the members of the cell or subtree it keeps."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from dangvu.accounts import policy
from dangvu.accounts.models import User
from dangvu.lib.vntext import fold
from dangvu.members.forms import SENSITIVE_FIELDS
from dangvu.members.models import EventKind, Member, MemberEvent
from dangvu.organizations.models import Organization
from dangvu.portal.models import CorrectionRequest, CorrectionState

PARTY_LIFE_MONTHS = 12
LIST_LIMIT = 30  # rows of a list on a phone page (studies, classes): the most recent


def my_member(*, user: User) -> Member:
    """The member behind a portal account, with their cell (Member.DoesNotExist for any other account)."""
    member = policy.portal_member(user)
    if member is None:
        raise Member.DoesNotExist
    return Member.objects.select_related("organization", "last_organization").get(pk=member.pk)


# My record ---------------------------------------------------------------------------------------------


def record_events(*, member: Member) -> list[MemberEvent]:
    """The member's live events, newest first."""
    return list(member.events.select_related("organization", "counterpart").order_by("-on", "-id"))


def made_full_on(events: list[MemberEvent]) -> dt.date | None:
    """The date of the latest full-membership decision among the events (newest first)."""
    return next((e.on for e in events if e.kind == EventKind.MADE_FULL), None)


def current_posts(*, member: Member) -> list:
    """The committee posts the member holds now (cadres: appointments not ended)."""
    from dangvu.cadres.models import CommitteeAppointment

    return list(
        CommitteeAppointment.objects.filter(member=member, ended_on__isnull=True)
        .select_related("organization")
        .order_by("-decided_on")
    )


def my_corrections(*, member: Member) -> list[CorrectionRequest]:
    return list(member.correction_requests.select_related("handled_by", "member").order_by("-created_at", "-id"))


def my_correction_get(*, user: User, pk: int) -> CorrectionRequest:
    member = policy.portal_member(user)
    if member is None:
        raise CorrectionRequest.DoesNotExist
    return CorrectionRequest.objects.select_related("member").get(pk=pk, member_id=member.pk)


# Correction requests to handle ---------------------------------------------------------------------------


def corrections_to_handle(*, user: User) -> QuerySet[CorrectionRequest]:
    """The requests a user may handle: a cell secretary those of the other members of the cell (sensitive fields
    go to the office), registry keepers those of the members last counted in their subtree."""
    rows = CorrectionRequest.objects.select_related("member", "member__organization", "member__last_organization")
    cell = policy.secretary_cell(user)
    if cell is not None:
        return (
            rows.filter(member__organization=cell).exclude(member_id=user.member_id).exclude(field__in=SENSITIVE_FIELDS)
        )
    if policy.keeps_registry(user):
        return rows.filter(policy.organization_filter(user, "member__last_organization__"))
    return rows.none()


def correction_to_handle(*, user: User, pk: int) -> CorrectionRequest:
    return corrections_to_handle(user=user).select_related("handled_by").get(pk=pk)


def pending_count(*, user: User) -> int:
    return corrections_to_handle(user=user).filter(state=CorrectionState.PENDING).count()


@dataclass
class CorrectionFilters:
    q: str = ""
    organization: Organization | None = None
    state: str = CorrectionState.PENDING


def correction_list(*, user: User, filters: CorrectionFilters) -> QuerySet[CorrectionRequest]:
    rows = corrections_to_handle(user=user).select_related("handled_by")
    for token in fold(filters.q).split():
        rows = rows.filter(member__search_text__contains=token)
    if filters.organization is not None:
        rows = rows.filter(member__last_organization__path__startswith=filters.organization.path)
    if filters.state in CorrectionState.values:
        rows = rows.filter(state=filters.state)
    return rows.order_by("-created_at", "-id")


# My party life ---------------------------------------------------------------------------------------------


@dataclass
class PartyLife:
    ratings: list
    attendance: list
    attendance_counts: Counter
    studies: list
    classes: list
    inspections: list
    disciplines: list
    since: dt.date


def _year_before(today: dt.date) -> dt.date:
    """The first day of the 12 months ending today."""
    return today - dt.timedelta(days=364)


def party_life(*, member: Member, today: dt.date | None = None) -> PartyLife:
    """What the member's party life shows, each list of this member only (a fixed number of queries)."""
    from dangvu.education.models import StudyAttendance, TrainingParticipant
    from dangvu.inspections.models import Discipline, Inspection
    from dangvu.meetings.models import Attendance
    from dangvu.ratings.models import MemberRating

    today = today or timezone.localdate()
    since = _year_before(today)
    ratings = list(MemberRating.objects.filter(member=member).select_related("season").order_by("-season__year"))
    attendance = list(
        Attendance.objects.filter(
            member=member, meeting__deleted_at__isnull=True, meeting__held_on__gte=since, meeting__held_on__lte=today
        )
        .select_related("meeting")
        .order_by("-meeting__held_on", "-meeting_id")
    )
    studies = list(
        StudyAttendance.objects.filter(member=member, session__deleted_at__isnull=True)
        .select_related("session")
        .order_by("-session__held_on", "-session_id")[:LIST_LIMIT]
    )
    classes = list(
        TrainingParticipant.objects.filter(member=member, training_class__deleted_at__isnull=True)
        .select_related("training_class")
        .order_by("-training_class__starts_on", "-id")[:LIST_LIMIT]
    )
    inspections = list(
        Inspection.objects.filter(policy.own_inspections_filter(member, today)).order_by("-ended_on", "-id").distinct()
    )
    disciplines = list(Discipline.objects.filter(policy.own_disciplines_filter(member, today)).order_by("-decided_on"))
    return PartyLife(
        ratings=ratings,
        attendance=attendance,
        attendance_counts=Counter(a.status for a in attendance),
        studies=studies,
        classes=classes,
        inspections=inspections,
        disciplines=disciplines,
        since=since,
    )


def badge_soon(member: Member, today: dt.date | None = None) -> bool:
    """Is the member's next badge due within the window the registry warns about (members.selectors)?"""
    from dangvu.members.selectors import BADGE_DUE_WINDOW_DAYS

    today = today or timezone.localdate()
    return bool(member.next_badge_on and member.next_badge_on <= today + dt.timedelta(days=BADGE_DUE_WINDOW_DAYS))


def latest_rating(*, member: Member):
    from dangvu.ratings.models import MemberRating

    return MemberRating.objects.filter(member=member).select_related("season").order_by("-season__year").first()


def attendance_summary(*, member: Member, today: dt.date | None = None) -> tuple[int, int]:
    """(meetings attended, meetings recorded) of the member in the last 12 months: one query."""
    from django.db.models import Count

    from dangvu.meetings.models import Attendance, AttendanceStatus

    today = today or timezone.localdate()
    since = _year_before(today)
    counts = Attendance.objects.filter(
        member=member, meeting__deleted_at__isnull=True, meeting__held_on__gte=since, meeting__held_on__lte=today
    ).aggregate(total=Count("id"), present=Count("id", filter=Q(status=AttendanceStatus.PRESENT)))
    return counts["present"], counts["total"]
