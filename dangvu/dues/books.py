"""The dues books as XLSX in the house style (Times New Roman, the party heading, bordered tables, amounts in
whole đồng grouped the Vietnamese way): S01/ĐP, the dues book of a cell or base cell (members by month);
S02/ĐP, the summary book of a committee (its units by month, the share kept and remitted); B01/ĐP, the report
of a month or a quarter (members at the period's end, due, collected, kept, remitted).

Layouts after QĐ 912-QĐ/TCQT 2001 and CV 141-CV/VPTW 2011 (RULES.md §6); whether the 2026 rule changes them is
unconfirmed, so they are kept as they were."""

import datetime as dt
import io
import re
from collections import defaultdict

from django.db.models import Q, Sum
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from dangvu.dues import sheets
from dangvu.dues.models import DuesLine, DuesPayment, Remittance
from dangvu.lib.dates import format_place_date

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
MONEY = "#,##0"
PERCENT = "0.00"


class _Sheet:
    """A worksheet written row by row in the house style."""

    def __init__(self, title: str, columns: int):
        self.book = Workbook()
        self.sheet = self.book.active
        self.sheet.title = title[:31]
        self.columns = columns
        self.row = 1

    def heading(self, organization, title: str, subtitle: str) -> None:
        last = get_column_letter(self.columns)
        half = get_column_letter(max(self.columns // 2, 1))
        parent = (
            type(organization).objects.filter(path=organization.path[: -organization.steplen]).first()
            if organization.depth > 1
            else None
        )
        self._text(1, 1, (parent.name if parent else "").upper(), size=12)
        self._text(2, 1, organization.name.upper(), bold=True, size=12)
        self._text(3, 1, "*", size=12)
        self._text(1, max(self.columns // 2 + 1, 2), "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=13)
        for row in (1, 2, 3):
            self.sheet.merge_cells(f"A{row}:{half}{row}")
        self.sheet.merge_cells(f"{get_column_letter(max(self.columns // 2 + 1, 2))}1:{last}1")
        self.sheet.merge_cells(f"A5:{last}5")
        self.sheet.merge_cells(f"A6:{last}6")
        self._text(5, 1, title, bold=True, size=14)
        self._text(6, 1, subtitle, italic=True, size=12)
        self.row = 8

    def _text(self, row, column, value, *, bold=False, italic=False, size=12):
        cell = self.sheet.cell(row=row, column=column, value=value)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        return cell

    def header(self, *rows_of_titles: list) -> None:
        for titles in rows_of_titles:
            for column, title in enumerate(titles, 1):
                cell = self.sheet.cell(row=self.row, column=column, value=title)
                cell.font = Font(name=FONT, size=11, bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                cell.border = BORDER
            self.row += 1

    def merge(self, first_row, first_col, last_row, last_col) -> None:
        self.sheet.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col)

    def line(self, values: list, *, bold: bool = False) -> None:
        for column, value in enumerate(values, 1):
            cell = self.sheet.cell(row=self.row, column=column, value=value)
            cell.font = Font(name=FONT, size=11, bold=bold)
            cell.border = BORDER
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell.number_format = MONEY if isinstance(value, int) else PERCENT
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.row += 1

    def footer(self, place_and_date: str, signer: str) -> None:
        self.row += 1
        column = max(self.columns - 3, 1)
        self._text(self.row, column, place_and_date, italic=True, size=12)
        self._text(self.row + 1, column, signer, bold=True, size=12)

    def widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths, 1):
            self.sheet.column_dimensions[get_column_letter(column)].width = width

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


def _months(year: int) -> list[dt.date]:
    return [dt.date(year, m, 1) for m in range(1, 13)]


def _kept_and_remitted(organizations, start: dt.date, end: dt.date) -> dict:
    """Per organization: (kept, remitted) of its remittances whose period lies within start..end."""
    totals = (
        Remittance.objects.filter(organization__in=organizations, period_start__gte=start, period_end__lte=end)
        .values("organization_id")
        .annotate(kept=Sum("kept"), remitted=Sum("remitted"))
    )
    return {t["organization_id"]: (t["kept"] or 0, t["remitted"] or 0) for t in totals}


def s01(organization, year: int) -> bytes:
    """S01/ĐP: the cell's dues book of a year, one row per member, due and paid for each month."""
    months = _months(year)
    rows = sheets.cell_year(organization, months)
    columns = 2 + 2 * 12 + 2
    sheet = _Sheet("S01-ĐP", columns)
    sheet.heading(organization, "SỔ THU, NỘP ĐẢNG PHÍ CỦA CHI BỘ", f"Năm {year} · Mẫu S01/ĐP")
    top = sheet.row
    first = ["STT", "Họ và tên đảng viên"]
    second = ["", ""]
    for month in months:
        first += [f"Tháng {month.month}", ""]
        second += ["Phải nộp", "Đã nộp"]
    first += ["Cộng cả năm", ""]
    second += ["Phải nộp", "Đã nộp"]
    sheet.header(first, second)
    sheet.merge(top, 1, top + 1, 1)
    sheet.merge(top, 2, top + 1, 2)
    for index in range(13):
        sheet.merge(top, 3 + 2 * index, top, 4 + 2 * index)
    due_totals, paid_totals = defaultdict(int), defaultdict(int)
    for number, row in enumerate(rows, 1):
        values = [number, row.member.full_name]
        for month in months:
            due, paid = row.due.get(month, 0), row.paid.get(month, 0)
            due_totals[month] += due
            paid_totals[month] += paid
            values += [due or None, paid or None]
        sheet.line([*values, row.total_due, row.total_paid])
    total = ["", "Cộng"]
    for month in months:
        total += [due_totals[month], paid_totals[month]]
    sheet.line([*total, sum(due_totals.values()), sum(paid_totals.values())], bold=True)
    kept, remitted = _kept_and_remitted([organization], dt.date(year, 1, 1), dt.date(year, 12, 31)).get(
        organization.pk, (0, 0)
    )
    sheet.row += 1
    sheet.sheet.cell(row=sheet.row, column=2, value=f"Số trích giữ lại: {kept:,} đồng".replace(",", "."))
    sheet.sheet.cell(row=sheet.row + 1, column=2, value=f"Số nộp cấp trên: {remitted:,} đồng".replace(",", "."))
    sheet.row += 2
    sheet.footer(format_place_date(timezone.localdate()), "T/M CHI ỦY")
    sheet.widths([5, 28, *[10] * 24, 12, 12])
    sheet.sheet.freeze_panes = sheet.sheet.cell(row=top + 2, column=3)
    return sheet.bytes()


def _units(organization):
    """The units a committee's books list: its children (or itself when it holds members and has none)."""
    children = list(
        type(organization)
        .objects.filter(path__startswith=organization.path, depth=organization.depth + 1, deleted_at__isnull=True)
        .order_by("path")
    )
    return children or [organization]


def _by_unit(units, rows, key: str = "organization__path") -> dict:
    """Sum rows (path, month, total) into the unit whose subtree holds each path."""
    totals: dict = defaultdict(lambda: defaultdict(int))
    prefixes = {unit.path: unit.pk for unit in units}
    width = len(units[0].path) if units else 0
    for row in rows:
        unit = prefixes.get(row[key][:width])
        if unit is not None:
            totals[unit][row["month"]] += row["total"] or 0
    return totals


def s02(organization, year: int) -> bytes:
    """S02/ĐP: the committee's summary book of a year, one row per unit: collected each month, kept, remitted."""
    months = _months(year)
    units = _units(organization)
    paid = (
        DuesPayment.objects.filter(organization__path__startswith=organization.path, month__in=months)
        .values("organization__path", "month")
        .annotate(total=Sum("amount"))
    )
    collected = _by_unit(units, paid)
    shares = _kept_and_remitted(units, dt.date(year, 1, 1), dt.date(year, 12, 31))
    columns = 2 + 12 + 3
    sheet = _Sheet("S02-ĐP", columns)
    sheet.heading(organization, "SỔ TỔNG HỢP THU, NỘP ĐẢNG PHÍ", f"Năm {year} · Mẫu S02/ĐP")
    sheet.header(
        ["STT", "Tên tổ chức đảng", *[f"Tháng {m.month}" for m in months], "Cộng", "Trích giữ lại", "Nộp cấp trên"]
    )
    month_totals = defaultdict(int)
    kept_total = remitted_total = 0
    for number, unit in enumerate(units, 1):
        values = [collected[unit.pk].get(month, 0) for month in months]
        for month, value in zip(months, values, strict=True):
            month_totals[month] += value
        kept, remitted = shares.get(unit.pk, (0, 0))
        kept_total += kept
        remitted_total += remitted
        sheet.line([number, unit.name, *values, sum(values), kept, remitted])
    sheet.line(
        ["", "Cộng", *[month_totals[m] for m in months], sum(month_totals.values()), kept_total, remitted_total],
        bold=True,
    )
    sheet.footer(format_place_date(timezone.localdate()), "T/M BAN THƯỜNG VỤ")
    sheet.widths([5, 34, *[11] * 12, 13, 13, 13])
    return sheet.bytes()


_PERIOD = re.compile(r"^\s*(\d{4})-(?:(\d{1,2})|[Qq]([1-4]))\s*$")


def parse_period(text: str) -> tuple[dt.date, dt.date, str] | None:
    """ "2026-03" -> March 2026; "2026-Q1" -> the first quarter: (first day, last day, its name)."""
    found = _PERIOD.match(text or "")
    if not found:
        return None
    year = int(found[1])
    if found[2]:
        month = int(found[2])
        if not 1 <= month <= 12:
            return None
        start = dt.date(year, month, 1)
        return start, start.replace(day=28) + _rest(start), f"Tháng {month}/{year}"
    quarter = int(found[3])
    start = dt.date(year, 3 * quarter - 2, 1)
    last = dt.date(year, 3 * quarter, 1)
    return start, last.replace(day=28) + _rest(last), f"Quý {_ROMAN[quarter]} năm {year}"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _rest(month: dt.date) -> dt.timedelta:
    """Days from the 28th to the month's last day."""
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (following - dt.timedelta(days=1)) - month.replace(day=28)


def b01(organization, start: dt.date, end: dt.date, label: str) -> bytes:
    """B01/ĐP: the report of a month or a quarter: per unit and in total, members at the period's end, dues
    due and collected, the share kept and what was remitted."""
    months = sheets.months_of(start, end)
    units = _units(organization)
    in_tree = Q(run__organization__path__startswith=organization.path)
    due_rows = (
        DuesLine.objects.filter(in_tree, month__in=months)
        .values("run__organization__path", "month")
        .annotate(total=Sum("amount_due"))
    )
    due = _by_unit(units, due_rows, "run__organization__path")
    last_month = DuesLine.objects.filter(in_tree, month=months[-1]).values("run__organization__path", "month")
    members = _by_unit(units, ({**row, "total": 1} for row in last_month), "run__organization__path")
    paid = (
        DuesPayment.objects.filter(organization__path__startswith=organization.path, month__in=months)
        .values("organization__path", "month")
        .annotate(total=Sum("amount"))
    )
    collected = _by_unit(units, paid)
    shares = _kept_and_remitted(units, start, end)
    sheet = _Sheet("B01-ĐP", 8)
    sheet.heading(organization, "BÁO CÁO THU, NỘP ĐẢNG PHÍ", f"{label} · Mẫu B01/ĐP")
    sheet.header(
        [
            "STT",
            "Tổ chức đảng",
            "Số đảng viên cuối kỳ",
            "Số đảng phí phải thu",
            "Số đảng phí đã thu",
            "Tỷ lệ đã thu (%)",
            "Số trích giữ lại",
            "Số nộp cấp trên",
        ]
    )
    totals = [0, 0, 0, 0, 0]
    for number, unit in enumerate(units, 1):
        unit_members = sum(members[unit.pk].values())
        unit_due = sum(due[unit.pk].values())
        unit_collected = sum(collected[unit.pk].values())
        kept, remitted = shares.get(unit.pk, (0, 0))
        for index, value in enumerate((unit_members, unit_due, unit_collected, kept, remitted)):
            totals[index] += value
        sheet.line(
            [number, unit.name, unit_members, unit_due, unit_collected, _pct(unit_collected, unit_due), kept, remitted]
        )
    sheet.line(
        ["", "Cộng", totals[0], totals[1], totals[2], _pct(totals[2], totals[1]), totals[3], totals[4]], bold=True
    )
    sheet.footer(format_place_date(timezone.localdate()), "T/M BAN THƯỜNG VỤ")
    sheet.widths([5, 36, 14, 16, 16, 12, 16, 16])
    return sheet.bytes()


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0
