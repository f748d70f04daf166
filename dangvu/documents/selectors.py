"""Reads of the document register, limited to the organizations the user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.documents.models import Direction, Distribution, Document, Receipt
from dangvu.lib.filters import where_given
from dangvu.lib.vntext import fold
from dangvu.organizations.models import Organization


def visible_documents(*, user: User) -> QuerySet[Document]:
    if not user.is_authenticated:
        return Document.objects.none()
    return Document.objects.filter(organization_filter(user, "organization__"))


def document_years(*, user: User) -> list[int]:
    """The years of the documents the user sees, newest first: the list's choice of year."""
    return sorted(set(visible_documents(user=user).values_list("year", flat=True).distinct()), reverse=True)


@dataclass
class DocumentFilters:
    q: str = ""
    direction: str = ""
    type_code: str = ""
    year: int | None = None
    organization: Organization | None = None


def document_list(*, user: User, filters: DocumentFilters) -> QuerySet[Document]:
    qs = visible_documents(user=user)
    qs = where_given(
        qs, direction=filters.direction, type_code=filters.type_code, year=filters.year, within=filters.organization
    )
    for token in fold(filters.q).split():
        qs = qs.filter(search_text__contains=token)
    return qs.select_related("organization").order_by("-issued_on", "-number", "-pk")


def document_get(*, user: User, pk: int) -> Document:
    return visible_documents(user=user).select_related("organization", "implements").get(pk=pk)


def deleted_documents(*, user: User) -> QuerySet[Document]:
    if not user.is_authenticated or not keeps_registry(user):
        return Document.objects.none()
    return (
        Document.all_objects.deleted()
        .filter(organization_filter(user, "organization__"))
        .select_related("organization", "deleted_by")
        .order_by("-deleted_at")
    )


def deleted_document_get(*, user: User, pk: int) -> Document:
    return deleted_documents(user=user).get(pk=pk)


def received_document_choices(*, user: User) -> QuerySet[Document]:
    return visible_documents(user=user).filter(direction=Direction.RECEIVED).order_by("-issued_on", "-pk")


def documents_issued(*, organization: Organization, start: dt.date, end: dt.date) -> QuerySet[Document]:
    """The documents `organization` issued from `start` to `end` inclusive, in number order per type.

    For reports ("the documents issued in the period"); the caller has already checked that the
    organization is visible to whoever reads the report.
    """
    return (
        Document.objects.filter(
            organization=organization, direction=Direction.ISSUED, issued_on__gte=start, issued_on__lte=end
        )
        .select_related("implements")
        .order_by("issued_on", "type_code", "number")
    )


# Documents sent to members (issue 17 point 4) ------------------------------------------------------------------


def my_receipts(*, member) -> QuerySet[Receipt]:
    """The documents sent to a member, unread first, then the newest."""
    return (
        Receipt.objects.filter(member=member, document__deleted_at__isnull=True)
        .select_related("document", "distribution__sender")
        .order_by(F("read_at").asc(nulls_first=True), "-sent_on", "-pk")
    )


def my_receipt_get(*, member, document_pk: int) -> Receipt:
    """The receipt of a document sent to this member; DoesNotExist (a 404) for a document not sent to them."""
    return my_receipts(member=member).get(document_id=document_pk)


def receipt_counts(*, member) -> tuple[int, int]:
    """(documents sent to the member, of which unread), in one query."""
    counts = Receipt.objects.filter(member=member, document__deleted_at__isnull=True).aggregate(
        sent=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True))
    )
    return counts["sent"], counts["unread"]


@dataclass(frozen=True)
class ReadShare:
    organization: Organization
    sent: int
    read: int

    @property
    def pct(self):
        from dangvu.indicators.registry import percentage

        return percentage(self.read, self.sent)


def read_shares(*, user: User, document: Document) -> list[ReadShare]:
    """Per cell the document was sent to (as the members stood when it was sent): members sent, members who read
    it. Only the cells of the user's subtree."""
    rows = (
        Receipt.objects.filter(document=document)
        .filter(organization_filter(user, "organization__"))
        .values("organization_id")
        .annotate(sent=Count("pk"), read=Count("pk", filter=Q(read_at__isnull=False)))
    )
    counts = {r["organization_id"]: r for r in rows}
    organizations = Organization.objects.filter(pk__in=counts).order_by("path")
    return [ReadShare(o, counts[o.pk]["sent"], counts[o.pk]["read"]) for o in organizations]


def distributions_of(*, document: Document) -> QuerySet[Distribution]:
    return (
        document.distributions.select_related("sender", "sent_by")
        .prefetch_related("organizations")
        .order_by("-sent_at")
    )


def unread_receipts(*, user: User, document: Document) -> QuerySet[Receipt]:
    """Who was sent the document and has not read it, in the user's subtree, by cell and name."""
    return (
        Receipt.objects.filter(document=document, read_at__isnull=True)
        .filter(organization_filter(user, "organization__"))
        .select_related("member", "organization")
        .order_by("organization__path", "member__sort_key", "pk")
    )


def send_targets(*, user: User) -> QuerySet[Organization]:
    """The organizations a keeper may send documents to: the live ones of their subtree."""
    return Organization.objects.filter(
        organization_filter(user), deleted_at__isnull=True, ended_on__isnull=True
    ).order_by("path")


def latest_in_cell(*, cell: Organization):
    """The document sent last to members of the cell, with how many of them read it and were sent it (or None)."""
    receipts = Receipt.objects.filter(organization=cell, document__deleted_at__isnull=True)
    latest = receipts.select_related("document").order_by("-sent_on", "-pk").first()
    if latest is None:
        return None
    counts = receipts.filter(document=latest.document_id).aggregate(
        sent=Count("pk"), read=Count("pk", filter=Q(read_at__isnull=False))
    )
    return latest.document, counts["read"], counts["sent"]
