"""Reads of the quality ratings, limited to what the acting user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from dangvu.accounts.access import organization_filter, scope_root_path
from dangvu.accounts.models import User
from dangvu.lib.search import words_in
from dangvu.lib.vntext import fold
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import Organization
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason, SelfAssessment
from dangvu.ratings.rules import Grade, excellent_cap_broken, rating_rules_for_year
from dangvu.ratings.services import reference_day


def visible_seasons(*, user: User) -> QuerySet[RatingSeason]:
    """Seasons of the committees above the user's organization, and of committees inside its subtree."""
    path = scope_root_path(user)
    if path is None:
        return RatingSeason.objects.none()
    step = Organization.steplen
    ancestors = [path[:i] for i in range(step, len(path) + 1, step)]
    return RatingSeason.objects.filter(
        Q(organization__path__in=ancestors) | Q(organization__path__startswith=path)
    ).select_related("organization")


def season_get(*, user: User, pk: int) -> RatingSeason:
    return visible_seasons(user=user).get(pk=pk)


def season_list(*, user: User) -> list[RatingSeason]:
    """The seasons the user sees, newest first, each with the source of the rules of its year (`rules_source`)."""
    seasons = list(visible_seasons(user=user).order_by("-year", "organization__path"))
    for season in seasons:
        season.rules_source = rating_rules_for_year(season.year).source
    return seasons


def grade_table(*, season: RatingSeason, user: User) -> list[tuple[str, int, float | None, int]]:
    """The season's results by grade: (grade, members, share of the members in percent, organizations),
    the last row for those not graded."""
    counts = grade_counts(season=season, user=user)
    members, organizations = counts["members"], counts["organizations"]
    total = sum(members.values())
    return [
        (
            label,
            members.get(value, 0),
            100 * members.get(value, 0) / total if total else None,
            organizations.get(value, 0),
        )
        for value, label in [*Grade.choices, ("", _("Not graded"))]
    ]


def open_seasons_for(*, user: User, organization: Organization) -> QuerySet[RatingSeason]:
    step = Organization.steplen
    ancestors = [organization.path[:i] for i in range(step, len(organization.path) + 1, step)]
    return visible_seasons(user=user).filter(organization__path__in=ancestors, status="open")


@dataclass
class RatingFilters:
    season: RatingSeason | None = None
    grade: str = ""
    organization: Organization | None = None
    q: str = ""


def _rating_list(model, user: User, filters: RatingFilters) -> QuerySet:
    """The ratings (of members or of organizations) in the user's subtree that the season, grade and
    organization filters select."""
    qs = model.objects.filter(organization_filter(user, "organization__"))
    if filters.season is not None:
        qs = qs.filter(season=filters.season)
    if filters.grade == "not_graded":
        qs = qs.filter(grade="")
    elif filters.grade:
        qs = qs.filter(grade=filters.grade)
    if filters.organization is not None:
        qs = qs.filter(organization__path__startswith=filters.organization.path)
    return qs


def member_rating_list(*, user: User, filters: RatingFilters) -> QuerySet[MemberRating]:
    qs = _rating_list(MemberRating, user, filters)
    for token in fold(filters.q).split():
        qs = qs.filter(member__search_text__contains=token)
    return qs.select_related("member", "organization", "season").order_by("-season__year", "member__sort_key", "pk")


def organization_rating_list(*, user: User, filters: RatingFilters) -> QuerySet[OrganizationRating]:
    qs = _rating_list(OrganizationRating, user, filters).filter(words_in(filters.q, "organization__name"))
    return qs.select_related("organization", "season").order_by("-season__year", "organization__path", "pk")


def member_rating_get(*, user: User, pk: int, deleted: bool = False) -> MemberRating:
    manager = MemberRating.all_objects.deleted() if deleted else MemberRating.objects
    return (
        manager.filter(organization_filter(user, "organization__"))
        .select_related("member", "organization", "base_organization", "season__organization")
        .get(pk=pk)
    )


def organization_rating_get(*, user: User, pk: int, deleted: bool = False) -> OrganizationRating:
    manager = OrganizationRating.all_objects.deleted() if deleted else OrganizationRating.objects
    return (
        manager.filter(organization_filter(user, "organization__"))
        .select_related("organization", "season__organization")
        .get(pk=pk)
    )


def deleted_member_ratings(*, user: User, season: RatingSeason) -> QuerySet[MemberRating]:
    return (
        MemberRating.all_objects.deleted()
        .filter(organization_filter(user, "organization__"), season=season)
        .select_related("member", "organization", "deleted_by")
        .order_by("-deleted_at")
    )


def deleted_organization_ratings(*, user: User, season: RatingSeason) -> QuerySet[OrganizationRating]:
    return (
        OrganizationRating.all_objects.deleted()
        .filter(organization_filter(user, "organization__"), season=season)
        .select_related("organization", "deleted_by")
        .order_by("-deleted_at")
    )


@dataclass
class CapWarning:
    label: str
    excellent: int
    good: int
    allowed_pct: object


def cap_warnings(*, season: RatingSeason, user: User | None = None) -> list[CapWarning]:
    """Groups where "excellent" is over the cap: base organizations for members, similar units for organizations
    (QĐ 124; HD 21-HD/BTCTW 2019). Two aggregate queries and one for the names."""
    rules = rating_rules_for_year(season.year)
    if rules.excellent_cap_pct is None:
        return []
    members = MemberRating.objects.filter(season=season, grade__in=(Grade.EXCELLENT, Grade.GOOD))
    organizations = OrganizationRating.objects.filter(season=season, grade__in=(Grade.EXCELLENT, Grade.GOOD))
    if user is not None:
        members = members.filter(organization_filter(user, "base_organization__"))
        organizations = organizations.filter(organization_filter(user, "organization__"))
    tallies: dict[tuple[str, object], dict[str, int]] = {}
    for row in members.values("base_organization", "grade").annotate(n=Count("id")):
        tallies.setdefault(("members", row["base_organization"]), {})[row["grade"]] = row["n"]
    for row in organizations.values("peer_group", "grade").annotate(n=Count("id")):
        tallies.setdefault(("organizations", row["peer_group"]), {})[row["grade"]] = row["n"]
    broken = [
        (key, counts)
        for key, counts in tallies.items()
        if excellent_cap_broken(rules, excellent=counts.get(Grade.EXCELLENT, 0), good=counts.get(Grade.GOOD, 0))
    ]
    org_ids = [key[1] for key, _ in broken if key[0] == "members"]
    names = dict(Organization.objects.filter(pk__in=org_ids).values_list("pk", "name"))
    group_names = _peer_group_names([key[1] for key, _ in broken if key[0] == "organizations"])
    warnings = []
    for (kind, key), counts in broken:
        label = names.get(key, "") if kind == "members" else group_names.get(key, key)
        warnings.append(
            CapWarning(
                label=label,
                excellent=counts.get(Grade.EXCELLENT, 0),
                good=counts.get(Grade.GOOD, 0),
                allowed_pct=rules.excellent_cap_pct,
            )
        )
    return sorted(warnings, key=lambda w: w.label)


def _peer_group_names(groups: list[str]) -> dict[str, str]:
    from django.utils.translation import gettext as _

    from dangvu.organizations.models import HostUnitType

    paths = [g.split(":")[1] for g in groups]
    by_path = dict(Organization.objects.filter(path__in=paths).values_list("path", "name"))
    names = {}
    for group in groups:
        kind, path, *rest = group.split(":")
        if kind == "cells":
            names[group] = _("cells of %(name)s") % {"name": by_path.get(path, path)}
        else:
            names[group] = _("base organizations (%(type)s) of %(name)s") % {
                "type": HostUnitType(rest[0]).label if rest and rest[0] in HostUnitType.values else "",
                "name": by_path.get(path, path),
            }
    return names


def members_to_rate(*, season: RatingSeason, user: User | None = None, today: dt.date | None = None):
    """Spells of members counted in the season's committee on its reference day (limited to the user's subtree)."""
    day = reference_day(season, today)
    qs = MembershipSpell.objects.open_on(day).in_subtree(season.organization)
    if user is not None:
        qs = qs.filter(organization_filter(user, "organization__"))
    return qs


def unrated_members(*, season: RatingSeason, user: User | None = None, today: dt.date | None = None):
    rated = MemberRating.objects.filter(season=season).values("member_id")
    spells = members_to_rate(season=season, user=user, today=today).exclude(member_id__in=rated)
    return (
        Member.objects.filter(pk__in=spells.values("member_id"))
        .select_related("organization")
        .order_by("sort_key", "pk")
    )


def unrated_members_count(*, season: RatingSeason, user: User | None = None, today: dt.date | None = None) -> int:
    rated = MemberRating.objects.filter(season=season).values("member_id")
    return members_to_rate(season=season, user=user, today=today).exclude(member_id__in=rated).count()


def grade_counts(*, season: RatingSeason, user: User) -> dict[str, dict[str, int]]:
    """{"members": {grade: n}, "organizations": {grade: n}}; "" is "not graded"."""
    result: dict[str, dict[str, int]] = {"members": {}, "organizations": {}}
    for row in (
        MemberRating.objects.filter(organization_filter(user, "organization__"), season=season)
        .values("grade")
        .annotate(n=Count("id"))
    ):
        result["members"][row["grade"]] = row["n"]
    for row in (
        OrganizationRating.objects.filter(organization_filter(user, "organization__"), season=season)
        .values("grade")
        .annotate(n=Count("id"))
    ):
        result["organizations"][row["grade"]] = row["n"]
    return result


def organizations_to_rate(*, season: RatingSeason, user: User, today: dt.date | None = None) -> QuerySet[Organization]:
    day = reference_day(season, today)
    return (
        Organization.objects.filter(
            organization_filter(user),
            path__startswith=season.organization.path,
            deleted_at__isnull=True,
            founded_on__lte=day,
        )
        .exclude(kind="committee")
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
    )


def unrated_organizations(*, season: RatingSeason, user: User, today: dt.date | None = None):
    rated = OrganizationRating.objects.filter(season=season).values("organization_id")
    return organizations_to_rate(season=season, user=user, today=today).exclude(pk__in=rated).order_by("path")


# The rating sheets and the self-assessments -----------------------------------------------------------------


@dataclass
class SheetRow:
    member: Member
    previous_grade: str
    rating: MemberRating | None
    assessment: "SelfAssessment | None"
    cap_broken: bool = False

    @property
    def previous_label(self) -> str:
        return Grade(self.previous_grade).label if self.previous_grade in Grade.values else ""


def sheet_cells(*, season: RatingSeason, user: User) -> QuerySet[Organization]:
    """The cells (and base cells) of the season the user sees, whose members are rated on a sheet."""
    return (
        Organization.objects.filter(
            organization_filter(user), path__startswith=season.organization.path, deleted_at__isnull=True
        )
        .filter(kind__in=("cell", "base_cell"))
        .order_by("path")
    )


def cell_sheet(*, season: RatingSeason, cell: Organization, today: dt.date | None = None) -> list[SheetRow]:
    """Every member of the cell on the season's reference day, with the previous year's grade, this year's rating
    and self-assessment; whether their base organization is over the "excellent" cap. Five queries, whatever the
    size of the cell."""
    day = reference_day(season, today)
    member_ids = MembershipSpell.objects.open_on(day).filter(organization=cell).values("member_id")
    members = list(Member.objects.filter(pk__in=member_ids).order_by("sort_key", "pk"))
    ids = [m.pk for m in members]
    previous = dict(
        MemberRating.objects.filter(member_id__in=ids, season__year=season.year - 1).values_list("member_id", "grade")
    )
    ratings = {r.member_id: r for r in MemberRating.objects.filter(season=season, member_id__in=ids)}
    assessments = {a.member_id: a for a in SelfAssessment.objects.filter(season=season, member_id__in=ids)}
    for assessment in assessments.values():
        assessment.season = season  # the allowed grade reads its year: no query per row
    broken = base_over_cap(season=season, base_ids={r.base_organization_id for r in ratings.values()})
    return [
        SheetRow(
            member=m,
            previous_grade=previous.get(m.pk, ""),
            rating=ratings.get(m.pk),
            assessment=assessments.get(m.pk),
            cap_broken=m.pk in ratings and ratings[m.pk].base_organization_id in broken,
        )
        for m in members
    ]


def base_over_cap(*, season: RatingSeason, base_ids: set[int]) -> set[int]:
    """The base organizations (of `base_ids`) whose "excellent" members are over the cap."""
    rules = rating_rules_for_year(season.year)
    if rules.excellent_cap_pct is None or not base_ids:
        return set()
    counts: dict[int, dict[str, int]] = {}
    for row in (
        MemberRating.objects.filter(
            season=season, base_organization_id__in=base_ids, grade__in=(Grade.EXCELLENT, Grade.GOOD)
        )
        .values("base_organization_id", "grade")
        .annotate(n=Count("id"))
    ):
        counts.setdefault(row["base_organization_id"], {})[row["grade"]] = row["n"]
    return {
        pk
        for pk, c in counts.items()
        if excellent_cap_broken(rules, excellent=c.get(Grade.EXCELLENT, 0), good=c.get(Grade.GOOD, 0))
    }


@dataclass
class CellProgress:
    cell: Organization
    members: int
    rated: int
    submitted: int
    rating: OrganizationRating | None


def base_progress(
    *, season: RatingSeason, base: Organization, user: User, today: dt.date | None = None
) -> list[CellProgress]:
    """The cells of a base organization with their progress (members rated / total, self-assessments submitted)
    and their own rating. Four queries."""
    day = reference_day(season, today)
    cells = list(sheet_cells(season=season, user=user).filter(path__startswith=base.path))
    ids = [c.pk for c in cells]
    members = dict(
        MembershipSpell.objects.open_on(day)
        .filter(organization_id__in=ids)
        .values("organization_id")
        .annotate(n=Count("member_id", distinct=True))
        .values_list("organization_id", "n")
    )
    rated = dict(
        MemberRating.objects.filter(season=season, organization_id__in=ids)
        .exclude(grade="", not_graded_reason="")
        .values("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    )
    submitted = dict(
        SelfAssessment.objects.filter(season=season, organization_id__in=ids, status="submitted")
        .values("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    )
    ratings = {r.organization_id: r for r in OrganizationRating.objects.filter(season=season, organization_id__in=ids)}
    return [
        CellProgress(
            cell=c,
            members=members.get(c.pk, 0),
            rated=rated.get(c.pk, 0),
            submitted=submitted.get(c.pk, 0),
            rating=ratings.get(c.pk),
        )
        for c in cells
    ]


def base_organizations_of_season(*, season: RatingSeason, user: User) -> QuerySet[Organization]:
    from dangvu.organizations.models import BASE_KINDS

    return Organization.objects.filter(
        organization_filter(user),
        path__startswith=season.organization.path,
        kind__in=BASE_KINDS,
        deleted_at__isnull=True,
    ).order_by("path")


def self_assessment_get(*, user: User, pk: int) -> "SelfAssessment":
    """A self-assessment the user may read: their own, or one of a cell they keep (or of their subtree)."""
    from dangvu.accounts.policy import keeps_cell, portal_member, works_on_tree

    assessment = SelfAssessment.objects.select_related("season__organization", "member", "organization").get(pk=pk)
    own = portal_member(user)
    if own is not None and own.pk == assessment.member_id:
        return assessment
    if keeps_cell(user, assessment.organization):
        return assessment
    if (
        works_on_tree(user)
        and Organization.objects.filter(organization_filter(user), pk=assessment.organization_id).exists()
    ):
        return assessment
    raise SelfAssessment.DoesNotExist
