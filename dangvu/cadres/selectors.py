"""Reads of cadre-work records, limited to the user's subtree."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.cadres.models import CommitteeAppointment, PoliticalConclusion
from dangvu.lib.filters import where_given
from dangvu.lib.vntext import fold
from dangvu.organizations.models import Organization


def visible_conclusions(*, user: User) -> QuerySet[PoliticalConclusion]:
    if not user.is_authenticated:
        return PoliticalConclusion.objects.none()
    return PoliticalConclusion.objects.filter(organization_filter(user, "organization__"))


def visible_appointments(*, user: User) -> QuerySet[CommitteeAppointment]:
    if not user.is_authenticated:
        return CommitteeAppointment.objects.none()
    return CommitteeAppointment.objects.filter(organization_filter(user, "organization__"))


def conclusion_get(*, user: User, pk: int) -> PoliticalConclusion:
    return visible_conclusions(user=user).select_related("member", "candidate", "organization").get(pk=pk)


def appointment_get(*, user: User, pk: int) -> CommitteeAppointment:
    return visible_appointments(user=user).select_related("member", "organization").get(pk=pk)


def conclusion_years(*, user: User) -> list[int]:
    return sorted({d.year for d in visible_conclusions(user=user).dates("concluded_on", "year")}, reverse=True)


def appointment_years(*, user: User) -> list[int]:
    return sorted({d.year for d in visible_appointments(user=user).dates("decided_on", "year")}, reverse=True)


@dataclass
class CadreFilters:
    q: str = ""
    organization: Organization | None = None
    kind: str = ""  # purpose of a conclusion, post of an appointment
    year: int | None = None


def conclusion_list(*, user: User, filters: CadreFilters) -> QuerySet[PoliticalConclusion]:
    qs = visible_conclusions(user=user)
    qs = where_given(qs, within=filters.organization, purpose=filters.kind, concluded_on__year=filters.year)
    for token in fold(filters.q).split():
        qs = qs.filter(Q(member__search_text__contains=token) | Q(candidate__search_text__contains=token))
    return qs.select_related("organization", "member", "candidate").order_by("-concluded_on", "-pk")


def appointment_list(
    *, user: User, filters: CadreFilters, current_only: bool = False
) -> QuerySet[CommitteeAppointment]:
    qs = visible_appointments(user=user)
    qs = where_given(qs, within=filters.organization, position=filters.kind, decided_on__year=filters.year)
    if current_only:
        qs = qs.filter(ended_on__isnull=True)
    for token in fold(filters.q).split():
        qs = qs.filter(member__search_text__contains=token)
    return qs.select_related("organization", "member").order_by("-decided_on", "-pk")


def deleted_conclusions(*, user: User) -> QuerySet[PoliticalConclusion]:
    if not user.is_authenticated or not keeps_registry(user):
        return PoliticalConclusion.objects.none()
    return (
        PoliticalConclusion.all_objects.deleted()
        .filter(organization_filter(user, "organization__"))
        .select_related("member", "candidate", "deleted_by")
        .order_by("-deleted_at")
    )


def deleted_appointments(*, user: User) -> QuerySet[CommitteeAppointment]:
    if not user.is_authenticated or not keeps_registry(user):
        return CommitteeAppointment.objects.none()
    return (
        CommitteeAppointment.all_objects.deleted()
        .filter(organization_filter(user, "organization__"))
        .select_related("member", "organization", "deleted_by")
        .order_by("-deleted_at")
    )
