"""Reads of the organization tree, limited to what the acting user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.organizations.membership import members
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization, OrganizationVersion


def organization_list(*, user: User, include_ended: bool = True) -> QuerySet[Organization]:
    qs = Organization.objects.filter(organization_filter(user), deleted_at__isnull=True)
    if not include_ended:
        qs = qs.filter(ended_on__isnull=True)
    return qs.order_by("path")


def deleted_organizations(*, user: User) -> QuerySet[Organization]:
    if not user.is_authenticated or not keeps_registry(user):
        return Organization.objects.none()
    return Organization.objects.filter(organization_filter(user), deleted_at__isnull=False).order_by("-deleted_at")


def organization_get(*, user: User, pk: int) -> Organization:
    return organization_list(user=user).get(pk=pk)


def member_holding_choices(*, user: User) -> QuerySet[Organization]:
    """Active cells and base cells the user may record members in."""
    return organization_list(user=user, include_ended=False).filter(kind__in=MEMBER_HOLDING_KINDS)


@dataclass
class TreeRow:
    organization: Organization
    depth: int
    members: int
    probationary: int
    name: str = ""  # the name it had on the day of the tree
    parent_code: str = ""  # the code of the organization above it, visible or not ("" for the top)


def organization_tree_with_counts(*, user: User, on: dt.date) -> list[TreeRow]:
    """The visible tree with current member and probationary counts rolled up by subtree.

    Two queries whatever the size of the tree: the organizations, and one grouped count
    of membership spells open on `on`; the roll-up walks the materialised paths.
    """
    organizations = list(organization_list(user=user))
    if not organizations:
        return []
    counts = members().spells_counting_on(on).filter(organization_filter(user, "organization__"))
    per_org = {
        row["organization"]: row
        for row in counts.values("organization").annotate(
            members=Count("id"), probationary=Count("id", filter=Q(probationary=True))
        )
    }
    totals: dict[str, list[int]] = {o.path: [0, 0] for o in organizations}
    for org in organizations:
        row = per_org.get(org.pk)
        if not row:
            continue
        # Add this organization's own members to itself and every visible ancestor.
        for depth in range(1, len(org.path) // Organization.steplen + 1):
            ancestor = org.path[: depth * Organization.steplen]
            if ancestor in totals:
                totals[ancestor][0] += row["members"]
                totals[ancestor][1] += row["probationary"]
    top_depth = min(o.depth for o in organizations)
    return [TreeRow(o, o.depth - top_depth, *totals[o.path], name=o.name) for o in organizations]


def tree_as_of(*, user: User, on: dt.date) -> list[OrganizationVersion]:
    """Organizations that existed on `on`, with the parent and name they had then."""
    visible = organization_list(user=user).values("pk")
    return list(
        OrganizationVersion.objects.filter(organization__in=visible, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .select_related("organization", "parent")
        .order_by("organization__path")
    )


def organization_tree(*, user: User, on: dt.date) -> list[TreeRow]:
    """The visible tree as it stood on `on` (the tree page and its export): the organizations that existed
    then, under the names they had then, in today's tree order and depth, with the member counts of that day
    and the code of the organization above each. At most four queries whatever the size of the tree."""
    rows = organization_tree_with_counts(user=user, on=on)
    step = Organization.steplen
    codes = {r.organization.path: r.organization.code for r in rows}
    above = {r.organization.path[:-step] for r in rows if r.organization.depth > 1} - codes.keys()
    if above:  # the top's parent, outside the user's subtree
        codes.update(Organization.objects.filter(path__in=above).values_list("path", "code"))
    if on != timezone.localdate():
        names = {v.organization_id: v.name for v in tree_as_of(user=user, on=on)}
        rows = [r for r in rows if r.organization.pk in names]
        for row in rows:
            row.name = names[row.organization.pk]
    for row in rows:
        row.parent_code = codes.get(row.organization.path[:-step], "") if row.organization.depth > 1 else ""
    return rows
