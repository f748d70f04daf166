"""Organization indicators: counts of the tree as it stood on the last day, and its changes in the period."""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, shared_query
from dangvu.organizations.models import OrganizationEvent, OrganizationEventKind, OrganizationKind

ENDING_KINDS = (OrganizationEventKind.DISSOLVED, OrganizationEventKind.MERGED_INTO, OrganizationEventKind.HANDED_OVER)
FOUNDING_KINDS = (OrganizationEventKind.FOUNDED, OrganizationEventKind.SPLIT_FROM, OrganizationEventKind.RECEIVED)


@shared_query
def _tree(c: Computation) -> dict[str, int]:
    orgs = c.organizations_at_end()
    if c.path:
        orgs = orgs.exclude(path=c.path)
    counts = orgs.aggregate(
        base_party_committees=count_rows(Q(kind=OrganizationKind.BASE_PARTY_COMMITTEE)),
        base_cells=count_rows(Q(kind=OrganizationKind.BASE_CELL)),
        sub_committees=count_rows(Q(kind=OrganizationKind.SUB_COMMITTEE)),
        cells=count_rows(Q(kind=OrganizationKind.CELL)),
    )
    return counts | {"base_total": counts["base_party_committees"] + counts["base_cells"]}


@shared_query
def _changes(c: Computation) -> dict[str, int]:
    events = OrganizationEvent.objects.filter(on__gte=c.start, on__lte=c.end)
    if c.path:
        events = events.filter(organization__path__startswith=c.path).exclude(organization__path=c.path)
    return events.aggregate(
        founded=count_rows(Q(kind__in=list(FOUNDING_KINDS))),
        ended=count_rows(Q(kind__in=ENDING_KINDS)),
        renamed=count_rows(Q(kind=OrganizationEventKind.RENAMED)),
    )


tree = partial(figure, _tree, unit=_("organizations"), group=Group.ORGANIZATION, as_of_end=True)
tree(
    "base_total",
    code="organizations.base_total",
    label=_("Base party organizations"),
    doc="Base organizations (base party committees and base cells) under the organization on the last day.",
    example="Đảng bộ Khối có 78 tổ chức cơ sở đảng",
)
tree(
    "base_party_committees",
    code="organizations.base_party_committees",
    label=_("Base party committees"),
    doc="Base party committees (đảng bộ cơ sở) under the organization on the last day.",
)
tree(
    "base_cells",
    code="organizations.base_cells",
    label=_("Base cells"),
    doc="Base cells (chi bộ cơ sở) under the organization on the last day.",
)
tree(
    "sub_committees",
    code="organizations.sub_committees",
    label=_("Sub-committees"),
    doc="Sub-committees (đảng bộ bộ phận) under the organization on the last day.",
)
tree(
    "cells",
    code="organizations.cells_total",
    label=_("Cells under base party committees"),
    doc="Cells (chi bộ trực thuộc) under the organization on the last day.",
    example="... chi bộ trực thuộc",
)

changes = partial(figure, _changes, unit=_("organizations"), group=Group.ORGANIZATION)
changes(
    "founded",
    code="organizations.founded",
    label=_("Organizations founded"),
    doc="Organizations under the organization founded, split off or received in the period.",
    example="toàn tỉnh đã phát triển 07 tổ chức cơ sở đảng",
)
changes(
    "ended",
    code="organizations.ended",
    label=_("Organizations dissolved, merged or handed over"),
    doc="Organizations under the organization dissolved, merged into another or handed over in the period.",
)
