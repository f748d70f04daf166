"""Reads of inspection records, limited to the acting user's subtree.

Committee staff, inspection staff and secretaries see the records of organizations in their
subtree; member accounts see none.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.accounts.policy import organization_filter, works_on_tree
from dangvu.inspections.models import (
    NOT_CONSIDERED_CATEGORIES,
    OPEN_LETTER_STATUSES,
    Discipline,
    Inspection,
    InspectionSubjectMember,
    Letter,
    LetterCategory,
)
from dangvu.inspections.rules import letter_rules_on
from dangvu.lib.bounds import as_id
from dangvu.lib.filters import where_given
from dangvu.lib.vntext import fold
from dangvu.members.models import Member, MembershipSpell
from dangvu.members.selectors import members_in_scope
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list
from dangvu.workcalendar.selectors import add_working_days


def can_work_on_records(user: User) -> bool:
    """Roles that read and write inspection records in their subtree (members never)."""
    return works_on_tree(user)


def _scoped(model, user: User, *, deleted: bool = False) -> QuerySet:
    if not can_work_on_records(user):
        return model.objects.none()
    base = model.all_objects.deleted() if deleted else model.objects.all()
    return base.filter(organization_filter(user, "organization__"))


def _subtree(qs: QuerySet, organization: Organization | None) -> QuerySet:
    return qs.filter(organization__path__startswith=organization.path) if organization is not None else qs


# Inspections -------------------------------------------------------------------------------------


@dataclass
class InspectionFilters:
    organization: Organization | None = None
    year: int | None = None
    body: str = ""
    kind: str = ""
    violation_found: bool | None = None


def _count(model, field: str):
    return Coalesce(
        Subquery(
            model.objects.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def inspection_list(*, user: User, filters: InspectionFilters | None = None) -> QuerySet[Inspection]:
    filters = filters or InspectionFilters()
    qs = _subtree(_scoped(Inspection, user), filters.organization)
    qs = where_given(qs, started_on__year=filters.year, body=filters.body, kind=filters.kind)
    if filters.violation_found is not None:
        qs = qs.filter(violation_found=filters.violation_found)
    organizations_through = Inspection.subject_organizations.through
    return (
        qs.select_related("organization")
        .annotate(
            member_count=_count(InspectionSubjectMember, "inspection"),
            organization_count=_count(organizations_through, "inspection"),
        )
        .order_by("-started_on", "-pk")
    )


def inspection_get(*, user: User, pk: int) -> Inspection:
    return _scoped(Inspection, user).select_related("organization").get(pk=pk)


def inspection_subject_members(*, inspection: Inspection) -> QuerySet[Member]:
    return (
        Member.all_objects.filter(pk__in=inspection.member_rows.values("member_id"))
        .select_related("last_organization")
        .order_by("sort_key", "pk")
    )


def members_of_subjects(*, organizations, on: dt.date) -> list[int]:
    """The ids of the members counted on `on` in the organizations inspected or below them: who "every member of
    the organizations chosen, on the start date" names."""
    ids: set[int] = set()
    for organization in organizations:
        ids.update(MembershipSpell.objects.open_on(on).in_subtree(organization).values_list("member_id", flat=True))
    return sorted(ids)


def inspection_years(*, user: User) -> list[int]:
    """The years from the first record to the last, newest first. From each kind's first and last date: the
    distinct years of every row made SQLite call its date function on each of them (0.3 s at province size)."""
    spans = [
        _scoped(model, user).aggregate(first=Min(field), last=Max(field))
        for model, field in ((Inspection, "started_on"), (Discipline, "decided_on"), (Letter, "received_on"))
    ]
    firsts = [span["first"].year for span in spans if span["first"]]
    lasts = [span["last"].year for span in spans if span["last"]]
    return list(range(max(lasts), min(firsts) - 1, -1)) if firsts else []


# Discipline --------------------------------------------------------------------------------------


@dataclass
class DisciplineFilters:
    organization: Organization | None = None
    year: int | None = None
    form: str = ""
    subject: str = ""  # "member" or "organization"
    on_committee: bool = False


def discipline_list(*, user: User, filters: DisciplineFilters | None = None) -> QuerySet[Discipline]:
    filters = filters or DisciplineFilters()
    qs = _subtree(_scoped(Discipline, user), filters.organization)
    qs = where_given(qs, decided_on__year=filters.year, form=filters.form)
    if filters.subject == "member":
        qs = qs.filter(member__isnull=False)
    elif filters.subject == "organization":
        qs = qs.filter(subject_organization__isnull=False)
    if filters.on_committee:
        qs = qs.filter(on_committee=True)
    return qs.select_related("organization", "member", "subject_organization", "deciding_organization").order_by(
        "-decided_on", "-pk"
    )


def deciding_organizations(*, user: User) -> QuerySet[Organization]:
    """The organizations whose discipline decisions the user may record: a decision is owned by its deciding body
    (accounts.policy.OWNER_RULES), so only bodies of the user's subtree, never one above it (whose own staff
    record it)."""
    if not can_work_on_records(user):
        return Organization.objects.none()
    return organization_list(user=user)


def discipline_get(*, user: User, pk: int) -> Discipline:
    return (
        _scoped(Discipline, user)
        .select_related("organization", "member", "subject_organization", "deciding_organization", "expulsion_event")
        .get(pk=pk)
    )


# Letters -----------------------------------------------------------------------------------------


@dataclass
class LetterFilters:
    organization: Organization | None = None
    year: int | None = None
    kind: str = ""
    category: str = ""
    status: str = ""
    deadline: str = ""  # "soon" or "overdue"
    q: str = ""


def warn_from(today: dt.date) -> dt.date:
    """Open letters due on or before this day are flagged as near their deadline."""
    return add_working_days(today, letter_rules_on(today).warn_working_days)


def letter_list(*, user: User, filters: LetterFilters | None = None, today: dt.date | None = None) -> QuerySet[Letter]:
    filters = filters or LetterFilters()
    today = today or timezone.localdate()
    qs = _subtree(_scoped(Letter, user), filters.organization)
    qs = where_given(qs, received_on__year=filters.year, kind=filters.kind)
    if filters.category == "not_considered":
        qs = qs.filter(category__in=NOT_CONSIDERED_CATEGORIES)
    elif filters.category:
        qs = qs.filter(category=filters.category)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.deadline == "overdue":
        qs = open_letters(qs).filter(due_on__lt=today)
    elif filters.deadline == "soon":
        qs = open_letters(qs).filter(due_on__gte=today, due_on__lte=warn_from(today))
    for token in fold(filters.q).split():
        qs = qs.filter(
            Q(member__search_text__contains=token)
            | Q(subject_text__vnfold__contains=token)
            | Q(sender__vnfold__contains=token)
        )
    return qs.select_related("organization", "member", "subject_organization").order_by("-received_on", "-pk")


def open_letters(qs: QuerySet[Letter]) -> QuerySet[Letter]:
    return qs.filter(category=LetterCategory.WITHIN_AUTHORITY, status__in=OPEN_LETTER_STATUSES, due_on__isnull=False)


def letter_warnings(*, user: User, today: dt.date | None = None) -> dict[str, int]:
    """How many open letters are past their deadline, and how many are near it, in one query."""
    today = today or timezone.localdate()
    return open_letters(_scoped(Letter, user)).aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=warn_from(today))),
    )


def letter_get(*, user: User, pk: int) -> Letter:
    return _scoped(Letter, user).select_related("organization", "member", "subject_organization").get(pk=pk)


# Deleted records ---------------------------------------------------------------------------------


def deleted_records(*, user: User) -> dict[str, QuerySet]:
    return {
        "inspections": _scoped(Inspection, user, deleted=True).select_related("organization", "deleted_by"),
        "disciplines": _scoped(Discipline, user, deleted=True).select_related(
            "organization", "member", "subject_organization", "deleted_by"
        ),
        "letters": _scoped(Letter, user, deleted=True).select_related("organization", "deleted_by"),
    }


def deleted_get(model, *, user: User, pk: int):
    return _scoped(model, user, deleted=True).get(pk=pk)


# Choices for the forms ---------------------------------------------------------------------------


def members_by_identifiers(*, user: User, identifiers: list[str]) -> tuple[list[Member], list[str]]:
    """Visible members named by party card number, national ID or "#<record number>"; and the unmatched ones."""
    if not can_work_on_records(user) or not identifiers:
        return [], list(identifiers)
    visible = members_in_scope(user=user)
    pks = [as_id(i[1:]) for i in identifiers if i.startswith("#") and as_id(i[1:]) is not None]
    found: dict[str, Member] = {}
    matches = visible.filter(Q(card_number__in=identifiers) | Q(national_id__in=identifiers) | Q(pk__in=pks))
    for member in matches:
        for key in (member.card_number, member.national_id, f"#{member.pk}"):
            if key:
                found[key] = member
    members, missing, seen = [], [], set()
    for ident in identifiers:
        member = found.get(ident)
        if member is None:
            missing.append(ident)
        elif member.pk not in seen:
            seen.add(member.pk)
            members.append(member)
    return members, missing
