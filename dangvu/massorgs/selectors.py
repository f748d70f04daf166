"""Reads of the mass-organization records, limited to what the acting user may see, and the
aggregates later indicators call."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.lib.filters import where_given
from dangvu.lib.search import words_in
from dangvu.massorgs.models import EmulationRegistration, MassOrgFigures, SkilledMobilisationModel
from dangvu.massorgs.rules import COUNT_FIELDS
from dangvu.organizations.models import BASE_KINDS, Organization


@dataclass
class RecordFilters:
    organization: Organization | None = None
    year: int | None = None
    kind: str = ""
    level: str = ""
    period: str = ""
    q: str = ""
    deleted: bool = False


def _visible(model, *, user: User, deleted: bool) -> QuerySet:
    if deleted and not (user.is_authenticated and keeps_registry(user)):
        return model.objects.none()
    manager = model.all_objects.deleted() if deleted else model.objects.all()
    return manager.filter(organization_filter(user, "organization__"))


def _filtered(qs: QuerySet, filters: RecordFilters) -> QuerySet:
    qs = where_given(qs, within=filters.organization, year=filters.year, kind=filters.kind)
    return qs.select_related("organization")


def figures_list(*, user: User, filters: RecordFilters) -> QuerySet[MassOrgFigures]:
    qs = _filtered(_visible(MassOrgFigures, user=user, deleted=filters.deleted), filters)
    if filters.period:
        qs = qs.filter(period=filters.period)
    return qs.order_by("-year", "organization__path", "kind", "period", "pk")


def figures_get(*, user: User, pk: int, deleted: bool = False) -> MassOrgFigures:
    return _visible(MassOrgFigures, user=user, deleted=deleted).select_related("organization").get(pk=pk)


def model_list(*, user: User, filters: RecordFilters) -> QuerySet[SkilledMobilisationModel]:
    qs = _filtered(_visible(SkilledMobilisationModel, user=user, deleted=filters.deleted), filters)
    if filters.level:
        qs = qs.filter(level=filters.level)
    qs = qs.filter(words_in(filters.q, "name", "field"))
    return qs.order_by("-year", "organization__path", "name", "pk")


def model_get(*, user: User, pk: int, deleted: bool = False) -> SkilledMobilisationModel:
    return _visible(SkilledMobilisationModel, user=user, deleted=deleted).select_related("organization").get(pk=pk)


def registration_list(*, user: User, filters: RecordFilters) -> QuerySet[EmulationRegistration]:
    qs = _filtered(_visible(EmulationRegistration, user=user, deleted=filters.deleted), filters)
    return qs.order_by("-year", "organization__path", "kind", "pk")


def registration_get(*, user: User, pk: int, deleted: bool = False) -> EmulationRegistration:
    return _visible(EmulationRegistration, user=user, deleted=deleted).select_related("organization").get(pk=pk)


def unit_choices(*, user: User) -> QuerySet[Organization]:
    """Base organizations the user may record for (alive)."""
    return Organization.objects.filter(
        organization_filter(user), kind__in=BASE_KINDS, deleted_at__isnull=True
    ).order_by("path")


# ---- aggregates for the indicators ------------------------------------------------------------


def mass_org_totals(*, organization: Organization, year: int, period: str = "year") -> dict[str, dict[str, int]]:
    """Sum of each figure over the subtree, per mass organization, for one period. One query."""
    rows = (
        MassOrgFigures.objects.filter(organization__path__startswith=organization.path, year=year, period=period)
        .values("kind")
        .annotate(units=Count("id"), **{name: Sum(name) for name in COUNT_FIELDS})
    )
    return {row.pop("kind"): row for row in rows}


def models_by_level(*, organization: Organization, year: int) -> dict[str, dict[str, int]]:
    """“Dân vận khéo” models and exemplars recognised in the year in the subtree, per level and kind. One query."""
    rows = (
        SkilledMobilisationModel.objects.filter(organization__path__startswith=organization.path, year=year)
        .values("level", "kind")
        .annotate(count=Count("id"))
    )
    result: dict[str, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["level"], {})[row["kind"]] = row["count"]
    return result


def registration_share(*, organization: Organization, year: int, kind: str) -> tuple[int, int]:
    """(base organizations that registered, base organizations active in the year) in the subtree. Two queries."""
    units = Organization.objects.filter(
        path__startswith=organization.path, kind__in=BASE_KINDS, deleted_at__isnull=True
    ).filter(
        Q(ended_on__isnull=True) | Q(ended_on__year__gte=year),
        Q(founded_on__isnull=True) | Q(founded_on__year__lte=year),
    )
    registered = EmulationRegistration.objects.filter(
        organization__in=units, year=year, kind=kind, registered=True
    ).count()
    return registered, units.count()
