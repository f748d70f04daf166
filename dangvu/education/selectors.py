"""Reads of study sessions and training classes, limited to what the acting user may see,
and the figures later indicators call (shares of members and of non-members reached)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Q, QuerySet, Sum

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.education.models import StudiedYear, StudyAttendance, StudySession, TrainingClass, TrainingParticipant
from dangvu.education.services import document_key
from dangvu.lib.filters import where_given
from dangvu.lib.numbers import round_half_up
from dangvu.lib.search import words_in
from dangvu.members import activity
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import Organization


@dataclass(frozen=True)
class Share:
    """A rate as reports quote it: "7.050/7.261 đảng viên, đạt 97,09%"."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal | None:
        if not self.denominator:
            return None
        return round_half_up(Decimal(self.numerator) * 100 / Decimal(self.denominator))


# ---- study sessions -------------------------------------------------------------------------


@dataclass
class StudyFilters:
    q: str = ""
    organization: Organization | None = None
    year: int | None = None
    deleted: bool = False


def visible_study_sessions(*, user: User, deleted: bool = False) -> QuerySet[StudySession]:
    manager = StudySession.all_objects.deleted() if deleted else StudySession.objects.all()
    if deleted and not (user.is_authenticated and keeps_registry(user)):
        return StudySession.objects.none()
    return manager.filter(organization_filter(user, "organization__"))


def study_session_list(*, user: User, filters: StudyFilters) -> QuerySet[StudySession]:
    qs = visible_study_sessions(user=user, deleted=filters.deleted)
    if filters.q:
        key = document_key(filters.q)
        qs = qs.filter(Q(document_key__contains=key) | words_in(filters.q, "document_reference"))
    qs = where_given(qs, within=filters.organization, held_on__year=filters.year)
    return qs.select_related("organization").order_by("-held_on", "-id")


def study_session_get(*, user: User, pk: int, deleted: bool = False) -> StudySession:
    return visible_study_sessions(user=user, deleted=deleted).select_related("organization").get(pk=pk)


def session_attendees(*, session: StudySession) -> QuerySet[Member]:
    return (
        Member.all_objects.filter(study_attendances__session=session)
        .select_related("organization")
        .order_by("sort_key", "pk")
    )


def members_counted_in(*, organization: Organization, on: dt.date) -> QuerySet[Member]:
    """Members counted in the organization's subtree on `on`, in Vietnamese name order (the attendance choices)."""
    spells = MembershipSpell.objects.open_on(on).in_subtree(organization)
    return Member.objects.filter(pk__in=spells.values("member_id")).order_by("sort_key", "pk")


def _sessions_in(organization: Organization | None, start: dt.date, end: dt.date, document: str | None = None):
    qs = StudySession.objects.filter(_in_subtree(organization), held_on__gte=start, held_on__lte=end)
    if document:
        qs = qs.filter(document_key=document_key(document))
    return qs


def study_member_share(
    *, organization: Organization, start: dt.date, end: dt.date, document: str | None = None
) -> Share:
    """Members of the subtree who studied (the document, or any document) in [start, end].

    Denominator: members counted in the subtree on `end` (the report's date). Numerator: those of them
    present at a study session in the period (on `document` when given: sessions match by its number and
    symbol), wherever the session was held. Two queries.
    """
    counted = _counted_on(organization, end)
    if document:
        sessions = StudySession.objects.filter(
            held_on__gte=start, held_on__lte=end, document_key=document_key(document)
        )
        attended = counted.filter(
            member_id__in=StudyAttendance.objects.filter(session__in=sessions).values("member_id")
        ).count()
    else:
        attended = studied_member_count(organization=organization, start=start, end=end)
    return Share(attended, counted.count())


def studied_member_count(*, organization: Organization | None, start: dt.date, end: dt.date) -> int:
    """Members counted in the subtree on `end` (the whole tree when `organization` is None) who were present
    at a study session (held anywhere, not deleted) in [start, end]. One query: over the months kept in
    `StudiedYear` when the period is made of whole months (every report's period), over the attendance rows
    otherwise (see members.activity)."""
    return activity.count_active_members(
        StudiedYear,
        start=start,
        end=end,
        subtree=_in_subtree(organization),
        counted_at_end=_counted_on(organization, end),
        rows_between=lambda first, last: StudyAttendance.objects.filter(
            session__deleted_at__isnull=True, session__held_on__gte=first, session__held_on__lte=last
        ),
    )


def _counted_on(organization: Organization | None, day: dt.date) -> QuerySet[MembershipSpell]:
    """The spells of the members counted in the subtree on `day` (in the whole tree when `organization` is None)."""
    return MembershipSpell.objects.open_on(day).in_subtree(organization)


def _in_subtree(organization: Organization | None) -> Q:
    # As MembershipSpellQuerySet.in_subtree, for the rows of other models.
    if organization is None:
        return Q(organization__id__gt=0)
    return Q(organization__path__startswith=organization.path)


def non_member_reach_share(
    *, organization: Organization | None, start: dt.date, end: dt.date, document: str | None = None
) -> Share:
    """Non-member staff reached by the study sessions of the subtree in [start, end].

    Per organization that held sessions: the most non-members present at one session (a person
    who studies twice is reached once) over the host unit's largest non-member headcount recorded
    in the period. The shares of the organizations are summed. One query.
    """
    return study_sessions_and_reach(organization=organization, start=start, end=end, document=document)[1]


def study_sessions_and_reach(
    *, organization: Organization | None, start: dt.date, end: dt.date, document: str | None = None
) -> tuple[int, Share]:
    """The number of study sessions of the subtree in [start, end] and their reach of non-members
    (`non_member_reach_share`), from one query."""
    rows = (
        _sessions_in(organization, start, end, document)
        .values("organization_id")
        .annotate(sessions=Count("id"), present=Max("non_members_present"), headcount=Max("non_member_headcount"))
    )
    sessions = present = headcount = 0
    for row in rows:
        sessions += row["sessions"]
        present += row["present"]
        headcount += row["headcount"]
    return sessions, Share(present, headcount)


def studied_documents(*, organization: Organization, start: dt.date, end: dt.date) -> list[dict]:
    """Documents studied in the subtree in the period: key, a reference as written, sessions, attendances."""
    return list(
        StudySession.objects.filter(
            organization__path__startswith=organization.path, held_on__gte=start, held_on__lte=end
        )
        .values("document_key")
        .annotate(reference=Max("document_reference"), sessions=Count("id"), attendances=Sum("members_present"))
        .order_by("document_key")
    )


# ---- training classes -----------------------------------------------------------------------


@dataclass
class TrainingFilters:
    q: str = ""
    kind: str = ""
    organization: Organization | None = None
    year: int | None = None
    deleted: bool = False


def visible_training_classes(*, user: User, deleted: bool = False) -> QuerySet[TrainingClass]:
    if deleted and not (user.is_authenticated and keeps_registry(user)):
        return TrainingClass.objects.none()
    manager = TrainingClass.all_objects.deleted() if deleted else TrainingClass.objects.all()
    return manager.filter(organization_filter(user, "organization__"))


def training_class_list(*, user: User, filters: TrainingFilters) -> QuerySet[TrainingClass]:
    qs = visible_training_classes(user=user, deleted=filters.deleted)
    qs = qs.filter(words_in(filters.q, "title", "organizer"))
    qs = where_given(qs, kind=filters.kind, within=filters.organization, starts_on__year=filters.year)
    return qs.select_related("organization").order_by("-starts_on", "-id")


def training_class_get(*, user: User, pk: int, deleted: bool = False) -> TrainingClass:
    return visible_training_classes(user=user, deleted=deleted).select_related("organization").get(pk=pk)


def class_participants(*, training_class: TrainingClass) -> list[TrainingParticipant]:
    return list(
        training_class.participants.select_related("member", "member__organization").order_by("member__sort_key", "id")
    )


def deleted_participants(*, training_class: TrainingClass) -> list[TrainingParticipant]:
    return list(
        TrainingParticipant.all_objects.deleted().filter(training_class=training_class).select_related("member")
    )


def training_totals(*, organization: Organization, start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    """Classes that started in [start, end] in the subtree, per kind: classes, participants, completed. One query."""
    rows = (
        TrainingClass.objects.filter(
            organization__path__startswith=organization.path, starts_on__gte=start, starts_on__lte=end
        )
        .values("kind")
        .annotate(classes=Count("id"), participants=Sum("participant_count"), completed=Sum("completed_count"))
    )
    return {
        r["kind"]: {"classes": r["classes"], "participants": r["participants"], "completed": r["completed"]}
        for r in rows
    }
