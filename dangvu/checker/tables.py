"""Tables of a report, from tab-separated text rows, DOCX tables or PDF tables.

Extracted tables are untidy: empty cells, header rows repeated on every page, header cells spanning
two lines or several columns, a row of column numbers ("1 2 3 ...") under the header. `build_table`
turns raw rows into a header (one joined caption per column, with a kind) and data rows.
"""

import re
from dataclasses import dataclass, field

from dangvu.checker.numbers import Token, parse_cell
from dangvu.lib.vntext import fold

_STT = re.compile(r"^\(?([IVXLC]+|[0-9]+(?:\.[0-9]+)*|[a-zđ])[.)]?$", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")
_PERIOD_WORDS = ("nam ", "thang", "quy ", "uoc ", "giua nhiem ky", "dau nam", "cuoi nam")
_TOTAL_LABELS = {"tong", "tong cong", "cong", "tong so", "toan dang bo", "toan khoi", "toan tinh", "chung"}


@dataclass
class Column:
    index: int
    header: str
    kind: str = "value"  # stt, label, unit, target, period, total, percent, remark, value


@dataclass
class Row:
    number: int  # 1-based position among the table's data rows
    cells: list[str]
    line: int | None = None  # source line in a text file
    values: dict[int, Token] = field(default_factory=dict)  # column index -> number in the cell

    def cell(self, index: int) -> str:
        return self.cells[index].strip() if index < len(self.cells) else ""


@dataclass
class Table:
    index: int  # 1-based position among the document's tables
    header_rows: list[list[str]]
    columns: list[Column]
    rows: list[Row]
    page: int | None = None

    def columns_of(self, kind: str) -> list[Column]:
        return [c for c in self.columns if c.kind == kind]

    @property
    def label_column(self) -> int | None:
        labels = self.columns_of("label")
        return labels[0].index if labels else None

    def row_label(self, row: Row) -> str:
        index = self.label_column
        return row.cell(index) if index is not None else ""

    def row_stt(self, row: Row) -> str:
        stt = self.columns_of("stt")
        if stt:
            return row.cell(stt[0].index)
        first = row.cell(0)
        return first if _STT.match(first) else ""


def split_tab_row(line: str) -> list[str]:
    return [cell.strip() for cell in line.rstrip("\n").split("\t")]


def _is_numeric(text: str) -> bool:
    return parse_cell(text) is not None


def _is_column_number_row(cells: list[str]) -> bool:
    """The row of column numbers under a header: "1 2 3 4" or "(1) (2) (3)" or "A B 1 2"."""
    filled = [c.strip("() ") for c in cells if c.strip()]
    if len(filled) < 3:
        return False
    numbers = [c for c in filled if c.isdigit()]
    letters = [c for c in filled if len(c) == 1 and c.isalpha()]
    if len(numbers) + len(letters) != len(filled) or len(numbers) < 2:
        return False
    ints = [int(c) for c in numbers]
    return ints == list(range(ints[0], ints[0] + len(ints)))


def header_like(cells: list[str]) -> bool:
    """No number in it other than years: captions ("Năm 2021", "Tỷ lệ %") or empty cells."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return False
    first = cells[0].strip() if cells else ""
    if first and _STT.match(first) and not _YEAR.fullmatch(first):
        return False
    for cell in filled:
        token = parse_cell(cell)
        if token is not None and not (token.kind == "int" and 1900 <= token.value <= 2100):
            return False
    return True


def header_signature(cells: list[str]) -> str:
    return "|".join(fold(c) for c in cells)


def build_table(raw_rows: list[list[str]], *, index: int, lines: list[int] | None = None, page: int | None = None):
    """A Table from raw cell rows. `lines` gives the source line of each raw row, if known."""
    width = max((len(r) for r in raw_rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in raw_rows]
    lines = lines or [None] * len(rows)

    header_count = 0
    while header_count < min(4, len(rows)):
        cells = rows[header_count]
        if _is_column_number_row(cells):
            header_count += 1
            break
        if header_like(cells) and (header_count == 0 or _continues_header(cells, rows[header_count - 1])):
            header_count += 1
            continue
        break
    header_rows = rows[:header_count]
    captions = _column_captions(header_rows, width)

    signatures = {header_signature(r) for r in header_rows if any(c.strip() for c in r)}
    data: list[Row] = []
    for cells, line in zip(rows[header_count:], lines[header_count:], strict=False):
        if not any(c.strip() for c in cells):
            continue
        if header_signature(cells) in signatures or _is_column_number_row(cells):
            continue  # the header repeated at the top of a new page
        if data and (_continues_previous(cells) or _completes_previous(cells, data[-1].cells)):
            for i, cell in enumerate(cells):
                if cell.strip():
                    data[-1].cells[i] = f"{data[-1].cells[i].strip()} {cell.strip()}".strip()
            continue
        data.append(Row(number=len(data) + 1, cells=cells, line=line))

    columns = [Column(i, captions[i]) for i in range(width)]
    table = Table(index=index, header_rows=header_rows, columns=columns, rows=data, page=page)
    _classify_columns(table)
    for row in data:
        for column in table.columns:
            if column.kind in {"stt", "label", "remark", "unit"}:
                continue
            token = parse_cell(row.cell(column.index))
            if token is not None:
                row.values[column.index] = token
    return table


def _filled(cells: list[str]) -> list[str]:
    return [c.strip() for c in cells if c.strip()]


def _continues_header(cells: list[str], above: list[str]) -> bool:
    """A second caption row: several captions ("2020", "2021", "Tổng"), or the rest of a wrapped one."""
    filled = _filled(cells)
    return len(filled) >= 2 or (len(filled) == 1 and filled[0][:1].islower())


def _completes_previous(cells: list[str], previous: list[str]) -> bool:
    """A label wrapped onto the next line, which carries the row's figures: "3 | Tỷ lệ ... kiểm tra," then
    " | giám sát | 30 | 32"."""
    filled_before = _filled(previous)
    first_text = next((c.strip() for c in cells if c.strip()), "")
    return (
        len(filled_before) <= 2
        and not cells[0].strip()
        and first_text[:1].islower()
        and not any(_is_numeric(c) for c in previous[1:])
    )


def _continues_previous(cells: list[str]) -> bool:
    """The wrapped end of the row above: one lower-case text cell and nothing else."""
    filled = _filled(cells)
    return len(filled) == 1 and filled[0][:1].islower() and not _is_numeric(filled[0])


def _column_captions(header_rows: list[list[str]], width: int) -> list[str]:
    """Join the caption parts of each column, top to bottom; a caption spanning columns covers them all."""
    spread: list[list[str]] = []
    for r, cells in enumerate(header_rows):
        row = list(cells)
        below = header_rows[r + 1] if r + 1 < len(header_rows) else None
        if below is not None and not _is_column_number_row(below):
            carry = ""
            for i in range(width):
                if row[i].strip():
                    carry = row[i]
                elif carry and below[i].strip():
                    row[i] = carry  # "Kết quả thực hiện" over the year columns
                else:
                    carry = ""
        spread.append(row)
    captions = []
    for i in range(width):
        parts: list[str] = []
        for row in spread:
            if _is_column_number_row(row):
                continue
            part = " ".join(row[i].split())
            if part and part not in parts:
                parts.append(part)
        captions.append(" ".join(parts))
    return captions


def _classify_columns(table: Table) -> None:
    rows = table.rows
    for column in table.columns:
        h = fold(column.header)
        cells = [r.cell(column.index) for r in rows if r.cell(column.index)]
        numeric = sum(_is_numeric(c) for c in cells)
        texty = len(cells) - numeric
        if h in {"tt", "stt", "so tt", "so thu tu"} or (
            column.index == 0 and cells and all(_STT.match(c) for c in cells) and not h
        ):
            column.kind = "stt"
        elif "don vi tinh" in h or h == "dvt":
            column.kind = "unit"
        elif "ghi chu" in h or "danh gia" in h:
            column.kind = "remark"
        elif "%" in h or "ty le" in h:
            column.kind = "percent"
        elif cells and texty > numeric:
            column.kind = "label"
        elif (
            re.search(r"\b(tong|cong|luy ke)\b|\b(ca|toan) (nhiem ky|giai doan)\b", h)
            or (re.search(r"\b(nhiem ky|giai doan)\b", h) and not _YEAR.search(h))
        ) and not ("chi tieu" in h or "ke hoach" in h or "muc tieu" in h or "nghi quyet" in h):
            column.kind = "total"
        elif (
            "chi tieu" in h
            or "ke hoach" in h
            or "muc tieu" in h
            or re.search(r"\bnq\b", h)
            or ("nghi quyet" in h and not _YEAR.search(h))
        ):
            column.kind = "target"
        elif _YEAR.search(h) or any(w in h + " " for w in _PERIOD_WORDS):
            column.kind = "period"
    _result_after_periods(table)
    labels = [c for c in table.columns if c.kind == "label"]
    for extra in labels[1:]:
        extra.kind = "text"


def _result_after_periods(table: Table) -> None:
    """ "2021 | 2022 | 2023 | Thực hiện": the result right after the year columns is the term's total."""
    periods = [c.index for c in table.columns if c.kind == "period"]
    if len(periods) < 2 or any(c.kind == "total" for c in table.columns):
        return
    following = table.columns[periods[-1] + 1] if periods[-1] + 1 < len(table.columns) else None
    if following is not None and following.kind == "value" and fold(following.header) in {"thuc hien", "ket qua"}:
        following.kind = "total"


def is_total_label(label: str) -> bool:
    return fold(label).strip(" :.") in _TOTAL_LABELS


def merge_continued(tables: list[Table]) -> list[Table]:
    """Tables split by a page break, the header repeated, become one (data rows renumbered)."""
    merged: list[Table] = []
    for table in tables:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and table.header_rows
            and [header_signature(r) for r in table.header_rows] == [header_signature(r) for r in previous.header_rows]
            and getattr(table, "_adjacent", True)
        ):
            for row in table.rows:
                row.number = len(previous.rows) + 1
                previous.rows.append(row)
            continue
        merged.append(table)
    for i, table in enumerate(merged, start=1):
        table.index = i
    return merged
