"""Reading uploaded tables (XLSX through openpyxl in read-only mode, CSV through the csv module).

Everything that makes a file unusable as a whole (wrong type, a damaged workbook, a legacy
encoding, a cell larger than any register holds, too many rows) raises `FileProblem` with a
Vietnamese message; nothing has been written at that point. Problems of single cells are the
importer's business and are reported per row.
"""

import contextlib
import csv
import io
import os
import pickle
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from dangvu.exchange.columns import Column, header_key, header_lookup
from dangvu.lib.numbers import format_int
from dangvu.lib.untrusted_files import FileRefused, inspect_xlsx, run_bounded

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_DATA_ROWS = 250_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_COLUMNS = 1_000  # of a CSV row; the register has about 40
BLANK_RUN_STOP = 1_000  # this many blank rows in a row end the table
HEADER_SCAN_ROWS = 15


class FileProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Formula:
    """A cell holding a formula: refused, since its value depends on the spreadsheet program."""

    text: str


@dataclass
class Table:
    file_format: str  # "xlsx" or "csv"
    headers: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]]
    estimated_rows: int | None = None
    encoding: str = ""
    closers: list = field(default_factory=list)

    def close(self) -> None:
        for close in self.closers:
            close()


def file_format(name: str) -> str:
    lowered = (name or "").lower()
    if lowered.endswith(".xlsx"):
        return "xlsx"
    if lowered.endswith((".csv", ".txt")):
        return "csv"
    if lowered.endswith(".xls"):
        raise FileProblem(
            _("This is an Excel 97-2003 workbook (.xls). Open it in Excel and save it as .xlsx, then upload it again.")
        )
    raise FileProblem(_("Only .xlsx workbooks and .csv files can be imported."))


def open_table(path, *, name: str, columns: tuple[Column, ...]) -> Table:
    """Open the file at `path` (uploaded as `name`) and find its header row."""
    fmt = file_format(name)
    with open(path, "rb") as handle:
        head = handle.read(8)
        handle.seek(0, io.SEEK_END)
        size = handle.tell()
    if size == 0:
        raise FileProblem(_("The file is empty."))
    if size > MAX_FILE_BYTES:
        raise FileProblem(
            _("The file is %(size)s MB; at most %(limit)s MB can be imported at once. Split it into several files.")
            % {"size": format_int(size // (1024 * 1024)), "limit": format_int(MAX_FILE_BYTES // (1024 * 1024))}
        )
    if fmt == "xlsx":
        return _open_xlsx(path, head, columns)
    return _open_csv(path, head, columns)


# --- XLSX ---------------------------------------------------------------------------------------


def _damaged() -> FileProblem:
    return FileProblem(
        _("The workbook is damaged and cannot be read. Open it in Excel, save it again and upload the new file.")
    )


# A sheet whose cells span more than this is read by openpyxl's streaming reader: calamine holds the
# whole rectangle from the first to the last cell in memory (about 32 bytes a cell).
DENSE_READ_CELLS = 2_000_000


def _open_xlsx(path, head: bytes, columns) -> Table:
    """Inspect the workbook, then read its first sheet in a bounded child process (lib.untrusted_files).

    The child reads with calamine (fast, values only), or with openpyxl for a workbook holding formulas
    (openpyxl names them) or cells spread over a huge area (openpyxl streams); it writes the rows to a
    spool file that the import then reads row by row.
    """
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(
            _("This is an Excel 97-2003 workbook (.xls). Open it in Excel and save it as .xlsx, then upload it again.")
        )
    if not head.startswith(b"PK"):
        raise FileProblem(_("The file is not an Excel workbook (.xlsx), although its name ends in .xlsx."))
    try:
        facts = inspect_xlsx(path)
    except FileRefused as refused:
        raise FileProblem(refused.message) from refused
    streaming = facts.has_formulas or facts.largest_area > DENSE_READ_CELLS
    import openpyxl  # noqa: F401 - imported once here rather than in every child
    import python_calamine  # noqa: F401

    return _spooled("xlsx", _xlsx_rows_openpyxl if streaming else _xlsx_rows_calamine, path, columns)


def _spooled(fmt: str, reader, path, columns) -> Table:
    """Run `reader(path)` (a generator of rows) in a bounded child that pickles the rows to a spool file."""
    handle, spool = tempfile.mkstemp(prefix="dangvu-rows-", suffix=".pickle")
    os.close(handle)

    def remove() -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(spool)

    try:
        first_row, estimated, encoding = run_bounded(_write_spool, reader, str(path), spool)
    except FileRefused as refused:
        remove()
        raise FileProblem(refused.message) from refused
    except BaseException:
        remove()
        raise
    spool_file = open(spool, "rb")  # noqa: SIM115 - the table's rows read it until the table is closed
    remove()  # the open file stays readable; nothing is left behind if the table is never closed
    rows = _read_spool(spool_file)
    first = []
    for _index in range(HEADER_SCAN_ROWS):
        try:
            first.append(next(rows))
        except StopIteration:
            break
    try:
        header_index, headers = _find_header(first, columns, require_known=fmt == "xlsx")
    except FileProblem:
        rows.close()
        spool_file.close()
        raise

    def data_rows() -> Iterator[tuple[int, list]]:
        yield from enumerate(first[header_index + 1 :], start=first_row + header_index + 1)
        yield from enumerate(rows, start=first_row + len(first))

    def close() -> None:
        rows.close()
        spool_file.close()

    return Table(
        fmt,
        headers,
        first_row + header_index,
        _limited(data_rows()),
        estimated_rows=None if estimated is None else max(estimated - header_index - 1, 0),
        encoding=encoding,
        closers=[close],
    )


SPOOL_BATCH = 1_000


def _write_spool(reader, path: str, spool: str) -> tuple[int, int | None, str]:
    """In the child: the rows, pickled in batches; stops where `_limited` would stop or refuse.

    Returns (number of the first row, estimated rows, encoding).
    """
    rows = reader(path)
    first_row, estimated, encoding = next(rows)
    batch: list[list] = []
    blank_run = data = 0
    with open(spool, "wb") as out:
        for values in rows:
            batch.append(values)
            if _is_blank(values):
                blank_run += 1
                if blank_run >= BLANK_RUN_STOP:
                    break
            else:
                blank_run = 0
                data += 1
                if data > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                    break
            if len(batch) >= SPOOL_BATCH:
                pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
                batch = []
        if batch:
            pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
    return first_row, estimated, encoding


def _read_spool(handle) -> Iterator[list]:
    """The rows the child wrote (a file this process created and only our child wrote, so not untrusted)."""
    while True:
        try:
            batch = pickle.load(handle)
        except EOFError:
            return
        yield from batch


def _xlsx_rows_calamine(path: str) -> Iterator:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        sheet = workbook.get_sheet_by_index(0)
        yield (sheet.start[0] if sheet.start else 0) + 1, sheet.height, ""
        for row in sheet.iter_rows():
            yield list(row)
    except Exception as damaged:  # calamine raises its own kinds for bad zips, XML and passwords
        raise _damaged() from damaged


def _xlsx_rows_openpyxl(path: str) -> Iterator:
    import openpyxl

    number = 0
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        yield 1, sheet.max_row if isinstance(sheet.max_row, int) else None, ""
        for row in sheet.iter_rows():
            number += 1
            yield [_xlsx_value(c) for c in row]
    except FileProblem:
        raise
    except Exception as damaged:  # openpyxl raises many kinds on malformed XML
        if number > HEADER_SCAN_ROWS:
            raise FileProblem(
                _("The workbook is damaged after row %(row)s and cannot be read.") % {"row": format_int(number)}
            ) from damaged
        raise _damaged() from damaged


def _xlsx_value(cell):
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=") and len(value) > 1):
        return Formula(str(value))
    return value


# --- CSV ----------------------------------------------------------------------------------------

# Bytes frequent in Windows-1258 Vietnamese: the combining tone marks and ơ ư ă đ.
_CP1258_MARKS = set(b"\xcc\xec\xd2\xde\xf2\xf5\xfd\xe3\xf0\xd5\xdd\xc3\xd0")


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as bad:
            raise FileProblem(_("The file says it is UTF-16 text but cannot be read as such.")) from bad
    if b"\x00" in data[:4096]:
        raise FileProblem(_("The file is not a text (CSV) file."))
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    high = [b for b in data if b >= 0x80]
    marks = sum(1 for b in high if b in _CP1258_MARKS)
    if high and marks / len(high) > 0.5:
        raise FileProblem(
            _(
                "The file is in the Windows-1258 encoding, not Unicode (UTF-8). In Excel choose "
                'Save As > "CSV UTF-8 (Comma delimited)" and upload the new file.'
            )
        )
    raise FileProblem(
        _(
            "The file is not in Unicode (UTF-8); it looks like the legacy TCVN3 (ABC) encoding. Convert it to "
            'Unicode (for example with Unikey\'s converter), save it as "CSV UTF-8" and upload it again.'
        )
    )


def _open_csv(path, head: bytes, columns) -> Table:
    if head.startswith(b"PK") or head.startswith(b"%PDF") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(_("The file is not a text (CSV) file."))
    return _spooled("csv", _csv_rows, path, columns)


def _csv_rows(path: str) -> Iterator:
    """In the child: decode, sniff the delimiter, read rows no wider than MAX_COLUMNS, no cell above MAX_CELL_CHARS."""
    with open(path, "rb") as handle:
        text, encoding = _decode(handle.read())
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    # One past the limit, so that `_limited` names the row and the size of a long cell; longer is refused here.
    csv.field_size_limit(MAX_CELL_CHARS * 8)
    yield 1, text.count("\n"), encoding
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    del text
    number = 0
    try:
        for row in reader:
            number += 1
            if len(row) > MAX_COLUMNS:
                raise FileProblem(
                    _("Row %(row)s has %(count)s columns; the register has far fewer. Check the file.")
                    % {"row": format_int(number), "count": format_int(len(row))}
                )
            yield row
    except csv.Error as bad:
        if "field larger than field limit" in str(bad):
            raise FileProblem(
                _("Row %(row)s holds a cell of more than %(size)s characters; no column of the register is that long.")
                % {"row": format_int(number + 1), "size": format_int(MAX_CELL_CHARS)}
            ) from bad
        if number < HEADER_SCAN_ROWS:
            raise FileProblem(_("The file cannot be read as CSV: %(reason)s") % {"reason": str(bad)}) from bad
        raise FileProblem(
            _("Row %(row)s cannot be read as CSV: %(reason)s") % {"row": format_int(number + 1), "reason": bad}
        ) from bad


# --- shared -------------------------------------------------------------------------------------


def _find_header(first: list[list], columns, *, require_known: bool = True) -> tuple[int, list[str]]:
    """The row among the first ones that names most of our columns (the template has a title above it)."""
    if not first:
        raise FileProblem(_("The file has no rows."))
    lookup = header_lookup(columns)
    best, best_hits = None, 0
    for index, row in enumerate(first):
        hits = sum(1 for value in row if isinstance(value, str) and header_key(value) in lookup)
        if hits > best_hits:
            best, best_hits = index, hits
    if best is None or best_hits < 2:
        if require_known:
            raise FileProblem(
                _("No row of column titles was found. Use the template from the import page and keep its title row.")
            )
        # A CSV of unknown layout: its first non-empty row holds the titles, mapped by hand.
        best = next((i for i, row in enumerate(first) if any(str(v or "").strip() for v in row)), 0)
    headers = ["" if v is None or isinstance(v, Formula) else str(v).strip() for v in first[best]]
    return best, headers


def _is_blank(values: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _limited(rows: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list]]:
    """Skip blank rows, stop after a long run of them, refuse tables too large to import at once."""
    blank_run = 0
    data = 0
    for number, values in rows:
        if _is_blank(values):
            blank_run += 1
            if blank_run >= BLANK_RUN_STOP:
                return
            continue
        blank_run = 0
        data += 1
        if data > MAX_DATA_ROWS:
            raise FileProblem(
                _("The file has more than %(limit)s rows; split it into several files.")
                % {"limit": format_int(MAX_DATA_ROWS)}
            )
        for value in values:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise FileProblem(
                    _("Row %(row)s holds a cell of %(size)s characters; no column of the register is that long.")
                    % {"row": format_int(number), "size": format_int(len(value))}
                )
        yield number, values
