"""Exports of what a list screen shows, as XLSX (the register layout) or CSV, in the house style.

XLSX cells hold real dates shown dd/mm/yyyy and numbers grouped the Vietnamese way; CSV is
UTF-8 with a byte-order mark (so Excel reads the diacritics) and writes dates dd/mm/yyyy and
counts as 7.261. Text that a spreadsheet would run as a formula is written with a leading
quote, which the importer strips, so an export re-imports cleanly.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from exchange.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS, Column
from lib.dates import format_place_date
from lib.numbers import format_int
from members.models import EventKind, Member, MemberEvent, Sex, Status, TheoryLevel
from organizations.models import HostUnitType, OrganizationKind

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 5_000


def member_columns(*, sensitive: bool) -> list[Column]:
    return [c for c in MEMBER_COLUMNS if sensitive or not c.sensitive]


def member_rows(members: QuerySet[Member], *, sensitive: bool) -> Iterator[dict]:
    """One dict per member in the register layout, reading the joining events in one query per chunk."""
    sexes, levels, statuses = dict(Sex.choices), dict(TheoryLevel.choices), dict(Status.choices)
    number = 0
    ids = list(members.values_list("pk", flat=True))
    order = {pk: i for i, pk in enumerate(ids)}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        people = sorted(
            Member.objects.filter(pk__in=chunk).select_related("last_organization"), key=lambda m: order[m.pk]
        )
        joining: dict[int, dict[str, MemberEvent]] = {}
        for event in (
            MemberEvent.objects.filter(
                member_id__in=chunk, kind__in=(EventKind.ADMITTED, EventKind.MADE_FULL, EventKind.TRANSFERRED_IN)
            )
            .only(
                "member_id",
                "kind",
                "on",
                "organization_id",
                "external_place",
                "document_no",
                "cell_resolution_on",
                "ceremony_on",
            )
            .order_by("on", "id")
        ):
            joining.setdefault(event.member_id, {}).setdefault(event.kind, event)
        for member in people:
            number += 1
            events = joining.get(member.pk, {})
            admitted = events.get(EventKind.ADMITTED)
            full = events.get(EventKind.MADE_FULL)
            elsewhere = admitted is not None and admitted.organization_id is None
            arrival = events.get(EventKind.TRANSFERRED_IN) if elsewhere else None
            cell = member.last_organization
            row = {
                "row_no": number,
                "full_name": member.full_name,
                "aliases": member.aliases,
                "sex": str(sexes.get(member.sex, member.sex)),
                "date_of_birth": member.date_of_birth,
                "hometown": member.hometown,
                "place_of_birth": member.place_of_birth,
                "permanent_address": member.permanent_address,
                "temporary_address": member.temporary_address,
                "general_education": member.general_education,
                "professional_qualification": member.professional_qualification,
                "political_theory_level": str(levels.get(member.political_theory_level, "")),
                "foreign_language": member.foreign_language,
                "occupation_now": member.occupation_now,
                "position": member.position,
                "card_number": member.card_number or "",
                "cv_number": member.cv_number or "",
                "national_id": member.national_id or "",
                "phone": member.phone,
                "organization": cell.code if cell else "",
                "organization_name": cell.name if cell else "",
                "admitted_on": admitted.on if admitted else None,
                "admission_document_no": admitted.document_no if admitted else "",
                "cell_resolution_on": admitted.cell_resolution_on if admitted else None,
                "ceremony_on": admitted.ceremony_on if admitted else None,
                "admitted_elsewhere": admitted.external_place if elsewhere else "",
                "arrived_on": arrival.on if arrival else None,
                "arrival_document_no": arrival.document_no if arrival else "",
                "made_full_on": full.on if full else None,
                "full_document_no": full.document_no if full else "",
                "status": str(statuses.get(member.status, member.status)),
            }
            if sensitive:
                row["ethnicity"] = member.ethnicity
                row["religion"] = member.religion
            yield row


def organization_columns() -> list[Column]:
    return list(ORGANIZATION_COLUMNS)


def organization_rows(tree_rows: Iterable, parents: dict[int, str]) -> Iterator[dict]:
    kinds, hosts = dict(OrganizationKind.choices), dict(HostUnitType.choices)
    for row in tree_rows:
        org = row.organization
        yield {
            "code": org.code,
            "name": getattr(row, "name_then", None) or org.name,
            "short_name": org.short_name,
            "kind": str(kinds.get(org.kind, org.kind)),
            "parent": parents.get(org.pk, ""),
            "founded_on": org.founded_on,
            "host_unit_type": str(hosts.get(org.host_unit_type, "")),
            "host_unit_name": org.host_unit_name,
            "ended_on": org.ended_on,
            "members": row.members,
            "probationary": row.probationary,
        }


# --- Writers ------------------------------------------------------------------------------------


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(out, columns: list[Column], rows: Iterable[dict]) -> None:
    """CSV for Excel: UTF-8 with BOM, Vietnamese headers, dates dd/mm/yyyy, counts 7.261."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([c.label for c in columns])
    for row in rows:
        writer.writerow([_csv_value(row.get(c.key), c) for c in columns])
    text.flush()
    text.detach()


def _csv_value(value, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value) if column.key != "row_no" else str(value)
    return _safe_text(str(value))


def write_xlsx(out, columns: list[Column], rows: Iterable[dict], *, title: str, subtitle: str = "") -> None:
    """A write-only workbook in the register layout: title, subtitle, one header row, then the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("List")[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A5"
    bold = Font(bold=True)
    title_cell = WriteOnlyCell(sheet, value=title)
    title_cell.font = Font(bold=True, size=14)
    sheet.append([title_cell])
    sheet.append([subtitle or format_place_date(timezone.localdate())])
    sheet.append([])
    thin = Side(style="thin", color="999999")
    headers = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.fill = PatternFill("solid", fgColor="F2E6D0")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        headers.append(cell)
    sheet.append(headers)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column.key)
            cell = WriteOnlyCell(sheet, value=None)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
                cell.number_format = "#,##0" if column.key != "row_no" else "0"
            elif value not in (None, ""):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    workbook.save(out)


def member_title() -> str:
    return _("LIST OF PARTY MEMBERS (register, form 7-HSĐV)")


def organization_title() -> str:
    return _("LIST OF PARTY ORGANIZATIONS")


def export_members_bytes(members, *, fmt: str, sensitive: bool) -> bytes:
    columns = member_columns(sensitive=sensitive)
    rows = member_rows(members, sensitive=sensitive)
    out = io.BytesIO()
    if fmt == "csv":
        write_csv(out, columns, rows)
    else:
        write_xlsx(out, columns, rows, title=member_title())
    return out.getvalue()
