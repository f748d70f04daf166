"""Reads of the work programme: the user's subtree for the screens; a committee's own items for reports."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.lib.filters import where_given
from dangvu.lib.search import words_in
from dangvu.organizations.models import Organization
from dangvu.workprogramme.models import State, WorkItem


@dataclass
class ItemFilters:
    organization: Organization | None = None
    year: int | None = None
    quarter: int | None = None
    area: str = ""
    state: str = ""
    q: str = ""
    deleted: bool = False


def _visible(*, user: User, deleted: bool) -> QuerySet[WorkItem]:
    if deleted and not (user.is_authenticated and keeps_registry(user)):
        return WorkItem.objects.none()
    manager = WorkItem.all_objects.deleted() if deleted else WorkItem.objects.all()
    return manager.filter(organization_filter(user, "organization__"))


def item_list(*, user: User, filters: ItemFilters) -> QuerySet[WorkItem]:
    qs = _visible(user=user, deleted=filters.deleted)
    qs = where_given(qs, within=filters.organization, year=filters.year, area=filters.area, state=filters.state)
    if filters.quarter:
        months = range(3 * filters.quarter - 2, 3 * filters.quarter + 1)
        qs = qs.filter(Q(quarter=filters.quarter) | Q(month__in=months))
    qs = qs.filter(words_in(filters.q, "title", "owner"))
    return qs.select_related("organization").order_by("-year", "quarter", "month", "organization__path", "pk")


def item_get(*, user: User, pk: int, deleted: bool = False) -> WorkItem:
    return _visible(user=user, deleted=deleted).select_related("organization").get(pk=pk)


def committee_choices(*, user: User) -> QuerySet[Organization]:
    """The organizations whose programme the user may keep: those of their subtree that have subordinates."""
    return Organization.objects.filter(
        organization_filter(user), deleted_at__isnull=True, kind__in=["committee", "base_party_committee"]
    ).order_by("path")


def items_between(
    *, organization: Organization, start: dt.date, end: dt.date, postponed: bool = False
) -> list[WorkItem]:
    """The committee's own items planned in the months from `start` to `end` (a quarter item counts when the whole
    quarter lies inside), in programme order. Postponed items are left out unless asked for: they are not the
    period's tasks."""
    items = WorkItem.objects.filter(organization=organization, year__gte=start.year, year__lte=end.year)
    if not postponed:
        items = items.exclude(state=State.POSTPONED)
    chosen = []
    # A quarter's own items after its months' (the order of a programme's table).
    for item in sorted(items, key=lambda i: (i.year, i.quarter_of_year, i.month or 13, i.pk)):
        if item.month:
            first = last = dt.date(item.year, item.month, 1)
        else:
            first = dt.date(item.year, 3 * item.quarter - 2, 1)
            last = dt.date(item.year, 3 * item.quarter, 1)
        if first >= start.replace(day=1) and last <= end:
            chosen.append(item)
    return chosen
