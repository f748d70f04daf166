"""Documents issued by the committee."""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.documents.models import Direction, Document
from dangvu.indicators.registry import Computation, Group, count_rows, figure, shared_query


@shared_query
def _issued(c: Computation) -> dict:
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


issued = partial(figure, _issued, unit=_("documents"), group=Group.ORGANIZATION)
issued(
    "total",
    code="documents.issued",
    label=_("Documents issued"),
    doc="Documents issued in the period by the organization itself (not by the organizations under it).",
    example="Tham mưu cho Ban Thường vụ và Đảng ủy khối xây dựng, ban hành các văn bản",
)
issued(
    "resolutions",
    code="documents.resolutions",
    label=_("Resolutions issued"),
    doc="Resolutions (NQ) issued in the period by the organization itself.",
)
issued(
    "plans",
    code="documents.plans",
    label=_("Plans and programmes issued"),
    doc="Plans (KH) and programmes (CTr) issued in the period by the organization itself.",
)
