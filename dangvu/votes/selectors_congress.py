"""Reads of congresses and their elections, scoped to what the user may see (the organization tree)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from dangvu.accounts.policy import limit_to_scope, organizations_to_view
from dangvu.organizations.models import BASE_KINDS, Organization, OrganizationKind
from dangvu.votes import congress as rules
from dangvu.votes.models import Congress, CongressState, Poll, PollKind


@dataclass(frozen=True)
class CongressFilters:
    organization: Organization | None = None
    term: str = ""
    state: str = ""


def congresses(*, user, filters: CongressFilters | None = None) -> QuerySet:
    filters = filters or CongressFilters()
    rows = limit_to_scope(
        Congress.objects.filter(deleted_at__isnull=True).select_related("organization"), user, "organization__"
    )
    if filters.organization is not None:
        rows = rows.filter(organization__path__startswith=filters.organization.path)
    if filters.term:
        rows = rows.filter(term__icontains=filters.term.strip())
    if filters.state:
        rows = rows.filter(state=filters.state)
    return rows.order_by("-opens_on", "organization__path", "pk")


def congress_get(*, user, pk: int) -> Congress:
    return limit_to_scope(
        Congress.objects.filter(deleted_at__isnull=True).select_related("organization"), user, "organization__"
    ).get(pk=pk)


def election_get(*, user, pk: int) -> Poll:
    return limit_to_scope(
        Poll.objects.filter(kind=PollKind.ELECTION, congress__isnull=False).select_related("congress", "organization"),
        user,
        "organization__",
    ).get(pk=pk)


# Organizations that hold congresses: base organizations and cells (committees above the base hold theirs too).
CONGRESS_KINDS = (*BASE_KINDS, OrganizationKind.CELL, OrganizationKind.COMMITTEE)


def due_rows(*, user, on: dt.date, limit: int = 500) -> list[rules.Due]:
    """The organizations of the user's subtree with their last congress and when the next is due, the most
    pressing first (never held, then overdue, then by due date)."""
    organizations = list(
        organizations_to_view(user)
        .filter(kind__in=CONGRESS_KINDS, deleted_at__isnull=True, ended_on__isnull=True)
        .order_by("path")[:limit]
    )
    last = {}
    for congress in (
        Congress.objects.filter(organization__in=organizations, deleted_at__isnull=True, opens_on__lte=on)
        .exclude(state=CongressState.PLANNED)
        .order_by("organization_id", "opens_on")
    ):
        last[congress.organization_id] = congress
    rows = []
    for organization in organizations:
        held = last.get(organization.pk)
        if held is None:
            rows.append(rules.Due(organization, None, None, False))
            continue
        due = rules.due_on(organization, held.opens_on)
        rows.append(rules.Due(organization, held, due, on > rules.add_months(due, rules.TOLERANCE_MONTHS)))
    return sorted(rows, key=lambda r: (r.due_on is not None, not r.overdue, r.due_on or on, r.organization.path))
