"""A report file (.docx, .txt, .pdf) as paragraphs, footnotes and tables.

Text files come in the shapes the examples show:
- one paragraph per block of lines, footnote markers as superscript digits ("Hướng dẫn¹") and
  footnotes as paragraphs starting with them ("¹ (1) Đề án ...");
- PDF text: one physical line per block, blank lines between, a footnote marker on its own line
  between two lines ("nước\\n1\\n; đặc biệt"), footnotes after a separator line of spaces at the
  foot of the page, page numbers alone on a line;
- tables as tab-separated rows.
Every file goes through the same repair (checker.repair) before anything reads it.
"""

import re
import statistics
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dangvu.checker.repair import Flag, Repaired, line_flags, repair_fragment, repair_text
from dangvu.checker.tables import Table, build_table, header_like, header_signature, merge_continued, split_tab_row
from dangvu.lib.untrusted_files import FileRefused, inspect_docx, inspect_pdf, run_bounded

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_DIGIT_TO_SUP = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_SUP_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SUP_FOOTNOTE = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]+)\s*(.*)$")
_LIST_MARKER = re.compile(r"^(?:[-+•*–]\s|\(\d+\)\s|[IVXLC]+\.?\s+\S|[a-zđ]\)\s)")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s+(\S)")


def is_list_start(text: str) -> bool:
    """ "- ...", "(2) ...", "II. ...", "a) ...", "5.1. Công tác" start an item; "48 năm giải phóng" does not."""
    if _LIST_MARKER.match(text):
        return True
    m = _NUMBERED.match(text)
    return bool(m and m.group(1).isupper())


_TERMINAL = (".", ":", "!", "?", "…", "”", '"')
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_FOOTNOTE_SEPARATOR = re.compile(r"^(?:[ \t]{10,}|\s*_{5,}\s*)$")

SUPPORTED_EXTENSIONS = (".docx", ".txt", ".pdf")


class UnreadableFile(Exception):
    """The file cannot be read as a report (corrupt, wrong type, no text)."""


class RefusedFile(UnreadableFile):
    """The file is refused before or while it is read (lib.untrusted_files); `message` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Paragraph:
    index: int  # 1-based among the document's paragraphs
    text: str
    footnote_refs: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, footnote label)
    line: int | None = None  # first source line (text files)
    page: int | None = None


@dataclass
class Footnote:
    label: str
    text: str
    line: int | None = None


@dataclass
class Document:
    name: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    substitutions: dict = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    order: list[tuple[str, int]] = field(default_factory=list)  # ("p", paragraph index) / ("t", table index)
    flags_by_paragraph: bool = False  # DOCX: a flag's "line" is a paragraph number

    def footnote(self, label: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.label == label), None)


def read_document(path: str | Path, name: str | None = None) -> Document:
    """Inspect the file (lib.untrusted_files), then read it in a child process bounded in memory and time."""
    path = Path(path)
    name = name or path.name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise UnreadableFile(f"unsupported extension {suffix!r}")
    if not path.is_file():
        raise UnreadableFile("no such file")
    try:
        if suffix == ".docx":
            inspect_docx(path)
        elif suffix == ".pdf":
            inspect_pdf(path)
        _PARSERS.get(suffix, lambda: None)()  # imported here once, so that each child does not import it again
        return run_bounded(_read_unbounded, path, name, suffix)
    except FileRefused as refused:
        raise RefusedFile(refused.message) from refused


_PARSERS = {".docx": lambda: __import__("docx"), ".pdf": lambda: __import__("pdfplumber")}


def _read_unbounded(path: Path, name: str, suffix: str) -> Document:
    try:
        if suffix == ".docx":
            return read_docx(path, name)
        if suffix == ".pdf":
            return read_pdf(path, name)
        return read_txt(path, name)
    except UnreadableFile:
        raise
    except Exception as error:  # a corrupt file raises anything from zipfile, lxml or pdfminer
        raise UnreadableFile(str(error)) from error


# ---------------------------------------------------------------- text


def read_txt(path: Path, name: str) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableFile("binary content")
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes almost anything
        raise UnreadableFile("unknown encoding")
    return parse_text(text, name)


@dataclass
class _Line:
    text: str
    number: int  # 1-based source line
    kind: str = "body"  # body, footnote, footnote_more
    label: str = ""
    hard_break: bool = False  # a paragraph starts here whatever the text says
    refs: list[tuple[int, str]] = field(default_factory=list)


def parse_text(text: str, name: str = "") -> Document:
    repaired: Repaired = repair_text(text)
    document = Document(name=name, substitutions=dict(repaired.substitutions), flags=repaired.flags)
    lines = repaired.text.split("\n")

    table_spans = _tab_table_spans(lines)
    tables: list[Table] = []
    in_table: dict[int, int] = {}
    for start, end in table_spans:
        rows, numbers = [], []
        for i in range(start, end):
            if "\t" in lines[i]:
                rows.append(split_tab_row(lines[i]))
                numbers.append(i + 1)
        tables.append(build_table(rows, index=len(tables) + 1, lines=numbers))
        for i in range(start, end):
            in_table[i] = len(tables) - 1

    body_lines = [(i, line) for i, line in enumerate(lines) if i not in in_table]
    pdf_style = _looks_like_pdf_lines([line for _, line in body_lines])
    marked = _mark_pdf_lines(lines, in_table) if pdf_style else _mark_block_lines(lines, in_table)

    tables_before: dict[int, list[int]] = {}
    for t_index, (start, _end) in enumerate(table_spans):
        tables_before.setdefault(start, []).append(t_index)
    _assemble(document, marked, soft=pdf_style, tables=tables, table_starts=tables_before)
    return document


def _tab_table_spans(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges of tab-separated rows; blank lines inside a table belong to it."""
    spans = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i] and len(split_tab_row(lines[i])) >= 2:
            start = i
            end = i + 1
            j = i + 1
            own_headers = {header_signature(split_tab_row(x)) for x in lines[i : i + 4] if "\t" in x}
            while j < len(lines):
                if "\t" in lines[j]:
                    cells = split_tab_row(lines[j])
                    after_gap = end < j
                    new_header = header_like(cells) and len([c for c in cells if c]) >= 2
                    if after_gap and new_header and header_signature(cells) not in own_headers:
                        break  # another table, with its own header
                    end = j + 1
                elif lines[j].strip() and not _BARE_NUMBER.match(lines[j]):
                    break
                j += 1
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


def _looks_like_pdf_lines(lines: list[str]) -> bool:
    """PDF text keeps the page's line breaks: many lines continue a sentence started on the line before."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 6:
        return False
    continued = sum(1 for line in filled[1:] if line[:1].islower())
    return continued >= 0.25 * (len(filled) - 1)


def _extract_superscripts(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove superscript markers from text, returning the refs (offset, label)."""
    refs: list[tuple[int, str]] = []
    out: list[str] = []
    position = 0
    length = 0
    for m in _SUP_RUN.finditer(text):
        piece = text[position : m.start()]
        out.append(piece)
        length += len(piece)
        refs.append((length, m.group(0).translate(_SUP_TO_DIGIT)))
        position = m.end()
    out.append(text[position:])
    return "".join(out), refs


def _mark_block_lines(lines: list[str], in_table: dict[int, int]) -> list[_Line]:
    """Blank-line separated paragraphs; footnotes start with superscript digits."""
    marked: list[_Line] = []
    previous_blank = True
    for i, line in enumerate(lines):
        if i in in_table:
            marked.append(_Line("", i + 1, kind="table", label=str(in_table[i])))
            previous_blank = True
            continue
        if not line.strip():
            previous_blank = True
            continue
        m = _SUP_FOOTNOTE.match(line)
        if not m and _continues_footnote(lines, i, marked):
            # the end of a footnote carried over to the next page, set above that page's footnotes
            body, _refs = _extract_superscripts(line.strip())
            last_note = next(x for x in reversed(marked) if x.kind == "footnote")
            last_note.text = f"{last_note.text} {body}"
            previous_blank = False
            continue
        if m and m.group(2):
            body, refs = _extract_superscripts(m.group(2))
            marked.append(_Line(body.strip(), i + 1, kind="footnote", label=m.group(1).translate(_SUP_TO_DIGIT)))
        else:
            body, refs = _extract_superscripts(line.strip())
            marked.append(_Line(body, i + 1, hard_break=previous_blank, refs=refs))
        previous_blank = False
    return marked


def _continues_footnote(lines: list[str], i: int, marked: list[_Line]) -> bool:
    line = lines[i].strip()
    if not line[:1].islower():
        return False
    notes = [x for x in marked if x.kind == "footnote"]
    if not notes or notes[-1].text.rstrip().endswith(_TERMINAL):
        return False
    following = next((x for x in lines[i + 1 :] if x.strip()), "")
    return bool(_SUP_FOOTNOTE.match(following))


def _mark_pdf_lines(lines: list[str], in_table: dict[int, int]) -> list[_Line]:
    """Physical lines; markers alone on a line; footnote blocks after a separator; page numbers dropped."""
    marked: list[_Line] = []
    in_footnotes = False
    n = len(lines)

    def next_nonblank_is_adjacent(i: int) -> bool:
        return i + 1 < n and bool(lines[i + 1].strip())

    for i, line in enumerate(lines):
        if i in in_table:
            marked.append(_Line("", i + 1, kind="table", label=str(in_table[i])))
            in_footnotes = False
            continue
        if _FOOTNOTE_SEPARATOR.match(line):
            in_footnotes = True
            continue
        if not line.strip():
            continue
        bare = _BARE_NUMBER.match(line)
        previous_adjacent = i > 0 and bool(lines[i - 1].strip()) and not _FOOTNOTE_SEPARATOR.match(lines[i - 1])
        if in_footnotes:
            if bare and next_nonblank_is_adjacent(i):
                marked.append(_Line("", i + 1, kind="footnote", label=bare.group(1)))
                continue
            if bare:  # a page number under the footnotes
                in_footnotes = False
                continue
            starts_page = line.startswith(" ") and not (
                marked and marked[-1].kind == "footnote" and not marked[-1].text
            )
            if starts_page:
                in_footnotes = False
            else:
                if marked and marked[-1].kind == "footnote":
                    marked[-1].text = f"{marked[-1].text} {line.strip()}".strip()
                continue
        if bare and previous_adjacent and next_nonblank_is_adjacent(i):
            # a footnote marker set as its own line, between the two halves of a sentence
            for previous in reversed(marked):
                if previous.kind == "body":
                    previous.refs.append((len(previous.text), bare.group(1)))
                    break
            continue
        if bare:
            continue  # a page number
        body, refs = _extract_superscripts(line.strip())
        marked.append(_Line(body, i + 1, refs=refs))
    return marked


def _assemble(document: Document, marked: list[_Line], *, soft: bool, tables: list[Table], table_starts) -> None:
    lengths = [len(m.text) for m in marked if m.kind == "body" and m.text]
    typical = statistics.median(lengths) if lengths else 0
    paragraphs: list[Paragraph] = []
    placed_tables: set[int] = set()
    last_body: _Line | None = None
    current: Paragraph | None = None
    current_is_heading = False
    current_lines = 0

    for m in marked:
        if m.kind == "table":
            t = int(m.label)
            if t not in placed_tables:
                placed_tables.add(t)
                document.order.append(("t", t + 1))
            current = None
            last_body = None
            continue
        if m.kind == "footnote":
            document.footnotes.append(Footnote(label=m.label, text=m.text, line=m.number))
            continue
        text = m.text
        if not text:
            continue
        start_new = current is None
        if not start_new:
            prev = current.text
            starts_lower = text[:1].islower() or text[:1] in ",;.)" or (text[:1].isdigit() and not is_list_start(text))
            if soft:
                start_new = is_list_start(text) and not starts_lower
                start_new = start_new or (prev.rstrip().endswith(_TERMINAL) and not starts_lower)
                short = last_body is not None and len(last_body.text) < 0.7 * typical
                start_new = start_new or (short and not starts_lower and not prev.rstrip().endswith(","))
                start_new = start_new or (current_is_heading and not starts_lower)
                numbered_heading = current_lines == 1 and re.match(r"^(?:\d+(?:\.\d+)*\.|[IVXLC]+\.)\s", prev)
                start_new = start_new or bool(numbered_heading and not starts_lower and not prev.endswith((",", ";")))
                start_new = start_new or (_is_caps(text) and not starts_lower)
            else:
                start_new = m.hard_break and not (starts_lower and not prev.rstrip().endswith(_TERMINAL))
        if start_new:
            current = Paragraph(index=len(paragraphs) + 1, text="", line=m.number)
            paragraphs.append(current)
            document.order.append(("p", current.index))
            current_is_heading = _is_caps(text)
            current_lines = 0
        joiner = "" if not current.text or text[:1] in ",;.)" else " "
        offset = len(current.text) + len(joiner)
        current.text = current.text + joiner + text
        current.footnote_refs.extend((offset + o, label) for o, label in m.refs)
        last_body = m
        current_lines += 1
    for t in range(len(tables)):
        if t not in placed_tables:
            document.order.append(("t", t + 1))
    document.paragraphs = paragraphs
    document.tables = tables


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, name: str) -> Document:
    import docx  # python-docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        word = docx.Document(str(path))
    except Exception as error:
        raise UnreadableFile(str(error)) from error
    document = Document(name=name)
    footnote_texts = _docx_footnotes(path)
    raw_tables: list[tuple[list[list[str]], int]] = []

    for child in word.element.body.iterchildren():
        if child.tag == f"{_W}p":
            text, refs = _docx_paragraph(DocxParagraph(child, word))
            if not text.strip() and not refs:
                continue
            stripped = text.lstrip()
            shift = len(text) - len(stripped)
            paragraph = Paragraph(
                index=len(document.paragraphs) + 1,
                text=stripped.rstrip(),
                footnote_refs=[(max(0, o - shift), label) for o, label in refs],
            )
            m = _SUP_FOOTNOTE.match(paragraph.text)
            if m and m.group(2) and not refs:  # a footnote typed by hand at the end of the text
                document.footnotes.append(Footnote(label=m.group(1).translate(_SUP_TO_DIGIT), text=m.group(2)))
                continue
            document.paragraphs.append(paragraph)
            document.order.append(("p", paragraph.index))
        elif child.tag == f"{_W}tbl":
            table = DocxTable(child, word)
            rows = []
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    cells.append(repair_fragment(" ".join(p.text for p in cell.paragraphs).strip()))
                rows.append(cells)
            raw_tables.append((rows, len(raw_tables) + 1))
            document.order.append(("t", len(raw_tables)))

    # Word numbers footnotes in the order they are referenced.
    seen: dict[str, str] = {}
    for paragraph in document.paragraphs:
        relabelled = []
        for offset, ref_id in paragraph.footnote_refs:
            if ref_id.startswith("id:"):
                seen.setdefault(ref_id, str(len(seen) + 1))
                relabelled.append((offset, seen[ref_id]))
            else:
                relabelled.append((offset, ref_id))
        paragraph.footnote_refs = relabelled
    for ref_id, label in seen.items():
        text = footnote_texts.get(ref_id[3:], "")
        document.footnotes.append(Footnote(label=label, text=text))
    document.footnotes.sort(key=lambda f: int(f.label) if f.label.isascii() and f.label.isdigit() else 0)
    document.tables = [build_table(rows, index=i) for rows, i in raw_tables]
    for paragraph in document.paragraphs:
        document.flags.extend(line_flags(paragraph.index, paragraph.text))
    document.flags_by_paragraph = True
    return document


def _docx_paragraph(paragraph) -> tuple[str, list[tuple[int, str]]]:
    """Text of a paragraph with the offsets of its footnote references (Word's or typed superscripts)."""
    text = ""
    refs: list[tuple[int, str]] = []
    for run in paragraph._p.iter(f"{_W}r"):
        superscript = any(v.get(f"{_W}val") == "superscript" for v in run.iter(f"{_W}vertAlign"))
        for node in run:
            if node.tag == f"{_W}t":
                piece = repair_fragment(node.text or "")
                if superscript and piece.strip().isdigit():
                    refs.append((len(text), piece.strip()))
                else:
                    piece_text, piece_refs = _extract_superscripts(piece)
                    refs.extend((len(text) + o, label) for o, label in piece_refs)
                    text += piece_text
            elif node.tag == f"{_W}tab":
                text += "\t"
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                text += " "
            elif node.tag == f"{_W}footnoteReference":
                refs.append((len(text), "id:" + node.get(f"{_W}id", "")))
    return text, refs


def _docx_footnotes(path: Path) -> dict[str, str]:
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return {}
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    notes = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        parts = []
        for paragraph in note.iter(f"{_W}p"):
            parts.append("".join(repair_fragment(t.text or "") for t in paragraph.iter(f"{_W}t")))
        notes[note.get(f"{_W}id")] = " ".join(p.strip() for p in parts if p.strip())
    return notes


# ---------------------------------------------------------------- PDF


def read_pdf(path: Path, name: str) -> Document:
    """The PDF's text layer: lines rebuilt from characters, superscript digits kept as markers, ruled tables."""
    import pdfplumber

    lines: list[str] = []
    raw_tables: list[tuple[list[list[str]], int]] = []
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as error:
        raise UnreadableFile(str(error)) from error
    with pdf:
        for page_number, page in enumerate(pdf.pages, start=1):
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            for t in found:
                rows = [[repair_fragment(" ".join((c or "").split())) for c in row] for row in t.extract()]
                # pdfplumber gives None for the covered cells of a merged cell; keep the grid
                raw_tables.append((rows, page_number))
            chars = [c for c in page.chars if not any(_inside(c, b) for b in boxes)]
            page_lines = _pdf_lines(chars)
            body_size = _body_size(page_lines)
            footnote_zone = False
            table_marks = {i for i, t in enumerate(found)}
            for text, size, top in page_lines:
                for i in sorted(table_marks):
                    if found[i].bbox[1] < top:
                        lines.append("\t".join(["TABLE", str(len(raw_tables) - len(found) + i + 1)]))
                        table_marks.discard(i)
                stripped = text.strip()
                if re.fullmatch(r"\d{1,3}", stripped):
                    continue  # page number
                small = size < body_size * 0.92
                if small and _SUP_FOOTNOTE.match(stripped):
                    footnote_zone = True
                if footnote_zone and small:
                    lines.append("\x01" + stripped)
                else:
                    footnote_zone = False
                    lines.append(stripped)
            for i in sorted(table_marks):
                lines.append("\t".join(["TABLE", str(len(raw_tables) - len(found) + i + 1)]))
    text = "\n".join(lines)
    if not text.strip() and not raw_tables:
        raise UnreadableFile("no text layer")
    return _parse_pdf_lines(text, raw_tables, name)


def _inside(char: dict, box: tuple) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _pdf_lines(chars: list[dict]) -> list[tuple[str, float, float]]:
    """(text, font size, top) per line; digits set small and raised become superscript markers."""
    chars = [c for c in chars if c["text"]]
    if not chars:
        return []
    chars.sort(key=lambda c: (round(c["bottom"], 1), c["x0"]))
    groups: list[list[dict]] = []
    for c in chars:
        if groups and abs(groups[-1][-1]["bottom"] - c["bottom"]) <= max(1.5, c["size"] * 0.2):
            groups[-1].append(c)
        else:
            groups.append([c])

    def text_size(group: list[dict]) -> float:
        sizes = [x["size"] for x in group if x["text"].strip() and not x["text"].isdigit()]
        return max(sizes) if sizes else max(x["size"] for x in group)

    lines: list[list[dict]] = []
    orphans: list[list[dict]] = []
    for group in groups:
        if all(x["text"].isdigit() or not x["text"].strip() for x in group) and len(group) <= 3:
            orphans.append(group)  # small raised digits alone at their height: markers of a line nearby
        else:
            lines.append(group)
    for group in orphans:
        size = max(x["size"] for x in group)
        bottom = max(x["bottom"] for x in group)
        host = None
        for line in lines:
            line_top = min(x["top"] for x in line)
            line_bottom = max(x["bottom"] for x in line)
            if size < 0.8 * text_size(line) and line_top - 1 <= bottom <= line_bottom:
                host = line
                break
        if host is None:
            lines.append(group)
        else:
            host.extend(dict(x, text=x["text"].translate(_DIGIT_TO_SUP)) for x in group)
    result = []
    for line in sorted(lines, key=lambda g: min(x["top"] for x in g)):
        size = text_size(line)
        line.sort(key=lambda x: x["x0"])
        text = ""
        previous = None
        for c in line:
            piece = c["text"]
            if piece.isdigit() and c["size"] < 0.8 * size:
                piece = piece.translate(_DIGIT_TO_SUP)
            if previous is not None and c["x0"] - previous["x1"] > min(c["size"], previous["size"]) * 0.2:
                text += " "
            text += piece
            previous = c
        result.append((text, size, min(x["top"] for x in line)))
    return result


def _body_size(page_lines: list[tuple[str, float, float]]) -> float:
    weighted = [size for text, size, _ in page_lines for _ in range(len(text))]
    return statistics.median(weighted) if weighted else 10


def _parse_pdf_lines(text: str, raw_tables: list[tuple[list[list[str]], int]], name: str) -> Document:
    repaired = repair_text(text)
    document = Document(name=name, substitutions=dict(repaired.substitutions))
    marked: list[_Line] = []
    for number, line in enumerate(repaired.text.split("\n"), start=1):
        if line.startswith("TABLE\t"):
            marked.append(_Line("", number, kind="table", label=str(int(line.split("\t")[1]) - 1)))
        elif line.startswith("\x01"):
            body = line[1:]
            m = _SUP_FOOTNOTE.match(body)
            if m and m.group(2):
                marked.append(_Line(m.group(2), number, kind="footnote", label=m.group(1).translate(_SUP_TO_DIGIT)))
            elif marked and marked[-1].kind == "footnote":
                marked[-1].text += " " + body
            else:
                marked.append(_Line(body, number))
        else:
            body, refs = _extract_superscripts(line)
            marked.append(_Line(body, number, refs=refs))
    tables = [build_table(rows, index=i + 1, page=page) for i, (rows, page) in enumerate(raw_tables)]
    tables_before: dict = {}
    _assemble(document, marked, soft=True, tables=tables, table_starts=tables_before)
    document.tables = merge_continued(document.tables)
    for paragraph in document.paragraphs:
        document.flags.extend(line_flags(paragraph.index, paragraph.text))
    document.flags_by_paragraph = True
    return document


def document_from_text(text: str, name: str = "document.txt") -> Document:
    return parse_text(text, name)
