"""Organization indicators: counts of the tree as it stood on the last day, and its changes in the period."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator
from dangvu.organizations.models import Organization, OrganizationEvent, OrganizationEventKind, OrganizationKind

G = Group.ORGANIZATION
ENDING_KINDS = (OrganizationEventKind.DISSOLVED, OrganizationEventKind.MERGED_INTO, OrganizationEventKind.HANDED_OVER)


def _tree(c: Computation) -> dict[str, int]:
    def build():
        orgs = Organization.objects.filter(deleted_at__isnull=True, founded_on__lte=c.end).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=c.end)
        )
        if c.path:
            orgs = orgs.filter(path__startswith=c.path).exclude(path=c.path)
        return orgs.aggregate(
            base_party_committees=count_rows(Q(kind=OrganizationKind.BASE_PARTY_COMMITTEE)),
            base_cells=count_rows(Q(kind=OrganizationKind.BASE_CELL)),
            sub_committees=count_rows(Q(kind=OrganizationKind.SUB_COMMITTEE)),
            cells=count_rows(Q(kind=OrganizationKind.CELL)),
        )

    return c.shared("tree", build)


def _changes(c: Computation) -> dict[str, int]:
    def build():
        events = OrganizationEvent.objects.filter(on__gte=c.start, on__lte=c.end)
        if c.path:
            events = events.filter(organization__path__startswith=c.path).exclude(organization__path=c.path)
        return events.aggregate(
            founded=count_rows(
                Q(
                    kind__in=[
                        OrganizationEventKind.FOUNDED,
                        OrganizationEventKind.SPLIT_FROM,
                        OrganizationEventKind.RECEIVED,
                    ]
                ),
            ),
            ended=count_rows(Q(kind__in=ENDING_KINDS)),
            renamed=count_rows(Q(kind=OrganizationEventKind.RENAMED)),
        )

    return c.shared("org_changes", build)


@indicator(
    code="organizations.base_total",
    label=_("Base party organizations"),
    unit=_("organizations"),
    group=G,
    as_of_end=True,
    example="Đảng bộ Khối có 78 tổ chức cơ sở đảng",
)
def base_total(c):
    """Base organizations (base party committees and base cells) under the organization on the last day."""
    tree = _tree(c)
    return tree["base_party_committees"] + tree["base_cells"]


@indicator(
    code="organizations.base_party_committees",
    label=_("Base party committees"),
    unit=_("organizations"),
    group=G,
    as_of_end=True,
)
def base_party_committees(c):
    """Base party committees (đảng bộ cơ sở) under the organization on the last day."""
    return _tree(c)["base_party_committees"]


@indicator(code="organizations.base_cells", label=_("Base cells"), unit=_("organizations"), group=G, as_of_end=True)
def base_cells(c):
    """Base cells (chi bộ cơ sở) under the organization on the last day."""
    return _tree(c)["base_cells"]


@indicator(
    code="organizations.sub_committees", label=_("Sub-committees"), unit=_("organizations"), group=G, as_of_end=True
)
def sub_committees(c):
    """Sub-committees (đảng bộ bộ phận) under the organization on the last day."""
    return _tree(c)["sub_committees"]


@indicator(
    code="organizations.cells_total",
    label=_("Cells under base party committees"),
    unit=_("organizations"),
    group=G,
    as_of_end=True,
    example="... chi bộ trực thuộc",
)
def cells_total(c):
    """Cells (chi bộ trực thuộc) under the organization on the last day."""
    return _tree(c)["cells"]


@indicator(
    code="organizations.founded",
    label=_("Organizations founded"),
    unit=_("organizations"),
    group=G,
    example="toàn tỉnh đã phát triển 07 tổ chức cơ sở đảng",
)
def founded(c):
    """Organizations under the organization founded, split off or received in the period."""
    return _changes(c)["founded"]


@indicator(
    code="organizations.ended",
    label=_("Organizations dissolved, merged or handed over"),
    unit=_("organizations"),
    group=G,
)
def ended(c):
    """Organizations under the organization dissolved, merged into another or handed over in the period."""
    return _changes(c)["ended"]
