"""Documents issued by the committee, and the read share of those sent to members.

`portal.documents_read_pct` is a rate of the registry: when nothing was sent in the period its denominator
`portal.documents_expected` is 0 and, as for every rate, the registry gives 0,00; screens and reports read a zero
denominator as "no data" (nothing was sent), not as "nobody read". `read_share()` gives None in that case.
"""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.documents.models import Direction, Document, Receipt
from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query


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


# Read receipts of the documents sent to members (issue 17 point 4).


@shared_query
def _receipts(c: Computation) -> dict:
    receipts = Receipt.objects.filter(sent_on__gte=c.start, sent_on__lte=c.end).filter(c.in_subtree())
    return receipts.aggregate(expected=count_rows(), read=count_rows(Q(read_at__isnull=False)))


receipts = partial(figure, _receipts, unit=_("members"), group=Group.ORGANIZATION)
receipts(
    "expected",
    code="portal.documents_expected",
    label=_("Document receipts expected"),
    doc="Receipts expected: for each document sent to members in the period, the members it was sent to (the full "
    "and probationary members of the chosen organizations on the day it was sent) whose cell then lay in the "
    "subtree. A member sent two documents counts twice. This is the denominator of the read share.",
)
receipts(
    "read",
    code="portal.documents_read",
    label=_("Document receipts read"),
    doc="Of the receipts expected for documents sent in the period, those the member has marked as read (by now).",
)
rate(
    code="portal.documents_read_pct",
    label=_("Share of documents sent to members that were read"),
    numerator="portal.documents_read",
    denominator="portal.documents_expected",
    group=Group.ORGANIZATION,
    example="đảng viên đọc văn bản, tài liệu trên Sổ tay đảng viên",
)


def read_share(*, organization, start, end):
    """The read share of the documents sent in the period to members of the subtree, or None when nothing was
    sent (no data, not 0)."""
    from dangvu.indicators.registry import compute

    codes = ["portal.documents_read_pct", "portal.documents_expected"]
    values = compute(organization=organization, start=start, end=end, codes=codes)
    return values["portal.documents_read_pct"] if values["portal.documents_expected"] else None
