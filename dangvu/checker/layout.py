"""The structure of an appendix table as offices lay it out: what each row is and what kind of figure it holds.

Real appendices of resolution targets group their rows: a section row ("I", "CÔNG TÁC ...") with no
figures, numbered items ("1", "2" or "1.1"), "- " parts under an item, and sometimes a "Cộng" row closing
the parts. Parts are either the breakdown of their item, the variants of its target ("- Chỉ tiêu nghị
quyết", "- Chỉ tiêu tỉnh giao", "- Chỉ tiêu phấn đấu": the same actuals against several targets) or the
shares of a whole in % (the grades of an assessment). What a row's term total is depends on the kind of
figure: counts add up, rates are averaged, a stock ("cuối năm", "tổng số") repeats the last year.
"""

import re
from dataclasses import dataclass, field

from dangvu.checker.tables import Row, Table, is_total_label
from dangvu.lib.vntext import fold

_ROMAN = re.compile(r"^[IVXL]+$")
_STOCK = ("cuoi nam", "cuoi ky", "cuoi nhiem ky", "cuoi giai doan", "hien co", "den cuoi", "tai thoi diem", "hien nay")
_STOCK_OR_SUM = ("tong so",)  # "tổng số đảng viên" is a stock, "tổng số lượt ..." may be a sum
_AVERAGE = ("binh quan", "trung binh")
_VARIANT = ("chi tieu", "nghi quyet", "tinh giao", "cap tren giao", "phan dau", "ke hoach", "muc tieu")
_GRADES = ("hoan thanh", "xep loai", "trong sach", "vung manh", "xuat sac", "kha", "yeu kem", "khong dat")
_RATE_UNITS = ("%", "ty le", "phan tram")


@dataclass
class Line:
    """One data row of the table, placed in the structure."""

    row: Row
    role: str  # section, item, part, total, plain
    stt: str
    label: str  # folded, without the leading "- "
    unit: str  # folded, inherited from the item when a part leaves it empty
    parent: "Line | None" = None
    parts: list["Line"] = field(default_factory=list)

    @property
    def is_rate(self) -> bool:
        if any(token.kind == "percent" for token in self.row.values.values()):
            return True  # "96,12%" written in the cells
        return any(u in self.unit for u in _RATE_UNITS) or self.label.startswith("ty le") or "(%)" in self.label

    @property
    def figure(self) -> str:
        """count, rate, stock, stock_or_sum or average: how the term total follows from the years."""
        if self.is_rate:
            return "rate"
        if any(w in self.label for w in _STOCK):
            return "stock"
        if any(w in self.label for w in _AVERAGE):
            return "average"
        if any(w in self.label for w in _STOCK_OR_SUM):
            return "stock_or_sum"
        return "count"

    @property
    def is_variant(self) -> bool:
        return self.role == "part" and self.label.startswith(_VARIANT)

    @property
    def is_grade(self) -> bool:
        return any(w in self.label for w in _GRADES)


def _clean_label(label: str) -> str:
    return fold(label).lstrip("-+*–• ").strip(" :.")


def _is_part(stt: str, label: str) -> bool:
    return stt in {"-", "+", "*", "–"} or label.lstrip().startswith(("-", "+", "*", "–", "•"))


def structure(table: Table) -> list[Line]:
    """The rows of `table` with their role, their item and their parts."""
    units = table.columns_of("unit")
    lines: list[Line] = []
    item: Line | None = None
    for row in table.rows:
        stt = table.row_stt(row).strip(". ")
        raw_label = table.row_label(row)
        label = _clean_label(raw_label)
        unit = fold(row.cell(units[0].index)) if units else ""
        if is_total_label(raw_label) and not stt:
            line = Line(row, "total", stt, label, unit)
        elif _ROMAN.match(stt) and not row.values:
            line = Line(row, "section", stt, label, unit)
            item = None
        elif _is_part(stt, raw_label) and item is not None:
            line = Line(row, "part", stt, label, unit or item.unit, parent=item)
        elif item is not None and "." in stt and item.stt and stt.startswith(item.stt + "."):
            line = Line(row, "part", stt, label, unit or item.unit, parent=item)
        elif stt:
            line = Line(row, "item", stt, label, unit)
        else:
            line = Line(row, "plain", stt, label, unit)
        if line.role == "part":
            line.parent.parts.append(line)
        elif line.role == "item":
            item = line
        elif line.role == "total":
            if item is not None and item.parts and lines and lines[-1].role == "part":
                line.parent = item  # the "Cộng" of the parts above
            item = None
        lines.append(line)
    return lines


def rows_summed_by_total(lines: list[Line], position: int) -> list[Line]:
    """The rows a "Cộng" row adds up: the parts right above it, else the items (or plain rows) above it
    back to the section row or the previous total, in the total's unit."""
    total = lines[position]
    if total.parent is not None:
        return list(total.parent.parts)
    above: list[Line] = []
    for line in reversed(lines[:position]):
        if line.role in {"section", "total"}:
            break
        if line.role in {"item", "plain"} and line.row.values:
            above.append(line)
    above.reverse()
    if total.unit:
        above = [line for line in above if line.unit == total.unit]
    return above
