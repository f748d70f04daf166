"""Reads of the document register, limited to the organizations the user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.documents.models import Direction, Document
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
