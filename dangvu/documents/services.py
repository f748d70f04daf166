"""Writes to the document register. Numbers are taken under a row lock, so two users never share one."""

import datetime as dt
import os

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.documents.models import Direction, Distribution, Document, IssuerSymbol, NumberCounter, Receipt
from dangvu.documents.rules import ALLOWED_EXTENSIONS, BY_CODE, MAGIC, MAX_FILE_BYTES, format_number
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.numbers import format_int
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.untrusted_files import FileRefused, inspect_image, inspect_zip
from dangvu.notifications.triggers import run_now
from dangvu.organizations.models import Organization

EDITABLE_FIELDS = ("subject", "signer", "implements", "implements_text", "sender", "received_on")


def issuer_symbol(organization: Organization) -> str:
    """The configured symbol, else the short name, else the code (e.g. "ĐUK")."""
    configured = IssuerSymbol.objects.filter(organization=organization).values_list("symbol", flat=True).first()
    return configured or organization.short_name or organization.code


@transaction.atomic
def issuer_symbol_set(*, organization: Organization, symbol: str, by: User | None) -> IssuerSymbol:
    symbol = (symbol or "").strip()
    if not symbol or "/" in symbol or " " in symbol or len(symbol) > 16:
        raise refuse("symbol", _("The symbol is 1 to 16 characters with no space or slash, e.g. ĐUK (HD 36 §1.3)."))
    record, _created = IssuerSymbol.objects.get_or_create(organization=organization, defaults={"symbol": symbol})
    record.symbol = symbol
    record._history_user = by
    record.save()
    return record


def validate_file(upload) -> None:
    """Refuse files of a kind a party office does not keep, files too big, and files whose content lies."""
    if upload is None:
        return
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise refuse(
            "file",
            _("Only %(kinds)s files are accepted.") % {"kinds": ", ".join(sorted(e[1:] for e in ALLOWED_EXTENSIONS))},
        )
    if upload.size > MAX_FILE_BYTES:
        raise refuse(
            "file",
            _("The file is %(size)s bytes; the limit is %(limit)s bytes.")
            % {"size": format_int(upload.size), "limit": format_int(MAX_FILE_BYTES)},
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in MAGIC[extension]):
        raise refuse("file", _("The file's content is not a %(kind)s file.") % {"kind": extension[1:]})
    # Nothing here parses an attachment, but users' programs will: a zip bomb or a giant image is refused.
    try:
        if extension in (".docx", ".odt"):
            inspect_zip(upload)
        elif extension in (".jpg", ".jpeg", ".png"):
            inspect_image(upload)
    except FileRefused as refused:
        raise refuse("file", refused.message) from refused
    finally:
        upload.seek(0)


def _validate_common(document: Document, *, today: dt.date) -> None:
    if document.type_code not in BY_CODE:
        raise refuse("type_code", _("Choose a document type from the list (HD 36-HD/VPTW 2018)."))
    if not document.subject.strip():
        raise refuse("subject", _("Enter the subject line."))
    if document.issued_on > today:
        raise refuse("issued_on", _("The date %(date)s is in the future.") % {"date": format_short(document.issued_on)})
    kind = BY_CODE[document.type_code]
    if not kind.in_force(document.issued_on):
        raise refuse(
            "type_code",
            _("The type %(code)s is not in use on %(date)s.")
            % {"code": kind.code, "date": format_short(document.issued_on)},
        )
    if document.implements_id and document.implements.direction != Direction.RECEIVED:
        raise refuse("implements", _("A document implements a received document of a higher level."))
    if document.implements_id and document.implements.issued_on > document.issued_on:
        raise refuse("implements", _("The implemented document is dated after this one."))


def _next_number(organization: Organization, type_code: str, year: int) -> int:
    """Take the next number under a row lock; the counter row is created once, then always locked."""
    try:
        with transaction.atomic():
            NumberCounter.objects.get_or_create(organization=organization, type_code=type_code, year=year)
    except IntegrityError:
        pass  # another user created the row at the same moment; it exists now
    counter = NumberCounter.objects.select_for_update().get(organization=organization, type_code=type_code, year=year)
    highest = (
        Document.all_objects.filter(
            organization=organization, direction=Direction.ISSUED, type_code=type_code, year=year
        )
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    counter.last_number = max(counter.last_number, highest or 0) + 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _document(direction, organization, type_code, issued_on, subject, signer, **fields) -> Document:
    return Document(
        direction=direction,
        organization=organization,
        type_code=type_code,
        issued_on=issued_on,
        year=issued_on.year if issued_on else 0,
        subject=(subject or "").strip(),
        signer=(signer or "").strip(),
        **fields,
    )


def _save(document: Document, *, file, by: User | None) -> Document:
    if file is not None:
        document.file = file
    document._history_user = by
    document.save()
    return document


@transaction.atomic
def document_issue(
    *,
    organization: Organization,
    type_code: str,
    issued_on: dt.date,
    subject: str,
    by: User | None,
    signer: str = "",
    file=None,
    implements: Document | None = None,
    implements_text: str = "",
    today: dt.date | None = None,
) -> Document:
    """Register a document issued by `organization`: it gets the next number of its type and year."""
    today = today or timezone.localdate()
    document = _document(
        Direction.ISSUED,
        organization,
        type_code,
        issued_on,
        subject,
        signer,
        implements=implements,
        implements_text=(implements_text or "").strip(),
    )
    if not issued_on:
        raise refuse("issued_on", _("Enter the date issued."))
    _validate_common(document, today=today)
    validate_file(file)
    document.number = _next_number(organization, type_code, issued_on.year)
    document.number_symbol = format_number(document.number, type_code, issuer_symbol(organization))
    return _save(document, file=file, by=by)


@transaction.atomic
def document_receive(
    *,
    organization: Organization,
    type_code: str,
    number_symbol: str,
    issued_on: dt.date,
    received_on: dt.date,
    sender: str,
    subject: str,
    by: User | None,
    signer: str = "",
    file=None,
    today: dt.date | None = None,
) -> Document:
    """Register a document received by `organization` (its number is the sender's)."""
    today = today or timezone.localdate()
    document = _document(
        Direction.RECEIVED,
        organization,
        type_code,
        issued_on,
        subject,
        signer,
        number_symbol=(number_symbol or "").strip(),
        received_on=received_on,
        sender=(sender or "").strip(),
    )
    if not issued_on:
        raise refuse("issued_on", _("Enter the date issued."))
    _validate_common(document, today=today)
    if not document.number_symbol:
        raise refuse("number_symbol", _("Enter the number and symbol as written on the document, e.g. 22-NQ/TU."))
    if f"-{type_code}/" not in document.number_symbol:
        raise refuse(
            "number_symbol",
            _("The number %(number)s does not carry the type %(code)s (HD 36: number-TYPE/BODY).")
            % {"number": document.number_symbol, "code": type_code},
        )
    if not document.sender:
        raise refuse("sender", _("Enter the body that issued the document."))
    if received_on is None:
        raise refuse("received_on", _("Enter the date received."))
    if received_on < issued_on:
        raise refuse("received_on", _("A document cannot be received before it is issued."))
    if received_on > today:
        raise refuse("received_on", _("The date %(date)s is in the future.") % {"date": format_short(received_on)})
    validate_file(file)
    return _save(document, file=file, by=by)


@transaction.atomic
def document_update(*, document: Document, by: User | None, data: dict, file=None, today: dt.date | None = None):
    """Correct the subject, signer, reference or file. Type, number and date stay: the number is taken."""
    today = today or timezone.localdate()
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    document = Document.objects.select_for_update().get(pk=document.pk)
    for name, value in data.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    if document.implements_id == document.pk:
        raise refuse("implements", _("A document cannot implement itself."))
    _validate_common(document, today=today)
    if document.direction == Direction.RECEIVED and document.received_on and document.received_on < document.issued_on:
        raise refuse("received_on", _("A document cannot be received before it is issued."))
    validate_file(file)
    return _save(document, file=file, by=by)


def document_delete(*, document: Document, by: User | None) -> None:
    """Soft delete; the number stays taken so it is never given twice."""
    soft_delete(document, by=by, check=_not_implemented)


def _not_implemented(document: Document) -> None:
    if document.implemented_by.exists():
        raise refuse("implements", _("Documents issued to implement this one refer to it; change them first."))


def document_restore(*, document: Document, by: User | None) -> None:
    restore(document, by=by)


# Documents sent to members, and their read receipts (issue 17 point 4) ----------------------------------------


def _readers(organizations: list[Organization], include_subtree: bool):
    """The live full and probationary members of the organizations (and of those under them) today."""
    from dangvu.members.models import ACTIVE_STATUSES, Member

    if include_subtree:
        where = Q()
        for organization in organizations:
            where |= Q(organization__path__startswith=organization.path)
    else:
        where = Q(organization__in=organizations)
    return Member.objects.filter(where, status__in=ACTIVE_STATUSES, organization__isnull=False)


def _freeze_readers(distribution: Distribution, readers) -> None:
    """One receipt per reader, written by the database from the members' query (INSERT … SELECT): 60,000 members
    are one statement, none of them read into Python. A member the document already reached is skipped (ON
    CONFLICT DO NOTHING on the one-receipt-per-document-and-member constraint; SQLite and PostgreSQL both)."""
    select, params = readers.order_by().values(reader=F("pk"), cell=F("organization_id")).query.sql_with_params()
    # A date in the select list is untyped for PostgreSQL: cast it there (a CAST would turn it into a number in SQLite).
    day = "CAST(%s AS date)" if connection.vendor == "postgresql" else "%s"
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(Receipt._meta.db_table)} "
        "(document_id, distribution_id, member_id, organization_id, sent_on, read_at) "
        f"SELECT %s, %s, readers.reader, readers.cell, {day}, NULL FROM ({select}) readers WHERE 1 = 1 "
        "ON CONFLICT DO NOTHING"
    )
    sent_on = connection.ops.adapt_datefield_value(distribution.sent_on)
    with connection.cursor() as cursor:
        cursor.execute(sql, [distribution.document_id, distribution.pk, sent_on, *params])


@transaction.atomic
def document_send(
    *,
    document: Document,
    organizations,
    include_subtree: bool,
    sender: Organization,
    by: User | None,
    today: dt.date | None = None,
) -> Distribution:
    """Send `document` to the members of `organizations`: the readers are frozen now, one receipt each. A member the
    document already reached (an earlier distribution) keeps their receipt and is not counted again."""
    organizations = list(organizations)
    if not organizations:
        raise refuse("organizations", _("Choose at least one organization to send the document to."))
    if document.deleted_at is not None:
        raise refuse("document", _("A deleted document cannot be sent."))
    readers = _readers(organizations, include_subtree)
    if not readers.exists():
        raise refuse(
            "organizations",
            _(
                "No full or probationary member belongs to the chosen organizations (for a base organization, include "
                "the organizations under it)."
            ),
        )
    today = today or timezone.localdate()
    distribution = Distribution.objects.create(
        document=document, sender=sender, include_subtree=include_subtree, sent_on=today, sent_by=by
    )
    distribution.organizations.set(organizations)
    _freeze_readers(distribution, readers)
    distribution.readers = distribution.receipts.count()
    distribution.save(update_fields=["readers"])
    transaction.on_commit(lambda: run_now("documents.sent", on=today))
    return distribution


def receipt_mark_read(*, receipt: Receipt, when=None) -> Receipt:
    """The member says they read the document: the first time counts, later taps change nothing."""
    if receipt.read_at is None:
        when = when or timezone.now()
        updated = Receipt.objects.filter(pk=receipt.pk, read_at__isnull=True).update(read_at=when)
        if updated:
            receipt.read_at = when
        else:
            receipt.refresh_from_db(fields=["read_at"])
    return receipt
