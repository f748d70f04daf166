"""Importing a file of payments made on the national public-service portal (Cổng dịch vụ công quốc gia).

The portal's file format is not published, so the user maps its columns: which column names the member (by
citizen ID or party card number), the month paid for, the amount, the payment date and the transaction
reference. The file is inspected and parsed in a bounded child (`lib.untrusted_files`); a dry run lists every
row that cannot be recorded and why; the import records all rows or none. A transaction reference already
recorded is skipped, so a file imported twice records each payment once.
"""

import datetime as dt
import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.accounts import policy
from dangvu.dues import sheets
from dangvu.dues.forms import parse_month
from dangvu.dues.models import Channel, DuesPayment
from dangvu.lib.number_input import parse_decimal
from dangvu.lib.numbers import format_int
from dangvu.lib.untrusted_files import FileRefused, inspect_xlsx, run_bounded
from dangvu.members.models import Member

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000  # a province's month of portal payments fits many times over
MAX_COLUMNS = 200
MAX_CELL_CHARS = 1_000
HEADER_SCAN_ROWS = 15
FIELDS = ("member", "month", "amount", "paid_on", "reference")
IDENTIFIED_BY = ("national_id", "card_number")
# Words of a column title that suggest each field (the titles are compared without diacritics).
GUESSES = {
    "member": ("cccd", "can cuoc", "dinh danh", "so the dang", "the dang", "cmnd", "ma dang vien"),
    "month": ("ky nop", "ky", "thang", "ky dong"),
    "amount": ("so tien", "tien", "so tien nop"),
    "paid_on": ("ngay nop", "ngay giao dich", "ngay thanh toan", "ngay"),
    "reference": ("ma giao dich", "ma gd", "ma ho so", "ma tham chieu", "so chung tu", "tham chieu"),
}


class ImportProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", str(text or "").lower()).replace("đ", "d")
    return re.sub(r"\s+", " ", "".join(c for c in text if unicodedata.category(c) != "Mn")).strip()


# --- Keeping the uploaded file between the two steps ----------------------------------------------------


def _folder() -> str:
    folder = os.path.join(tempfile.gettempdir(), "dangvu-dues-imports")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


def store(upload) -> tuple[str, str]:
    """Save an uploaded file under a random token: (token, the file's format)."""
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        fmt = "xlsx"
    elif name.endswith((".csv", ".txt")):
        fmt = "csv"
    elif name.endswith(".xls"):
        raise ImportProblem(_("This is an Excel 97-2003 workbook (.xls). Save it as .xlsx and upload it again."))
    else:
        raise ImportProblem(_("Only .xlsx workbooks and .csv files can be imported."))
    if upload.size == 0:
        raise ImportProblem(_("The file is empty."))
    if upload.size > MAX_FILE_BYTES:
        raise ImportProblem(
            _("The file is larger than %(limit)s MB; split it into several files.")
            % {"limit": format_int(MAX_FILE_BYTES // (1024 * 1024))}
        )
    token = secrets.token_hex(16)
    with open(path_of(token, fmt), "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token, fmt


def path_of(token: str, fmt: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{32}", token or "") or fmt not in ("xlsx", "csv"):
        raise ImportProblem(_("The uploaded file is no longer available; upload it again."))
    return os.path.join(_folder(), f"{token}.{fmt}")


def discard(token: str, fmt: str) -> None:
    try:
        os.unlink(path_of(token, fmt))
    except (FileNotFoundError, ImportProblem):
        pass


# --- Reading (in a bounded child) ---------------------------------------------------------------------------


def _cell(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()[: MAX_CELL_CHARS + 1]
    return value


def _read_rows(path: str, fmt: str) -> list[list]:
    """In the child: the first sheet's (or the CSV's) rows, at most MAX_ROWS + the header scan."""
    rows: list[list] = []
    if fmt == "xlsx":
        from python_calamine import CalamineWorkbook

        try:
            sheet = CalamineWorkbook.from_path(path).get_sheet_by_index(0)
            source = sheet.iter_rows()
        except Exception as damaged:  # calamine raises its own kinds for bad zips, XML and passwords
            raise ImportProblem(_("The workbook is damaged and cannot be read; save it again in Excel.")) from damaged
    else:
        import csv
        import io

        with open(path, "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as bad:
            raise ImportProblem(_("The CSV file is not in Unicode (UTF-8); save it as “CSV UTF-8”.")) from bad
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
        csv.field_size_limit(MAX_CELL_CHARS * 4)
        source = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in source:
            if len(row) > MAX_COLUMNS:
                raise ImportProblem(
                    _("Row %(row)s has %(count)s columns; a payment file has far fewer.")
                    % {"row": len(rows) + 1, "count": len(row)}
                )
            rows.append([_cell(v) for v in row])
            if len(rows) > MAX_ROWS + HEADER_SCAN_ROWS:
                raise ImportProblem(
                    _("The file has more than %(limit)s rows; split it into several files.")
                    % {"limit": format_int(MAX_ROWS)}
                )
    except ImportProblem:
        raise
    except Exception as bad:  # csv.Error and calamine's own errors
        raise ImportProblem(_("The file cannot be read: %(reason)s") % {"reason": str(bad)[:200]}) from bad
    return rows


@dataclass
class Table:
    headers: list[str]
    header_row: int  # 1-based number of the header row in the file
    rows: list[tuple[int, list]]  # (row number in the file, values)


def read(token: str, fmt: str) -> Table:
    """The stored file's header and rows, read within the memory and time limits."""
    path = path_of(token, fmt)
    if not os.path.exists(path):
        raise ImportProblem(_("The uploaded file is no longer available; upload it again."))
    try:
        if fmt == "xlsx":
            inspect_xlsx(path)
        rows = run_bounded(_read_rows, path, fmt)
    except FileRefused as refused:
        raise ImportProblem(refused.message) from refused
    return _table(rows)


def _is_blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v) for v in values)


def _table(rows: list[list]) -> Table:
    """The header is the first row among the first few with the most text cells (a title may sit above it)."""
    best, best_count = None, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = sum(1 for v in row if isinstance(v, str) and v)
        if count > best_count:
            best, best_count = index, count
    if best is None or best_count < 2:
        raise ImportProblem(_("No row of column titles was found in the first rows of the file."))
    headers = ["" if v is None else str(v) for v in rows[best]]
    data = [(best + 2 + n, values) for n, values in enumerate(rows[best + 1 :]) if not _is_blank(values)]
    if not data:
        raise ImportProblem(_("The file has column titles but no payment rows."))
    return Table(headers, best + 1, data)


def guess_mapping(headers: list[str]) -> dict:
    """A first guess of which column holds which field, from the column titles."""
    plain = [_plain(h) for h in headers]
    mapping: dict = {}
    taken: set = set()
    for name in FIELDS:
        for word in GUESSES[name]:
            found = next((i for i, h in enumerate(plain) if i not in taken and word in h), None)
            if found is not None:
                mapping[name] = found
                taken.add(found)
                break
    if "member" in mapping:
        mapping["identified_by"] = "card_number" if "the dang" in plain[mapping["member"]] else "national_id"
    return mapping


# --- Checking and recording -----------------------------------------------------------------------------------


@dataclass
class Payment:
    row: int
    member: Member
    month: dt.date
    amount: int
    paid_on: dt.date
    reference: str


@dataclass
class Plan:
    good: list[Payment] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)
    already: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.amount for p in self.good)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _month(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = _text(value)
    text = re.sub(r"^(?:t|thang|tháng)\s*", "", text, flags=re.IGNORECASE)
    return parse_month(text)


def _amount(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = re.sub(r"\s*(?:đồng|đ|vnd|vnđ)\s*$", "", _text(value), flags=re.IGNORECASE)
    try:
        number = parse_decimal(text)
    except (ValueError, ArithmeticError):
        return None
    return int(number) if number == number.to_integral_value() else None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - only the date is kept
        except ValueError:
            continue
    return None


def check(table: Table, mapping: dict, *, user, today: dt.date | None = None) -> Plan:
    """Every row of the file as a payment to record, or a reason why it cannot be (no row is written)."""
    today = today or sheets.today()
    plan = Plan()
    column = {name: mapping.get(name) for name in FIELDS}
    by = mapping.get("identified_by", "national_id")
    identifiers = {_text(_get(values, column["member"])) for _n, values in table.rows}
    members = {
        getattr(m, by): m
        for m in Member.objects.filter(**{f"{by}__in": identifiers - {""}}).select_related("organization")
    }
    references = {_text(_get(values, column["reference"])) for _n, values in table.rows} - {""}
    recorded = set(
        DuesPayment.objects.filter(channel=Channel.PORTAL, reference__in=references).values_list("reference", flat=True)
    )
    seen: set = set()
    kept: dict = {}
    for number, values in table.rows:
        identifier = _text(_get(values, column["member"]))
        reference = _text(_get(values, column["reference"]))
        member = members.get(identifier)
        month = _month(_get(values, column["month"]))
        amount = _amount(_get(values, column["amount"]))
        paid_on = _date(_get(values, column["paid_on"]))
        problem = None
        if not identifier:
            problem = _("no citizen ID or party card number")
        elif member is None:
            problem = _("no member has %(id)s") % {"id": identifier}
        elif member.organization_id is None:
            problem = _("%(name)s is not in any cell now") % {"name": member.full_name}
        elif member.organization_id not in kept and not _keeps(user, member, kept):
            problem = _("%(name)s is not in an organization whose dues you keep") % {"name": member.full_name}
        elif month is None:
            problem = _("the month paid for is not a month (write 03/2026)")
        elif amount is None or amount <= 0:
            problem = _("the amount is not a whole number of đồng above zero")
        elif paid_on is None:
            problem = _("the payment date is not a date (write dd/mm/yyyy)")
        elif paid_on > today:
            problem = _("the payment date is in the future")
        elif len(reference) > 64:
            problem = _("the transaction reference is longer than 64 characters")
        elif reference and reference in seen:
            problem = _("the transaction reference %(ref)s appears twice in the file") % {"ref": reference}
        if problem:
            plan.bad.append((number, problem))
            continue
        if reference in recorded:
            plan.already.append((number, reference))
            continue
        if reference:
            seen.add(reference)
        plan.good.append(Payment(number, member, month, amount, paid_on, reference))
    return plan


def _keeps(user, member, kept: dict) -> bool:
    allowed = policy.may_keep_dues(user, member.organization)
    if allowed:
        kept[member.organization_id] = True
    return allowed


def _get(values: list, index):
    if index is None or index >= len(values):
        return None
    return values[index]


def record(plan: Plan, *, user) -> int:
    """All the plan's payments, or none: a refusal of any one rolls every one back (ValidationError names it)."""
    if plan.bad:
        raise ValidationError(_("The file has rows that cannot be recorded; nothing was imported."))
    from dangvu.dues import services

    with transaction.atomic():
        for payment in plan.good:
            try:
                services.record_payment(
                    member=payment.member,
                    month=payment.month,
                    amount=payment.amount,
                    paid_on=payment.paid_on,
                    channel=Channel.PORTAL,
                    reference=payment.reference,
                    user=user,
                )
            except ValidationError as error:
                raise ValidationError(
                    _("Row %(row)s: %(reason)s. Nothing was imported.")
                    % {"row": payment.row, "reason": " ".join(error.messages)}
                ) from error
    return len(plan.good)
