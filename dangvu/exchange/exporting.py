"""Exports of what a list screen shows, as XLSX (the register layout) or CSV, in the house style.

XLSX cells hold real dates shown dd/mm/yyyy and numbers grouped the Vietnamese way; CSV is
UTF-8 with a byte-order mark (so Excel reads the diacritics) and writes dates dd/mm/yyyy and
counts as 7.261. Text that a spreadsheet would run as a formula is written with a leading
quote, which the importer strips, so an export re-imports cleanly.
"""

import io
from collections.abc import Iterable, Iterator
from operator import itemgetter

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from dangvu.exchange.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS, Column
from dangvu.lib.screens import Export, ExportColumn
from dangvu.lib.spreadsheets import write_csv, write_xlsx
from dangvu.members.models import EventKind, Member, MemberEvent, Sex, Status, TheoryLevel
from dangvu.members.services import PERSONAL_FIELDS
from dangvu.organizations.models import HostUnitType, OrganizationKind

CHUNK = 5_000


def member_columns(*, sensitive: bool) -> list[Column]:
    return [c for c in MEMBER_COLUMNS if sensitive or not c.sensitive]


# The personal record as the services keep it, less what the register does not print.
UNPRINTED = (
    "birth_name",
    "occupation_before",
    "in_armed_forces",
    "retired",
    "photo",
    "family_background",
    "political_history_notes",
)
MEMBER_VALUES = (
    "pk",
    "status",
    "last_organization__code",
    "last_organization__name",
    *(f for f in PERSONAL_FIELDS if f not in UNPRINTED),
)
EVENT_VALUES = ("member_id", "kind", "on", "organization_id", "external_place", "document_no", "cell_resolution_on")
JOINING_KINDS = (EventKind.ADMITTED, EventKind.MADE_FULL, EventKind.TRANSFERRED_IN)


def member_rows(members: QuerySet[Member], *, sensitive: bool) -> Iterator[dict]:
    """One dict per member in the register layout; per chunk of members one query for them, one for their events."""
    sexes = {k: str(v) for k, v in Sex.choices}
    levels = {k: str(v) for k, v in TheoryLevel.choices}
    statuses = {k: str(v) for k, v in Status.choices}
    # Two queries whatever the size: the joining events of the listed members, then the members in list order.
    joining: dict[int, dict[str, tuple]] = {}
    events = (
        MemberEvent.objects.filter(kind__in=JOINING_KINDS, member_id__in=members.values("pk"))
        .order_by("member_id", "on", "id")
        .values_list(*EVENT_VALUES, "ceremony_on")
    )
    for event in events.iterator(chunk_size=CHUNK):
        joining.setdefault(event[0], {}).setdefault(event[1], event)
    number = 0
    for m in members.values(*MEMBER_VALUES).iterator(chunk_size=CHUNK):
        pk = m["pk"]
        number += 1
        found = joining.get(pk, {})
        admitted = found.get(EventKind.ADMITTED)
        full = found.get(EventKind.MADE_FULL)
        elsewhere = admitted is not None and admitted[3] is None
        arrival = found.get(EventKind.TRANSFERRED_IN) if elsewhere else None
        row = {
            "row_no": number,
            "full_name": m["full_name"],
            "aliases": m["aliases"],
            "sex": sexes.get(m["sex"], m["sex"]),
            "date_of_birth": m["date_of_birth"],
            "hometown": m["hometown"],
            "place_of_birth": m["place_of_birth"],
            "permanent_address": m["permanent_address"],
            "temporary_address": m["temporary_address"],
            "general_education": m["general_education"],
            "professional_qualification": m["professional_qualification"],
            "political_theory_level": levels.get(m["political_theory_level"], ""),
            "foreign_language": m["foreign_language"],
            "occupation_now": m["occupation_now"],
            "position": m["position"],
            "card_number": m["card_number"] or "",
            "cv_number": m["cv_number"] or "",
            "national_id": m["national_id"] or "",
            "phone": m["phone"],
            "organization": m["last_organization__code"] or "",
            "organization_name": m["last_organization__name"] or "",
            "admitted_on": admitted[2] if admitted else None,
            "admission_document_no": admitted[5] if admitted else "",
            "cell_resolution_on": admitted[6] if admitted else None,
            "ceremony_on": admitted[7] if admitted else None,
            "admitted_elsewhere": admitted[4] if elsewhere else "",
            "arrived_on": arrival[2] if arrival else None,
            "arrival_document_no": arrival[5] if arrival else "",
            "made_full_on": full[2] if full else None,
            "full_document_no": full[5] if full else "",
            "status": statuses.get(m["status"], m["status"]),
        }
        if sensitive:
            row["ethnicity"] = m["ethnicity"]
            row["religion"] = m["religion"]
        yield row


def organization_columns() -> list[Column]:
    return list(ORGANIZATION_COLUMNS)


def organization_rows(tree_rows: Iterable) -> Iterator[dict]:
    """organizations.selectors.organization_tree's rows in the register layout."""
    kinds, hosts = dict(OrganizationKind.choices), dict(HostUnitType.choices)
    for row in tree_rows:
        org = row.organization
        yield {
            "code": org.code,
            "name": row.name or org.name,
            "short_name": org.short_name,
            "kind": str(kinds.get(org.kind, org.kind)),
            "parent": row.parent_code,
            "founded_on": org.founded_on,
            "host_unit_type": str(hosts.get(org.host_unit_type, "")),
            "host_unit_name": org.host_unit_name,
            "ended_on": org.ended_on,
            "members": row.members,
            "probationary": row.probationary,
        }


def member_list_export() -> Export:
    """The member list's export (lib.screens): the register's columns and rows, the sensitive ones only for
    those allowed to see them (and then logged), whatever ids the list's filters select."""
    return Export(
        title=member_title(),
        filename=_("party-members"),
        columns=tuple(
            ExportColumn(c.key, c.header, value=itemgetter(c.key), width=c.width, sensitive=c.sensitive)
            for c in MEMBER_COLUMNS
        ),
        read=lambda ids: member_rows(ids, sensitive=True),
    )


def member_title() -> str:
    return _("LIST OF PARTY MEMBERS (register, form 7-HSĐV)")


def organization_title() -> str:
    return _("LIST OF PARTY ORGANIZATIONS")


def export_members_bytes(members, *, fmt: str, sensitive: bool) -> bytes:
    return _export_members(members, fmt=fmt, sensitive=sensitive)[0]


def _export_members(members, *, fmt: str, sensitive: bool) -> tuple[bytes, int]:
    columns = member_columns(sensitive=sensitive)
    counted = [0]

    def rows():
        for row in member_rows(members, sensitive=sensitive):
            counted[0] += 1
            yield row

    out = io.BytesIO()
    if fmt == "csv":
        write_csv(out, columns, rows())
    else:
        write_xlsx(out, columns, rows(), title=member_title())
    return out.getvalue(), counted[0]


def export_members_for(*, user, members, fmt: str, scope: str = "", organization=None) -> bytes:
    """The member export as `user` may have it: the sensitive columns only for roles allowed to see them, and
    then one row in the access log with the number of members exported and the filters (`scope`) used.

    `user` None is the command line without --user: the whole registry, sensitive columns included, logged.
    """
    from dangvu.accounts.models import Purpose
    from dangvu.accounts.services import sensitive_access_log, shows_sensitive

    sensitive = user is None or shows_sensitive(user)
    data, count = _export_members(members, fmt=fmt, sensitive=sensitive)
    if sensitive:
        sensitive_access_log(
            user=user,
            purpose=Purpose.EXPORT,
            fields=[c.key for c in MEMBER_COLUMNS if c.sensitive],
            count=count,
            scope=f"format={fmt}&{scope}" if scope else f"format={fmt}",
            organization=organization,
        )
    return data
