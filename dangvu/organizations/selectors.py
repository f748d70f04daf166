"""Reads of the organization tree, limited to what the acting user may see."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter, scope_root_path
from dangvu.lib.vntext import fold
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


# --- The tree page: two levels, the rest on demand, a search, a node's members ----------------------------

SEARCH_LIMIT = 50  # organizations a search shows (with their ancestors); more asks for a longer search


@dataclass
class TreeNode:
    """An organization as the tree page shows it: its name on the day, the members of its subtree on that day,
    and the nodes under it that are shown (empty when they are fetched on demand)."""

    organization: Organization
    name: str
    members: int = 0
    probationary: int = 0
    children: list["TreeNode"] = field(default_factory=list)
    match: bool = False  # one the search found (the others are its ancestors)

    @property
    def has_children(self) -> bool:
        return self.organization.numchild > 0


@dataclass
class TreeSearch:
    roots: list[TreeNode]
    found: int  # organizations matching, of which at most SEARCH_LIMIT are shown


def _subtree_counts(*, user: User, on: dt.date, under: str, key_length: int | None) -> dict[str, list[int]]:
    """Members and probationary members counted on `on` below the path `under`, in one grouped query: by the
    first `key_length` characters of their organization's path (the subtree of each node shown), or by
    organization when None."""
    spells = (
        members()
        .spells_counting_on(on)
        .filter(organization_filter(user, "organization__"), organization__path__startswith=under)
    )
    if key_length is None:
        spells = spells.annotate(key=F("organization__path"))
    else:
        spells = spells.annotate(key=Substr("organization__path", 1, key_length))
    grouped = (
        spells.order_by()
        .values("key")
        .annotate(members=Count("id"), probationary=Count("id", filter=Q(probationary=True)))
        .values_list("key", "members", "probationary")
    )
    return {key: [n, p] for key, n, p in grouped}


def _nodes(organizations: list[Organization], *, user: User, on: dt.date, under: str, key_length: int | None):
    """The nodes of `organizations` (tree order) as they stood on `on`, with their subtree counts; the
    organizations that did not exist then are left out. Two queries (three for a past day)."""
    if on != timezone.localdate():
        names = dict(
            OrganizationVersion.objects.filter(organization__in=[o.pk for o in organizations], valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
            .values_list("organization_id", "name")
        )
        nodes = [TreeNode(o, names[o.pk]) for o in organizations if o.pk in names]
    else:
        nodes = [TreeNode(o, o.name) for o in organizations]
    if not nodes:
        return []
    by_path = {n.organization.path: n for n in nodes}
    step = Organization.steplen
    for key, (count, probationary) in _subtree_counts(user=user, on=on, under=under, key_length=key_length).items():
        # A key counts in the node it names and in every node shown above it.
        for end in range(step, len(key) + 1, step):
            node = by_path.get(key[:end])
            if node is not None:
                node.members += count
                node.probationary += probationary
    return nodes


def _nest(nodes: list[TreeNode]) -> list[TreeNode]:
    """The top nodes, each holding the shown nodes under it (nodes come in tree order)."""
    by_path, roots = {}, []
    step = Organization.steplen
    for node in nodes:
        parent = by_path.get(node.organization.path[:-step])
        (parent.children if parent is not None else roots).append(node)
        by_path[node.organization.path] = node
    return roots


def tree_top(*, user: User, on: dt.date) -> list[TreeNode]:
    """The user's organization and the level under it: what the tree page opens with."""
    root = scope_root_path(user)
    if root is None:
        return []
    depth = len(root) // Organization.steplen
    organizations = list(organization_list(user=user).filter(depth__lte=depth + 1))
    key_length = (depth + 1) * Organization.steplen
    return _nest(_nodes(organizations, user=user, on=on, under=root, key_length=key_length))


def _under(organization: Organization, *, user: User, on: dt.date, itself: bool = False) -> list[TreeNode]:
    """The nodes right under `organization` (after its own node with `itself`), counted by child subtree."""
    children = organization_list(user=user).filter(path__startswith=organization.path, depth=organization.depth + 1)
    organizations = [organization, *children] if itself else list(children)
    key_length = len(organization.path) + Organization.steplen
    return _nodes(organizations, user=user, on=on, under=organization.path, key_length=key_length)


def tree_children(*, user: User, organization: Organization, on: dt.date) -> list[TreeNode]:
    """The organizations right under `organization` with their counts: two queries (three for a past day)."""
    return _under(organization, user=user, on=on)


def tree_branch(*, user: User, organization: Organization, on: dt.date) -> TreeNode | None:
    """An organization with its counts and the organizations right under it with theirs (the organization
    page): two queries whatever the size of the tree (three for a past day); None if it did not exist then."""
    roots = _nest(_under(organization, user=user, on=on, itself=True))
    return roots[0] if roots and roots[0].organization.pk == organization.pk else None


def tree_search(*, user: User, q: str, on: dt.date, limit: int = SEARCH_LIMIT) -> TreeSearch:
    """Organizations whose name, short name or code holds every word of `q`, accents and case aside, shown
    under their ancestors. The names are folded here (a few milliseconds for a province's 3,000
    organizations), so the search needs no column of its own."""
    words = fold(q).split()
    root = scope_root_path(user)
    if not words or root is None:
        return TreeSearch(roots=[], found=0)
    visible = organization_list(user=user).values_list("path", "name", "short_name", "code")
    found = [path for path, *text in visible if all(w in fold(" ".join(text)) for w in words)]
    step = Organization.steplen
    shown = {path[:end] for path in found[:limit] for end in range(len(root), len(path) + 1, step)}
    organizations = list(organization_list(user=user).filter(path__in=shown))
    nodes = _nodes(organizations, user=user, on=on, under=root, key_length=None)
    matched = set(found[:limit])
    for node in nodes:
        node.match = node.organization.path in matched
    return TreeSearch(roots=_nest(nodes), found=len(found))


def organization_members(*, user: User, organization: Organization, on: dt.date) -> QuerySet:
    """The members counted in `organization` and below on `on` (their membership spells, one a member), in
    the Vietnamese order of their names, with the cell each is in."""
    return (
        members()
        .spells_counting_on(on)
        .filter(organization_filter(user, "organization__"), organization__path__startswith=organization.path)
        .select_related("member", "organization")
        .only("probationary", "member__full_name", "member__sort_key", "organization__name", "organization__path")
        .order_by("member__sort_key", "member_id")
    )
