"""Files from outside (imports, reports to check, photos, attachments) are inspected before any parser sees them,
and parsed in a child process that cannot take more than a set amount of memory and time.

The inspections are cheap and streamed (a zip's central directory, its XML read in 1 MB pieces, a PDF's
compressed streams inflated into a counter, an image's header): they refuse what is certainly hostile or
beyond what the system handles, with a Vietnamese message. `run_bounded` is the backstop for everything the
inspections cannot foresee: the parser runs in a forked child with RLIMIT_AS and a wall-clock timeout, so a
file that makes a parser (calamine, openpyxl, python-docx, pdfminer, pdfium) run away kills that child only.

The limits are settings (DANGVU_FILE_*, see `limit` and docs/security.md).
"""

import mmap
import multiprocessing
import multiprocessing.connection
import os
import re
import resource
import warnings
import zipfile
import zlib
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from dangvu.lib.numbers import format_int

MB = 1024 * 1024

DEFAULTS = {
    "DANGVU_FILE_MEMORY_LIMIT_MB": 512,  # address space a parser may add to what the process already maps
    "DANGVU_FILE_TIME_LIMIT_S": 60,  # wall-clock seconds a parser may run
    "DANGVU_FILE_MAX_ZIP_ENTRIES": 5_000,  # members of a .xlsx/.docx/.odt archive
    "DANGVU_FILE_MAX_UNCOMPRESSED_MB": 500,  # sum of the members' uncompressed sizes
    "DANGVU_FILE_MAX_ZIP_RATIO": 100,  # uncompressed / compressed size of a member larger than 1 MB
    "DANGVU_FILE_MAX_SHEET_CELLS": 20_000_000,  # rows x columns a worksheet declares (<dimension ref>)
    "DANGVU_FILE_MAX_CELL_CHARS": 32_767,  # characters of one cell or shared string (Excel's own limit)
    "DANGVU_FILE_MAX_PDF_PAGES": 500,
    "DANGVU_FILE_MAX_PDF_STREAM_MB": 128,  # sum of a PDF's streams once inflated
    "DANGVU_FILE_MAX_IMAGE_PIXELS": 40_000_000,  # width x height of a photo or scanned page (a 40 MP camera)
}
_RATIO_FROM_BYTES = MB  # small members (styles, rels) may compress better than any ratio; they cannot hurt


def limit(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


class FileRefused(Exception):
    """The file is refused before or while parsing; `message` is a one-line Vietnamese reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _too_big() -> FileRefused:
    return FileRefused(
        _("The file is refused: once unpacked it is far larger than a real document of its kind (a “zip bomb”).")
    )


# --- running a parser ---------------------------------------------------------------------------


def _address_space() -> int:
    """Bytes of address space this process maps now (the child starts with the same)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _peak_address_space() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024
    return 0


def _out_of_memory(error: BaseException, ceiling: int, memory_bytes: int) -> bool:
    """Whether an error comes from the memory limit: C libraries (libxml2, zlib, pdfium) that fail an
    allocation raise their own kinds, which the parsers wrap again; the peak or the chain tells."""
    if _peak_address_space() > ceiling - memory_bytes // 10:
        return True
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, MemoryError) or "alloc" in str(error).lower():
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _child(connection, memory_bytes: int, func, args) -> None:
    ceiling = _address_space() + memory_bytes
    try:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, resource.RLIM_INFINITY))
        result = ("ok", func(*args))
    except MemoryError:
        result = ("memory", None)
    except BaseException as error:  # sent back and raised again in the parent
        result = ("memory", None) if _out_of_memory(error, ceiling, memory_bytes) else ("error", error)
    try:
        connection.send(result)
    except Exception:  # an unpicklable result or exception: the parent learns only that reading failed
        connection.send(("error", FileRefused(_("The file cannot be read."))))
    connection.close()


@dataclass
class Run:
    """What the last bounded run used (tests and measurements read it)."""

    max_rss_kb: int = 0
    exitcode: int | None = None


last_run = Run()


def run_bounded(func, *args, memory_mb: int | None = None, time_s: float | None = None):
    """`func(*args)` in a forked child with RLIMIT_AS and a timeout; its (picklable) result or its exception.

    A child that runs out of memory, dies or overruns the time is killed and FileRefused is raised.
    """
    memory = (memory_mb if memory_mb is not None else limit("DANGVU_FILE_MEMORY_LIMIT_MB")) * MB
    timeout = time_s if time_s is not None else limit("DANGVU_FILE_TIME_LIMIT_S")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, memory, func, args), daemon=True)
    process.start()
    sender.close()
    try:
        ready = multiprocessing.connection.wait([receiver, process.sentinel], timeout)
        if not ready:
            raise FileRefused(
                _("The file is refused: reading it took longer than %(seconds)s seconds.")
                % {"seconds": format_int(timeout)}
            )
        try:
            status, value = receiver.recv()
        except (EOFError, OSError):
            status, value = "memory", None  # killed by the kernel or aborted on a failed allocation
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
        last_run.exitcode = process.exitcode
        last_run.max_rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if status == "memory":
        raise FileRefused(
            _("The file is refused: reading it needs more than %(limit)s MB of memory.")
            % {"limit": format_int(memory // MB)}
        )
    if status == "error":
        raise value
    return value


# --- zip archives (.xlsx, .docx, .odt) ----------------------------------------------------------


def inspect_zip(path_or_file) -> list[zipfile.ZipInfo]:
    """The members of a zip archive whose declared sizes, count and compression ratio are within the limits."""
    try:
        with zipfile.ZipFile(path_or_file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as damaged:
        raise FileRefused(_("The file is damaged: it is not a valid Office (zip) archive.")) from damaged
    if len(members) > limit("DANGVU_FILE_MAX_ZIP_ENTRIES"):
        raise FileRefused(
            _("The file is refused: it packs %(count)s parts; at most %(limit)s are accepted.")
            % {"count": format_int(len(members)), "limit": format_int(limit("DANGVU_FILE_MAX_ZIP_ENTRIES"))}
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_FROM_BYTES and member.file_size > limit("DANGVU_FILE_MAX_ZIP_RATIO") * max(
            member.compress_size, 1
        ):
            raise _too_big()
    if total > limit("DANGVU_FILE_MAX_UNCOMPRESSED_MB") * MB:
        raise _too_big()
    return members


def inspect_docx(path) -> None:
    """A .docx within the zip limits, its XML parts streamed (a lying size or damaged member is refused here)."""
    members = inspect_zip(path)
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise FileRefused(_("The file is damaged: it is not a Word (.docx) document."))
    with zipfile.ZipFile(path) as archive:
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                _scan_member(archive, member, _TextRuns(limit("DANGVU_FILE_MAX_CELL_CHARS") * 100))


# --- workbooks ----------------------------------------------------------------------------------

_COLUMN_LETTERS = re.compile(rb"^([A-Z]{1,3})([0-9]{1,7})$")
_DIMENSION = re.compile(rb"dimension\s[^>]*?\bref=[\"']([^\"']+)[\"']")
# Every r="B7" of a cell and r="7" of a row (searched by its literal, which is fast). Something else that
# happens to match only makes the sheet look larger, so that it is read by the streaming reader: safe.
_REFS = (re.compile(rb'r="([A-Z]{0,3})([0-9]{1,7})"'), re.compile(rb"r='([A-Z]{0,3})([0-9]{1,7})'"))
_FORMULAS = (re.compile(rb"<f[\s/>]"), re.compile(rb":f[\s/>]"))
_ENTITY = re.compile(rb"&[#\w]{1,10};")
_CARRY_LIMIT = 4 * MB  # a tag or text run this long without a "<" is no spreadsheet


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _cell(ref: bytes) -> tuple[int, int] | None:
    m = _COLUMN_LETTERS.match(ref.strip().upper())
    return (int(m.group(2)), _column_number(m.group(1))) if m else None


class _TextRuns:
    """Refuses a text run (a cell, a shared string, a paragraph's run) longer than `chars` characters."""

    def __init__(self, chars: int):
        self.chars = chars

    def __call__(self, piece: bytes) -> None:
        # A run longer than `chars` covers a whole aligned block of chars // 2 bytes holding no "<": looking
        # for "<" block by block (a C search each) finds the candidates without a loop over every tag.
        block = max(self.chars // 2, 1)
        checked_to = 0
        for start in range(0, len(piece), block):
            if start < checked_to or piece.find(b"<", start, start + block) >= 0:
                continue
            begin = piece.rfind(b"<", 0, start) + 1
            end = piece.find(b"<", start)
            end = len(piece) if end < 0 else end
            checked_to = end
            segment = piece[begin:end]
            text = _ENTITY.sub(b"x", segment.partition(b">")[2] or segment)
            length = len(text.decode("utf-8", "replace"))
            if length > self.chars:
                raise FileRefused(
                    _(
                        "The file is refused: it holds a cell or a text of %(size)s characters; "
                        "at most %(limit)s are accepted."
                    )
                    % {"size": format_int(length), "limit": format_int(self.chars)}
                )


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, *checks) -> None:
    """Stream one member through `checks`, each seeing whole tags and text runs (cut before the last "<").

    zipfile stops at the declared size and checks the CRC, so a member that inflates beyond what it
    declares (which the inspections were counting on) is refused as damaged.
    """
    carry = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(MB):
                buffer = carry + chunk
                cut = buffer.rfind(b"<")
                if cut <= 0:
                    cut = len(buffer) if len(buffer) > _CARRY_LIMIT else 0
                piece, carry = buffer[:cut], buffer[cut:]
                for check in checks:
                    check(piece)
                if len(carry) > _CARRY_LIMIT:
                    for check in checks:
                        check(carry)
                    raise FileRefused(_("The file is damaged and cannot be read."))
        for check in checks:
            check(carry)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as damaged:
        raise FileRefused(_("The file is damaged and cannot be read.")) from damaged


class _SheetExtent:
    def __init__(self):
        self.declared = 0
        self.rows = [0, 0]
        self.cols = [0, 0]
        self.formulas = False

    def _grow(self, row: int, col: int | None = None) -> None:
        self.rows = [min(self.rows[0] or row, row), max(self.rows[1], row)]
        if col is not None:
            self.cols = [min(self.cols[0] or col, col), max(self.cols[1], col)]

    def __call__(self, piece: bytes) -> None:
        if b"dimension" in piece:
            for m in _DIMENSION.finditer(piece):
                corners = [_cell(part) for part in m.group(1).split(b":")]
                if all(corners):
                    first, last = corners[0], corners[-1]
                    area = (abs(last[0] - first[0]) + 1) * (abs(last[1] - first[1]) + 1)
                    self.declared = max(self.declared, area)
        refs = _REFS[0].findall(piece) + (_REFS[1].findall(piece) if b"r='" in piece else [])
        if refs:
            rows = [int(number) for _letters, number in refs]
            self._grow(min(rows))
            self._grow(max(rows))
            columns = [_column_number(letters) for letters in {letters for letters, _number in refs} if letters]
            if columns:
                self.cols = [min(self.cols[0] or min(columns), min(columns)), max(self.cols[1], max(columns))]
        if not self.formulas and any(pattern.search(piece) for pattern in _FORMULAS):
            self.formulas = True

    @property
    def area(self) -> int:
        return (self.rows[1] - self.rows[0] + 1) * (max(self.cols[1] - self.cols[0], 0) + 1) if self.rows[1] else 0


@dataclass
class WorkbookFacts:
    has_formulas: bool
    largest_area: int  # rows x columns from the first to the last cell of the largest sheet


def inspect_xlsx(path) -> WorkbookFacts:
    """A workbook within the zip limits whose sheets declare a sane size and whose cells are not giant."""
    members = inspect_zip(path)
    max_cells = limit("DANGVU_FILE_MAX_SHEET_CELLS")
    text = _TextRuns(limit("DANGVU_FILE_MAX_CELL_CHARS"))
    facts = WorkbookFacts(has_formulas=False, largest_area=0)
    with zipfile.ZipFile(path) as archive:
        for member in members:
            name = member.filename
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                extent = _SheetExtent()
                _scan_member(archive, member, extent, text)
                if extent.declared > max_cells:
                    raise FileRefused(
                        _(
                            "The file is refused: a sheet declares %(cells)s cells; at most %(limit)s are accepted. "
                            "Copy only the rows that hold data into a new workbook."
                        )
                        % {"cells": format_int(extent.declared), "limit": format_int(max_cells)}
                    )
                facts.has_formulas = facts.has_formulas or extent.formulas
                facts.largest_area = max(facts.largest_area, extent.area, extent.declared)
            elif name.endswith((".xml", ".rels")):
                _scan_member(archive, member, text)
    return facts


# --- PDF ----------------------------------------------------------------------------------------

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")


def _plausible_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


class _Over(Exception):
    pass


def _inflate(chunks):
    """The output of a deflate stream in pieces of at most 1 MB (zlib.error if it is none)."""
    inflater = zlib.decompressobj()
    for chunk in chunks:
        data = chunk
        while data and not inflater.eof:
            out = inflater.decompress(data, MB)
            data = inflater.unconsumed_tail
            if out:
                yield out
        if inflater.eof:
            return


def _counted(pieces, counter: list, budget: int):
    for piece in pieces:
        counter[0] += len(piece)
        if counter[0] > budget:
            raise _Over
        yield piece


def _inflated_size(chunks, budget: int, depth: int = 0) -> int:
    """Bytes a deflate stream inflates to, counted without keeping them (stops just past `budget`).

    An output that is itself a zlib stream (/Filter [/FlateDecode /FlateDecode]) is counted through too.
    """
    outer, inner = [0], [0]
    stream = _counted(_inflate(chunks), outer, budget)
    try:
        first = next(stream, b"")
        rest = _chain(first, stream)
        if depth < 3 and _plausible_zlib(first[:2]):
            try:
                for _piece in _counted(_inflate(rest), inner, budget):
                    pass
            except zlib.error:
                pass
        for _piece in rest:  # what the nested count did not drain
            pass
    except _Over:
        return budget + 1
    except zlib.error:
        pass
    return max(outer[0], inner[0])


def _chain(first: bytes, rest):
    if first:
        yield first
    yield from rest


def inspect_pdf(path) -> None:
    """A PDF whose compressed streams inflate to less than the limit, and with at most the page limit.

    Both are measured in a bounded child (a crafted file could make even the count slow): the streams are
    found by their keyword and inflated into a counter (an object stream cannot hold a stream, so none is
    missed), then pdfium counts the pages.
    """
    if os.path.getsize(path) == 0:
        raise FileRefused(_("The file is empty."))
    import pypdfium2  # noqa: F401 - imported once here rather than in every child

    inflated, pages = run_bounded(_pdf_facts, str(path), limit("DANGVU_FILE_MAX_PDF_STREAM_MB") * MB)
    if inflated is None:
        raise FileRefused(
            _("The file is refused: its compressed content unpacks to more than %(limit)s MB.")
            % {"limit": format_int(limit("DANGVU_FILE_MAX_PDF_STREAM_MB"))}
        )
    if pages > limit("DANGVU_FILE_MAX_PDF_PAGES"):
        raise FileRefused(
            _("The file is refused: it has %(pages)s pages; at most %(limit)s are accepted.")
            % {"pages": format_int(pages), "limit": format_int(limit("DANGVU_FILE_MAX_PDF_PAGES"))}
        )


def _pdf_facts(path: str, budget: int) -> tuple[int | None, int]:
    """(bytes the streams inflate to, or None past `budget`; pages)."""
    used = 0
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        end = -1
        for m in _STREAM.finditer(data):
            start = m.end()
            if not _plausible_zlib(data[start : start + 2]):
                continue
            if end < start:  # one search per "endstream", however many streams start before it
                end = data.find(b"endstream", start)
                end = len(data) if end < 0 else end
            chunks = (data[i : min(i + MB, end)] for i in range(start, end, MB))
            used += _inflated_size(chunks, budget - used)
            if used > budget:
                return None, 0
    return used, pdf_page_count(path)


def pdf_page_count(path: str) -> int:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except Exception as damaged:  # pdfium's errors are its own kinds
        raise FileRefused(_("The file is damaged: it is not a readable PDF.")) from damaged
    try:
        return len(document)
    finally:
        document.close()


# --- images -------------------------------------------------------------------------------------


def inspect_image(file, *, formats=("JPEG", "PNG")) -> tuple[int, int]:
    """(width, height) read from the header only; refuses another format or more pixels than the limit."""
    from PIL import Image, UnidentifiedImageError

    max_pixels = limit("DANGVU_FILE_MAX_IMAGE_PIXELS")
    too_many = _("The image has more than %(limit)s million pixels; it cannot be accepted.") % {
        "limit": format_int(max_pixels // 10**6)
    }
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:  # reads the header; nothing is decoded
                kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError as bomb:  # Pillow's own check (above twice its MAX_IMAGE_PIXELS)
        raise FileRefused(too_many) from bomb
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as damaged:
        raise FileRefused(_("The file is not a JPEG or PNG image, or it is damaged.")) from damaged
    finally:
        if position is not None:
            file.seek(position)
    if kind not in formats:
        raise FileRefused(_("The file is not a JPEG or PNG image, or it is damaged."))
    if width * height > max_pixels:
        raise FileRefused(too_many)
    return width, height


class CheckedImageField(forms.ImageField):
    """Django's image field, with the header inspected (format, pixel count) before Pillow verifies the image."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "seek"):
            try:
                inspect_image(data)
            except FileRefused as refused:
                raise forms.ValidationError(refused.message, code="invalid_image") from refused
        return super().to_python(data)
