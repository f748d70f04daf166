"""Reads of the member registry, limited to what the acting user may see."""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.accounts.policy import is_member_account, keeps_registry, organization_filter
from dangvu.lib.vntext import fold
from dangvu.members.models import (
    ACTIVE_STATUSES,
    LEFT_STATUSES,
    Member,
    MemberEvent,
    MembershipSpell,
    Status,
)
from dangvu.members.services import derive_timeline
from dangvu.members.timeline import Timeline
from dangvu.organizations.models import Organization, OrganizationEvent

BADGE_DUE_WINDOW_DAYS = 180
FULL_DUE_WINDOW_DAYS = 30
CARD_NUMBER_LENGTH = 8  # members.models.card_number_validator
NATIONAL_ID_LENGTH = 12  # members.models.national_id_validator


def visible_members(*, user: User) -> QuerySet[Member]:
    """Members the user may see: those last recorded in the user's subtree; a member account sees itself."""
    if not user.is_authenticated:
        return Member.objects.none()
    if is_member_account(user):
        return Member.objects.filter(pk=user.member_id) if user.member_id else Member.objects.none()
    return Member.objects.filter(organization_filter(user, "last_organization__"))


def members_in_scope(*, user: User) -> QuerySet[Member]:
    """The members a form may take by id: live records last counted in the user's subtree (tree roles only).

    Forms use it as the queryset of their member fields, so an id out of scope or of a deleted record gets
    the field's generic "invalid choice" error and is never looked up, let alone named, in a message.
    """
    if not (user.is_authenticated and user.is_scoped):
        return Member.objects.none()
    return Member.objects.filter(organization_filter(user, "last_organization__"))


@dataclass
class MemberFilters:
    q: str = ""
    organization: Organization | None = None
    status: str = "active"
    sex: str = ""
    ethnic_minority: bool | None = None
    probationary: bool = False
    due_full: bool = False
    due_badge: bool = False
    # The dashboard's two warnings on probation open exactly their rows (`members.alerts`).
    probation_ending: bool = False
    full_overdue: bool = False


def member_list(*, user: User, filters: MemberFilters, today: dt.date | None = None) -> QuerySet[Member]:
    today = today or timezone.localdate()
    qs = visible_members(user=user)
    for token in fold(filters.q).split():
        qs = qs.filter(_matching(token))
    if filters.organization is not None:
        qs = qs.filter(last_organization__path__startswith=filters.organization.path)
    if filters.status == "active":
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    elif filters.status == "left":
        qs = qs.filter(status__in=LEFT_STATUSES)
    elif filters.status in Status.values:
        qs = qs.filter(status=filters.status)
    if filters.sex:
        qs = qs.filter(sex=filters.sex)
    if filters.ethnic_minority is not None:
        qs = qs.filter(is_ethnic_minority=filters.ethnic_minority)
    if filters.probationary:
        qs = qs.filter(status=Status.PROBATIONARY)
    if filters.due_full:
        qs = qs.filter(
            status=Status.PROBATIONARY, probation_ends_on__lte=today + dt.timedelta(days=FULL_DUE_WINDOW_DAYS)
        )
    if filters.due_badge:
        qs = qs.filter(status__in=ACTIVE_STATUSES, next_badge_on__lte=today + dt.timedelta(days=BADGE_DUE_WINDOW_DAYS))
    if filters.probation_ending:
        qs = qs.filter(probation_ending_q(today))
    if filters.full_overdue:
        qs = qs.filter(full_overdue_q(today))
    return qs.select_related("organization", "last_organization").order_by("sort_key", "pk")


def probation_ending_q(today: dt.date) -> Q:
    """Probationary members whose probation ends from today to the end of the warning window."""
    return Q(
        status=Status.PROBATIONARY,
        probation_ends_on__gte=today,
        probation_ends_on__lte=today + dt.timedelta(days=FULL_DUE_WINDOW_DAYS),
    )


def full_overdue_q(today: dt.date) -> Q:
    """Probationary members past the 30-working-day deadline for the full-membership decision."""
    return Q(status=Status.PROBATIONARY, full_decision_due_on__lt=today)


def _matching(token: str) -> Q:
    """A search word: a whole party card number (8 digits) or national ID (12 digits) is looked up through its
    index; anything else matches anywhere in the folded name, birth name, aliases or the numbers."""
    if token.isdigit() and len(token) == CARD_NUMBER_LENGTH:
        return Q(card_number=token)
    if token.isdigit() and len(token) == NATIONAL_ID_LENGTH:
        return Q(national_id=token)
    return Q(search_text__contains=token)


def member_list_count_key(*, user: User, filters: MemberFilters, today: dt.date | None = None) -> str:
    """The cache key of the number of members `member_list` gives: it names the scope, every filter, the day
    (the "due" filters move with it) and the version of the data, which changes whenever a member, an
    organization or the tree changes (every change through the services leaves a history row or an
    organization event). Three queries, each reading the end of a primary-key index."""
    version = (
        Member.history.aggregate(v=Max("history_id"))["v"],
        Organization.history.aggregate(v=Max("history_id"))["v"],
        OrganizationEvent.objects.aggregate(v=Max("id"))["v"],
    )
    parts = (
        user.pk,
        user.role,
        user.organization.path if user.organization_id else None,
        fold(filters.q),
        filters.organization.pk if filters.organization is not None else None,
        filters.status,
        filters.sex,
        filters.ethnic_minority,
        filters.probationary,
        filters.due_full,
        filters.due_badge,
        filters.probation_ending,
        filters.full_overdue,
        (today or timezone.localdate()).isoformat(),
        version,
    )
    return "member-list-count:" + hashlib.sha256(repr(parts).encode()).hexdigest()


# What a row of the member list shows (members/_results.html).
LIST_COLUMNS = (
    "full_name",
    "date_of_birth",
    "status",
    "card_number",
    "sort_key",
    "organization__name",
    "last_organization__name",
)


def member_list_page(ids) -> QuerySet[Member]:
    """The members of one page of the list, given their ids in list order: only the columns the rows show.

    The list pages over the ids (read from the covering indexes), then loads this page's rows."""
    return (
        Member.objects.filter(pk__in=list(ids))
        .select_related("organization", "last_organization")
        .only(*LIST_COLUMNS)
        .order_by("sort_key", "pk")
    )


def member_get(*, user: User, pk: int) -> Member:
    return visible_members(user=user).select_related("organization", "last_organization").get(pk=pk)


def deleted_members(*, user: User) -> QuerySet[Member]:
    if not user.is_authenticated or not keeps_registry(user):
        return Member.objects.none()
    return (
        Member.all_objects.deleted()
        .filter(organization_filter(user, "last_organization__"))
        .select_related("last_organization", "deleted_by")
        .order_by("-deleted_at")
    )


def member_event_get(*, user: User, pk: int, deleted: bool = False) -> MemberEvent:
    """An event (a deleted one with `deleted`) of a member the user may see."""
    events = MemberEvent.all_objects.deleted() if deleted else MemberEvent.objects
    return events.select_related("member").get(pk=pk, member__in=visible_members(user=user))


def member_events(*, member: Member) -> list[MemberEvent]:
    return list(member.events.select_related("organization", "counterpart").order_by("on", "id"))


def deleted_member_events(*, member: Member) -> list[MemberEvent]:
    return list(MemberEvent.all_objects.deleted().filter(member=member).select_related("deleted_by"))


def member_timeline(*, member: Member) -> Timeline:
    return derive_timeline(member, member_events(member=member))


def status_on(*, member: Member, on: dt.date) -> str:
    """The member's status on a past or present date, replayed from the events up to that day."""
    events = [e for e in member_events(member=member) if e.on <= on]
    return derive_timeline(member, events).status


def organization_on(*, member: Member, on: dt.date) -> Organization | None:
    """The cell the member was counted in on `on` (temporarily transferred members stay at home)."""
    spell = MembershipSpell.objects.open_on(on).filter(member=member).select_related("organization").first()
    return spell.organization if spell else None


def count_members_in_subtree(*, organization: Organization, on: dt.date, probationary: bool | None = None) -> int:
    """Members counted in the subtree on a date: one range count over membership spells."""
    qs = MembershipSpell.objects.open_on(on).in_subtree(organization)
    if probationary is not None:
        qs = qs.filter(probationary=probationary)
    return qs.count()
