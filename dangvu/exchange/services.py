"""Imports of organizations and members: check every row, then write all of them or none.

A dry run and a commit go through the same checks; the commit writes only when no row is bad,
inside one transaction. Members are matched on the party card number, then the national ID,
then the CV number (a member with none of them on the name and date of birth), so importing
the same file twice changes nothing.

New members are written the way the demo seeder writes them (`members.timeline.build_timeline`,
`apply_personal_derivations`, `apply_timeline`, bulk inserts with their history rows), after
the checks `members.services.member_create` makes: the event's own fields, the cell in scope
and alive, uniqueness, and the replay of the history (age at admission, order of events).
Changes to an existing member's personal record go through `members.services.member_update`.
Organizations go through `organizations.services.organization_found`.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dangvu.accounts.access import scope_root_path
from dangvu.accounts.models import User
from dangvu.exchange.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS, Column, header_key, header_lookup
from dangvu.exchange.reading import FileProblem, Formula, Table
from dangvu.lib import bulk
from dangvu.lib.dates import format_short
from dangvu.lib.numbers import format_int
from dangvu.lib.vntext import fold, normalize_name
from dangvu.members import services as member_services
from dangvu.members.models import (
    EventKind,
    Member,
    MemberEvent,
    MembershipSpell,
    Sex,
    TheoryLevel,
    TransferMode,
    card_number_validator,
    cv_number_validator,
    national_id_validator,
    phone_validator,
    spells_of,
)
from dangvu.members.timeline import TimelineError, build_timeline
from dangvu.organizations.models import HostUnitType, Organization, OrganizationKind
from dangvu.organizations.services import organization_found
from dangvu.workcalendar.models import PublicHoliday
from dangvu.workcalendar.selectors import add_working_days

Progress = Callable[[int, int | None], None]
PROGRESS_EVERY = 2_000
EARLIEST_DATE = dt.date(1900, 1, 1)
MAX_SHOWN_ERRORS = 10_000


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def line(self) -> str:
        if self.column:
            return _("row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    problem: str = ""
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problem and not self.errors

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    def as_dict(self) -> dict:
        data = asdict(self)
        data["errors"] = [asdict(e) for e in self.errors[:MAX_SHOWN_ERRORS]]
        data["error_count"] = len(self.errors)
        data["bad_rows"] = self.bad_rows
        return data

    def lines(self) -> list[str]:
        if self.problem:
            return [self.problem]
        return [e.line() for e in self.errors]


class _RowFailed(Exception):
    pass


class _DryRunRollback(Exception):
    pass


# --- Cell values --------------------------------------------------------------------------------

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")


class CellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _text(value, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        value = "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and column.key in ("card_number", "national_id"):
        # Spreadsheet programs drop the leading zeros of numbers typed into a cell.
        value = str(value).zfill(column.max_length or 0)
    if isinstance(value, dt.datetime | dt.date):
        value = format_short(value if isinstance(value, dt.date) else value.date())
    text = unicodedata.normalize("NFC", str(value)).strip()
    if text.startswith("'"):
        text = text[1:].strip()  # the quote exports put before text that looks like a formula
    if column.max_length and len(text) > column.max_length:
        raise CellError(
            _("At most %(limit)s characters; this cell has %(size)s.")
            % {"limit": format_int(column.max_length), "size": format_int(len(text))}
        )
    return text


def parse_date(value) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _ISO_DATE.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError as impossible:
        raise CellError(_("The date %(text)s does not exist.") % {"text": text}) from impossible
    raise CellError(_("Write the date as dd/mm/yyyy, e.g. 05/03/1990; “%(text)s” is not a date.") % {"text": text[:40]})


@lru_cache(maxsize=32)
def _choice_lookup_for(key: str, language: str) -> dict[str, str]:
    return _choice_lookup(_choices_for(key))


def _choice_lookup(choices) -> dict[str, str]:
    lookup = {}
    for value, label in choices:
        lookup[header_key(value)] = value
        lookup[header_key(str(label))] = value
    return lookup


def _choices_for(key: str):
    return {
        "sex": Sex.choices,
        "political_theory_level": TheoryLevel.choices,
        "kind": OrganizationKind.choices,
        "host_unit_type": HostUnitType.choices,
    }[key]


def _convert(value, column: Column, today: dt.date):
    if isinstance(value, Formula):
        raise CellError(
            _("The cell holds a formula (%(formula)s); type the value itself.") % {"formula": value.text[:40]}
        )
    if column.kind == "date":
        date = parse_date(value)
        if date is not None and date > today:
            raise CellError(_("The date %(date)s is in the future.") % {"date": format_short(date)})
        if date is not None and date < EARLIEST_DATE:
            raise CellError(_("The date %(date)s is before 1900.") % {"date": format_short(date)})
        return date
    text = _text(value, column)
    if column.kind == "choice":
        if not text:
            return ""
        found = _choice_lookup_for(column.key, get_language()).get(header_key(text))
        if found is None:
            choices = _choices_for(column.key)
            raise CellError(
                _("“%(text)s” is not one of: %(choices)s.")
                % {"text": text[:40], "choices": ", ".join(str(label) for _v, label in choices)}
            )
        return found
    return text


def _cells(values: list, mapping: dict[int, Column], today: dt.date, row: int, errors: list[RowError]) -> dict:
    data, failed = {}, False
    for index, column in mapping.items():
        raw = values[index] if index < len(values) else None
        try:
            data[column.key] = _convert(raw, column, today)
        except CellError as bad:
            errors.append(RowError(row, column.label, bad.message))
            failed = True
    for column in mapping.values():
        if column.required and not failed and data.get(column.key) in (None, ""):
            errors.append(RowError(row, column.label, _("This column must be filled in.")))
            failed = True
    if failed:
        raise _RowFailed
    return data


def auto_mapping(headers: list[str], columns: tuple[Column, ...]) -> dict[int, str]:
    """Column index -> column key, for the headers that name one of our columns."""
    lookup = header_lookup(columns)
    mapping: dict[int, str] = {}
    taken = set()
    for index, header in enumerate(headers):
        column = lookup.get(header_key(header))
        if column and not column.export_only and column.key not in taken:
            mapping[index] = column.key
            taken.add(column.key)
    return mapping


def _resolve_mapping(table: Table, columns: tuple[Column, ...], mapping: dict | None) -> dict[int, Column]:
    by_key = {c.key: c for c in columns}
    raw = mapping if mapping else auto_mapping(table.headers, columns)
    resolved = {int(i): by_key[k] for i, k in raw.items() if k in by_key and not by_key[k].export_only}
    missing = [c.label for c in columns if c.required and c not in resolved.values()]
    if missing:
        raise FileProblem(
            _("The file has no column for: %(columns)s. Use the template from the import page or map the columns.")
            % {"columns": ", ".join(missing)}
        )
    return resolved


# --- Members ------------------------------------------------------------------------------------

PERSONAL_KEYS = [c.key for c in MEMBER_COLUMNS if c.key in member_services.PERSONAL_FIELDS and c.key not in ("row_no",)]
KEY_FIELDS = ("card_number", "national_id", "cv_number")
VALIDATORS = {
    "card_number": card_number_validator,
    "cv_number": cv_number_validator,
    "national_id": national_id_validator,
    "phone": phone_validator,
}
# Which file column a refusal of the history replay points at, by event kind and field.
EVENT_COLUMNS = {
    EventKind.ADMITTED: {"cell_resolution_on": "cell_resolution_on", "ceremony_on": "ceremony_on"},
    EventKind.MADE_FULL: {},
    EventKind.TRANSFERRED_IN: {},
}
EVENT_DATE_COLUMN = {
    EventKind.ADMITTED: "admitted_on",
    EventKind.MADE_FULL: "made_full_on",
    EventKind.TRANSFERRED_IN: "arrived_on",
}
COLUMN_LABEL = {c.key: c.label for c in MEMBER_COLUMNS}


@dataclass
class _Planned:
    row: int
    data: dict
    member: Member | None = None  # the matched member
    changes: dict = field(default_factory=dict)
    new: Member | None = None
    events: list = field(default_factory=list)
    timeline: object = None


def _chunks(items: list, size: int = 5000) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_members(
    *,
    table: Table,
    by: User | None,
    commit: bool,
    mapping: dict | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check (and with `commit`, write) the member rows of `table`; `by=None` acts on the whole tree."""
    today = today or timezone.localdate()
    report = ImportReport(kind="members")
    progress = progress or (lambda done, total: None)
    try:
        columns = _resolve_mapping(table, MEMBER_COLUMNS, mapping)
        scope = _scope(by)
        holding = {
            o.code.upper(): o
            for o in Organization.objects.filter(scope, deleted_at__isnull=True, kind__in=("cell", "base_cell"))
        }
        planned: list[_Planned] = []
        seen: dict[tuple[str, str], int] = {}
        for number, values in table.rows:
            report.rows += 1
            try:
                data = _cells(values, columns, today, number, report.errors)
                _check_member_row(number, data, holding, seen, report.errors)
                planned.append(_Planned(number, data))
            except _RowFailed:
                pass
            if report.rows % PROGRESS_EVERY == 0:
                progress(report.rows, table.estimated_rows)
    except FileProblem as problem:
        report.problem = problem.message
        return report
    finally:
        table.close()
    progress(report.rows, report.rows)
    _match_members(planned, by, report.errors)
    holidays = frozenset(PublicHoliday.objects.values_list("on", flat=True))
    for item in planned:
        try:
            if item.member is not None:
                _plan_update(item, report.errors)
            else:
                _plan_new(item, holding, holidays, today, report.errors)
        except _RowFailed:
            continue
    report.errors.sort(key=lambda e: e.row)
    bad = {e.row for e in report.errors}
    good = [p for p in planned if p.row not in bad]
    report.created = sum(1 for p in good if p.new is not None)
    report.updated = sum(1 for p in good if p.member is not None and p.changes)
    report.skipped = sum(1 for p in good if p.member is not None and not p.changes)
    if commit and report.ok:
        _write_members(good, by)
        report.committed = True
    return report


def _scope(by: User | None) -> Q:
    if by is None:
        return Q()
    path = scope_root_path(by)
    return Q(path__startswith=path) if path else Q(pk__in=[])


def _check_member_row(row: int, data: dict, holding: dict, seen: dict, errors: list[RowError]) -> None:
    failed = False

    def fail(key: str, message: str) -> None:
        nonlocal failed
        errors.append(RowError(row, COLUMN_LABEL[key], message))
        failed = True

    for key, validator in VALIDATORS.items():
        value = data.get(key)
        if key == "cv_number" and value:
            value = data[key] = value.upper()
        if value:
            try:
                validator(value)
            except ValidationError as bad:
                fail(key, " ".join(bad.messages))
    code = (data.get("organization") or "").upper()
    if code and code not in holding:
        fail(
            "organization",
            _("No cell or base cell with the code %(code)s in your part of the tree.") % {"code": data["organization"]},
        )
    born = data.get("date_of_birth")
    for key in ("admitted_on", "made_full_on", "arrived_on", "ceremony_on", "cell_resolution_on"):
        on = data.get(key)
        if born and on and on <= born:
            fail(key, _("The date %(date)s is before the date of birth.") % {"date": format_short(on)})
    if data.get("admitted_elsewhere") and not data.get("arrived_on"):
        fail("arrived_on", _("A member admitted outside the committee needs the date they arrived."))
    if data.get("arrived_on") and not data.get("admitted_elsewhere"):
        fail("admitted_elsewhere", _("Name the party organization where a member who arrived was admitted."))
    for key in KEY_FIELDS:
        value = data.get(key)
        if not value:
            continue
        first = seen.setdefault((key, value), row)
        if first != row:
            fail(key, _("%(value)s is also on row %(row)s of this file.") % {"value": value, "row": first})
    if failed:
        raise _RowFailed


def _match_members(planned: list[_Planned], by: User | None, errors: list[RowError]) -> None:
    """Find the registry member each row describes; refuse rows pointing at two members or out of reach."""
    # Each member is loaded once (with only the columns compared), however many of its keys the file names.
    by_key: dict[tuple[str, str], int] = {}
    for key in KEY_FIELDS:
        values = sorted({p.data[key] for p in planned if p.data.get(key)})
        for chunk in _chunks(values):
            for pk, value in Member.all_objects.filter(**{f"{key}__in": chunk}).values_list("pk", key):
                by_key[(key, value)] = pk
    loaded: dict[int, Member] = {}
    for chunk in _chunks(sorted(set(by_key.values()))):
        for member in _members_for_matching().filter(pk__in=chunk):
            loaded[member.pk] = member
    keyless = [p for p in planned if not any(p.data.get(k) for k in KEY_FIELDS)]
    by_person: dict[tuple[str, dt.date], list[Member]] = {}
    births = sorted({p.data["date_of_birth"] for p in keyless})
    for chunk in _chunks(births):
        for member in _members_for_matching().filter(date_of_birth__in=chunk):
            by_person.setdefault((fold(member.full_name), member.date_of_birth), []).append(member)
    root = scope_root_path(by) if by is not None else ""
    bad_rows = set()
    for item in planned:
        found = {}
        for key in KEY_FIELDS:
            value = item.data.get(key)
            if value and (key, value) in by_key:
                found[key] = loaded[by_key[(key, value)]]
        if not found and item in keyless:
            people = by_person.get((fold(normalize_name(item.data["full_name"])), item.data["date_of_birth"]), [])
            if len(people) == 1:
                found["full_name"] = people[0]
        members = {m.pk: m for m in found.values()}
        if len(members) > 1:
            errors.append(
                RowError(
                    item.row,
                    COLUMN_LABEL["national_id"],
                    _("The card number, national ID and CV number on this row belong to different members."),
                )
            )
            bad_rows.add(item.row)
            continue
        if not members:
            continue
        member = next(iter(members.values()))
        key = next(iter(found))
        column = COLUMN_LABEL[key]
        if member.deleted_at is not None:
            errors.append(
                RowError(item.row, column, _("This matches a deleted member record; restore it before importing."))
            )
            bad_rows.add(item.row)
            continue
        path = member.last_organization.path if member.last_organization else ""
        if root is None or (root and not path.startswith(root)):
            errors.append(
                RowError(
                    item.row,
                    column,
                    _("%(value)s belongs to a member recorded outside your part of the tree.")
                    % {"value": item.data.get(key) or item.data["full_name"]},
                )
            )
            bad_rows.add(item.row)
            continue
        item.member = member
    planned[:] = [p for p in planned if p.row not in bad_rows]


def _members_for_matching():
    return (
        Member.all_objects.select_related("last_organization")
        .only(*PERSONAL_KEYS, "admitted_on", "deleted_at", "last_organization__code", "last_organization__path")
        .order_by()
    )


def _plan_update(item: _Planned, errors: list[RowError]) -> None:
    member, data = item.member, item.data
    code = (data.get("organization") or "").upper()
    current = member.last_organization.code.upper() if member.last_organization else ""
    if code and code != current:
        errors.append(
            RowError(
                item.row,
                COLUMN_LABEL["organization"],
                _("The registry has this member in %(cell)s; record a transfer on the member's page instead.")
                % {"cell": current or "—"},
            )
        )
        raise _RowFailed
    admitted = data.get("admitted_on")
    if admitted and not data.get("admitted_elsewhere") and member.admitted_on and admitted != member.admitted_on:
        errors.append(
            RowError(
                item.row,
                COLUMN_LABEL["admitted_on"],
                _("The registry records the admission on %(date)s; correct it on the member's page.")
                % {"date": format_short(member.admitted_on)},
            )
        )
        raise _RowFailed
    for key in PERSONAL_KEYS:
        if key not in data:
            continue
        value = data[key]
        if value in ("", None):
            continue  # an empty cell never erases what the registry holds
        stored = getattr(member, key)
        if key == "full_name":
            value = normalize_name(value)
        if value != (stored if stored is not None else ""):
            item.changes[key] = value


def _plan_new(item: _Planned, holding: dict, holidays, today: dt.date, errors: list[RowError]) -> None:
    data = item.data
    cell = holding[data["organization"].upper()]
    elsewhere = data.get("admitted_elsewhere", "")
    joined_on = data["arrived_on"] if elsewhere else data["admitted_on"]

    def fail(key: str, message: str):
        errors.append(RowError(item.row, COLUMN_LABEL[key], message))
        return _RowFailed()

    if cell.founded_on and joined_on < cell.founded_on:
        raise fail(
            "organization",
            _("%(name)s was founded on %(date)s, after this date.")
            % {"name": cell.name, "date": format_short(cell.founded_on)},
        )
    if cell.ended_on and joined_on >= cell.ended_on:
        raise fail(
            "organization", _("%(name)s ended on %(date)s.") % {"name": cell.name, "date": format_short(cell.ended_on)}
        )
    personal = {k: data[k] for k in PERSONAL_KEYS if k in data and data[k] not in (None,)}
    member = Member(**{k: (v if v != "" or k not in KEY_FIELDS else None) for k, v in personal.items()})
    if not member.ethnicity:
        member.ethnicity = "Kinh"
    if not member.political_theory_level:
        member.political_theory_level = TheoryLevel.NONE
    events = [
        MemberEvent(
            kind=EventKind.ADMITTED,
            on=data["admitted_on"],
            organization=None if elsewhere else cell,
            external_place=elsewhere,
            document_no=data["admission_document_no"],
            cell_resolution_on=data.get("cell_resolution_on"),
            ceremony_on=data.get("ceremony_on"),
        )
    ]
    if data.get("made_full_on"):
        events.append(
            MemberEvent(
                kind=EventKind.MADE_FULL, on=data["made_full_on"], document_no=data.get("full_document_no") or "-"
            )
        )
    if elsewhere:
        events.append(
            MemberEvent(
                kind=EventKind.TRANSFERRED_IN,
                on=data["arrived_on"],
                organization=cell,
                transfer_mode=TransferMode.OFFICIAL,
                external_place=elsewhere,
                document_no=data.get("arrival_document_no") or "-",
            )
        )
    try:
        timeline = build_timeline(
            events,
            date_of_birth=member.date_of_birth,
            add_working_days=lambda start, days: add_working_days(start, days, holidays),
        )
    except TimelineError as refused:
        kind = refused.event.kind if refused.event is not None else EventKind.ADMITTED
        key = EVENT_COLUMNS.get(kind, {}).get(refused.field) or EVENT_DATE_COLUMN.get(kind, "admitted_on")
        raise fail(key, refused.message) from refused
    member_services.apply_personal_derivations(member)
    member_services.apply_timeline(member, timeline)
    item.new, item.events, item.timeline = member, events, timeline


def _write_members(items: list[_Planned], by: User | None) -> None:
    """All rows or none: the new members in bulk with their history, the corrections through the service."""
    with transaction.atomic():
        new = [p for p in items if p.new is not None]
        members = [p.new for p in new]
        bulk.assign_ids(Member, members)
        bulk.insert(Member, members, with_ids=True, history=True, by=by)
        events, spells = [], []
        for item in new:
            for event in item.events:
                event.member = item.new
                events.append(event)
            spells.extend(spells_of(item.new, item.timeline.spells))
        bulk.assign_ids(MemberEvent, events)
        bulk.insert(MemberEvent, events, with_ids=True, history=True, by=by)
        bulk.insert(MembershipSpell, spells, with_ids=False)
        for item in items:
            if item.member is not None and item.changes:
                member = Member.objects.get(pk=item.member.pk)
                member_services.member_update(member=member, by=by, data=item.changes)


# --- Organizations ------------------------------------------------------------------------------

ORG_COLUMN_LABEL = {c.key: c.label for c in ORGANIZATION_COLUMNS}
ORG_FIELD_COLUMN = {"code": "code", "kind": "kind", "parent": "parent", "on": "founded_on", "name": "name"}


def import_organizations(
    *,
    table: Table,
    by: User | None,
    commit: bool,
    mapping: dict | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Found the organizations of the file under their parents (in the file or already in the tree).

    Rows are founded one by one through the service inside one transaction, which a dry run
    rolls back, so the dry run applies exactly the checks of the real import.
    """
    today = today or timezone.localdate()
    report = ImportReport(kind="organizations")
    progress = progress or (lambda done, total: None)
    try:
        columns = _resolve_mapping(table, ORGANIZATION_COLUMNS, mapping)
        rows = []
        for number, values in table.rows:
            report.rows += 1
            try:
                rows.append((number, _cells(values, columns, today, number, report.errors)))
            except _RowFailed:
                pass
    except FileProblem as problem:
        report.problem = problem.message
        return report
    finally:
        table.close()
    scope = _scope(by)
    try:
        with transaction.atomic():
            for done, (number, data) in enumerate(rows, start=1):
                _import_organization_row(number, data, by, scope, report)
                if done % 100 == 0:
                    progress(done, len(rows))
            if not commit or not report.ok:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    else:
        report.committed = True
    progress(len(rows), len(rows))
    report.errors.sort(key=lambda e: e.row)
    return report


def _import_organization_row(number: int, data: dict, by, scope: Q, report: ImportReport) -> None:
    code = data["code"]
    existing = Organization.objects.filter(code__iexact=code).first()
    if existing is not None:
        _compare_organization(number, data, existing, scope, report)
        return
    parent = None
    if data.get("parent"):
        parent = Organization.objects.filter(scope, code__iexact=data["parent"], deleted_at__isnull=True).first()
        if parent is None:
            report.errors.append(
                RowError(
                    number,
                    ORG_COLUMN_LABEL["parent"],
                    _("No organization with the code %(code)s in your part of the tree.") % {"code": data["parent"]},
                )
            )
            return
    elif by is not None:
        report.errors.append(
            RowError(number, ORG_COLUMN_LABEL["parent"], _("Give the code of the organization above this one."))
        )
        return
    try:
        with transaction.atomic():
            organization_found(
                parent=parent,
                code=code,
                name=data["name"],
                short_name=data.get("short_name", ""),
                kind=data["kind"],
                host_unit_type=data.get("host_unit_type") or HostUnitType.OTHER,
                host_unit_name=data.get("host_unit_name", ""),
                on=data["founded_on"],
                by=by,
            )
    except ValidationError as refused:
        for name, messages in refused.message_dict.items():
            column = ORG_COLUMN_LABEL.get(ORG_FIELD_COLUMN.get(name, ""), "")
            report.errors.append(RowError(number, column, " ".join(messages)))
        return
    report.created += 1


def _compare_organization(number: int, data: dict, existing: Organization, scope: Q, report: ImportReport) -> None:
    """A code already in the tree: unchanged is skipped; a different name, kind or parent is refused."""
    code = data["code"]
    if not Organization.objects.filter(scope, pk=existing.pk).exists():
        report.errors.append(
            RowError(
                number,
                ORG_COLUMN_LABEL["code"],
                _("The code %(code)s is used by an organization outside your part of the tree.") % {"code": code},
            )
        )
        return
    current_parent = Organization.objects.get_parent(existing)
    differs = []
    if data["name"] != existing.name:
        differs.append(ORG_COLUMN_LABEL["name"])
    if data["kind"] != existing.kind:
        differs.append(ORG_COLUMN_LABEL["kind"])
    if data.get("parent") and (current_parent is None or current_parent.code.upper() != data["parent"].upper()):
        differs.append(ORG_COLUMN_LABEL["parent"])
    if differs:
        report.errors.append(
            RowError(
                number,
                differs[0],
                _(
                    "%(code)s is already in the tree with another %(what)s; rename or move it on the "
                    "organization's page."
                )
                % {"code": code, "what": ", ".join(differs).lower()},
            )
        )
        return
    report.skipped += 1


IMPORTERS = {"members": import_members, "organizations": import_organizations}
