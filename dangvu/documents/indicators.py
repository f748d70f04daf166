"""Documents issued by the committee."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.documents.models import Direction, Document
from dangvu.indicators.registry import Computation, Group, count_rows, indicator

G = Group.ORGANIZATION


def _issued(c: Computation) -> dict:
    def build():
        docs = Document.objects.filter(
            direction=Direction.ISSUED,
            organization=c.organization,
            deleted_at__isnull=True,
            issued_on__gte=c.start,
            issued_on__lte=c.end,
        )
        return docs.aggregate(
            total=count_rows(),
            resolutions=count_rows(Q(type_code="NQ")),
            plans=count_rows(Q(type_code__in=["KH", "CTr"])),
        )

    return c.shared("documents_issued", build)


@indicator(
    code="documents.issued",
    label=_("Documents issued"),
    unit=_("documents"),
    group=G,
    example="Tham mưu cho Ban Thường vụ và Đảng ủy khối xây dựng, ban hành các văn bản",
)
def issued(c):
    """Documents issued in the period by the organization itself (not by the organizations under it)."""
    return _issued(c)["total"]


@indicator(code="documents.resolutions", label=_("Resolutions issued"), unit=_("documents"), group=G)
def resolutions(c):
    """Resolutions (NQ) issued in the period by the organization itself."""
    return _issued(c)["resolutions"]


@indicator(code="documents.plans", label=_("Plans and programmes issued"), unit=_("documents"), group=G)
def plans(c):
    """Plans (KH) and programmes (CTr) issued in the period by the organization itself."""
    return _issued(c)["plans"]
