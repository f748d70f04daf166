"""What documents sent to members can trigger: a document just sent, a document still unread some days later.

Audience: one occurrence per cell a distribution reached, naming the accounts of the members of that cell it was
frozen for (`Audience.NAMED`). Per cell, not per member: a distribution to the province is a few thousand
occurrences of a few dozen accounts each, read with one query in the order of the cells, so neither the
occurrences nor their recipients are ever all in memory; and the recipients are exactly the readers frozen at
sending (a member who moved in since, or who had been sent the document before, is not named), which
`Audience.CELL_MEMBERS` (the cell's members at delivery) would not give. CELL_MEMBERS and CELL_SECRETARY are offered
too: the occurrence carries the cell.
"""

import datetime as dt
from itertools import groupby

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.documents.models import Distribution, Receipt
from dangvu.notifications.triggers import Audience, Occurrence, trigger

CHUNK = 2000


def _by_cell(receipts):
    """(distribution, cell, document, account ids) per cell, from receipts read in chunks in cell order."""
    rows = receipts.order_by("distribution_id", "organization_id").values_list(
        "distribution_id",
        "organization_id",
        "document_id",
        "document__number_symbol",
        "document__subject",
        "member__account__id",
        "member__account__is_active",
    )
    for (distribution_id, cell_id), group in groupby(rows.iterator(chunk_size=CHUNK), key=lambda r: (r[0], r[1])):
        group = list(group)  # the members of one cell: tens
        accounts = tuple(sorted(r[5] for r in group if r[5] is not None and r[6]))
        yield distribution_id, cell_id, group[0][2], f"{group[0][3]} {group[0][4]}", len(group), accounts


def _alive(receipts):
    return receipts.filter(document__deleted_at__isnull=True)


def _key_parts(key: str) -> tuple[int, int]:
    # "distribution:12:cell:34[:unread]"
    parts = key.split(":")
    return int(parts[1]), int(parts[3])


def _still_sent(key: str) -> bool:
    distribution_id, _cell = _key_parts(key)
    return Distribution.objects.filter(pk=distribution_id, document__deleted_at__isnull=True).exists()


@trigger(
    "documents.sent",
    _("A document was sent to members"),
    audiences=(Audience.NAMED, Audience.CELL_MEMBERS, Audience.CELL_SECRETARY),
    still_due=_still_sent,
)
def document_sent(anchor_day: dt.date):
    """The distributions of `anchor_day`, one occurrence per cell they reached."""
    for distribution_id, cell_id, document_id, title, _count, accounts in _by_cell(
        _alive(Receipt.objects.filter(sent_on=anchor_day, distribution__sent_on=anchor_day))
    ):
        yield Occurrence(
            key=f"distribution:{distribution_id}:cell:{cell_id}",
            on=anchor_day,
            title=_("New document: %(title)s") % {"title": title},
            organization_id=cell_id,
            url=reverse("documents:my_detail", kwargs={"pk": document_id}),
            extra_recipient_ids=accounts,
        )


def _still_unread(key: str) -> bool:
    distribution_id, cell_id = _key_parts(key)
    return _alive(
        Receipt.objects.filter(distribution_id=distribution_id, organization_id=cell_id, read_at__isnull=True)
    ).exists()


@trigger(
    "documents.unread",
    _("A document sent to members is still unread"),
    audiences=(Audience.NAMED, Audience.CELL_SECRETARY, Audience.COMMITTEE),
    still_due=_still_unread,
)
def document_unread(anchor_day: dt.date):
    """Documents sent on `anchor_day` (the rule's positive offset: N days after sending) that members of a cell have
    not read yet: one occurrence per cell, naming the accounts of those who have not."""
    unread = _alive(Receipt.objects.filter(sent_on=anchor_day, distribution__sent_on=anchor_day, read_at__isnull=True))
    for distribution_id, cell_id, document_id, title, count, accounts in _by_cell(unread):
        yield Occurrence(
            key=f"distribution:{distribution_id}:cell:{cell_id}:unread",
            on=anchor_day,
            title=_("Not read yet: %(title)s") % {"title": title},
            organization_id=cell_id,
            body=_("Sent on %(date)s; %(count)s members of the cell have not read it.")
            % {"date": f"{anchor_day:%d/%m/%Y}", "count": count},
            url=reverse("documents:my_detail", kwargs={"pk": document_id}),
            extra_recipient_ids=accounts,
        )
