"""A figure quoted in the body against the same figure in the appendix.

A clause of the text quotes a row of the appendix when it holds every significant word of the row's label
("Xây dựng mô hình “Dân vận khéo”" in "Xây dựng 56 mô hình “Dân vận khéo”"). The number that counts
what the label names (followed by a word of the label or of the row's unit) and the percentage that
states a result ("đạt 98,8%") must then be one of the row's figures, of any year, the term or the target,
or of its parts: a report quotes any of them. Only a figure the row nowhere holds is reported.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from dangvu.checker.layout import Line, structure
from dangvu.checker.numbers import Token, tokenize
from dangvu.checker.tables import Table
from dangvu.lib.vntext import fold

_STOP = {
    "va", "cua", "cac", "duoc", "trong", "tren", "so", "voi", "nhung", "mot", "o", "tu", "den", "cho", "la",
    "co", "da", "chia", "ra", "gom", "do", "ty", "le", "tong", "hang", "nam", "binh", "quan", "ca", "nhiem", "ky",
    "thuc", "hien",
}  # fmt: skip
_RESULT_BEFORE = re.compile(r"(?:đạt|bình quân|chiếm|bằng|là)\s*$", re.IGNORECASE)
_TIME_WORDS = {"nam", "thang", "ngay", "quy", "tuan", "lan"}
_CLAUSE = re.compile(r"[;:]|\.(?=\s|$)")


@dataclass
class Quoted:
    """A row the text may quote: its label words and every figure it (or its parts) holds."""

    table: Table
    line: Line
    words: set[str]
    unit_words: set[str]
    figures: list[Token] = field(default_factory=list)


def _significant(text: str) -> list[str]:
    return [w for w in (fold(x) for x in re.findall(r"[^\W\d_]+", text)) if w not in _STOP and len(w) > 1]


def _corrections(table: Table) -> dict[int, list[Token]]:
    """The figures the table's own checks say a row should hold: a text quoting them is right."""
    from dangvu.checker.table_checks import table_issues

    fixed: dict[int, list[Token]] = {}
    for issue in table_issues(table):
        if issue.expected is not None and issue.kind not in {"share", "remark"}:
            token = Token("decimal", "", 0, 0, value=issue.expected, places=max(issue.found.places, 2))
            fixed.setdefault(id(issue.line.row), []).append(token)
    return fixed


def quoted_rows(tables: list[Table]) -> list[Quoted]:
    rows = []
    for table in tables:
        lines = structure(table)
        fixed = _corrections(table)
        closing = {id(line.parent): line for line in lines if line.role == "total" and line.parent is not None}
        for line in lines:
            if line.role not in {"item", "part", "plain"}:
                continue
            words = set(_significant(line.label))
            if len(words) < 2:
                continue
            sources = [line, *line.parts]
            if id(line) in closing:
                sources.append(closing[id(line)])
            figures = [t for source in sources for t in [*source.row.values.values(), *fixed.get(id(source.row), [])]]
            if not figures:
                continue
            unit_words = set(_significant(line.unit)) | {w for p in line.parts for w in _significant(p.unit)}
            rows.append(Quoted(table, line, words, unit_words, figures))
    return rows


def _next_word(text: str, position: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text[position:])
    return fold(m.group(1)) if m else ""


def _holds(figures: list[Token], token: Token) -> bool:
    """A figure of the row written as `token` (rounded to the places the text writes)."""
    quantum = Decimal(1).scaleb(-token.places)
    for figure in figures:
        value = figure.value
        if value is None:
            continue
        if value == token.value or value.quantize(quantum) == token.value:
            return True
        if token.places < figure.places and abs(value - token.value) <= quantum / 2:
            return True
    return False


def _clauses(text: str):
    start = 0
    for m in _CLAUSE.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


def quote_issues(paragraphs, tables: list[Table]):
    """(paragraph, token, rows) for every quoted figure no row of the appendix holds."""
    rows = quoted_rows(tables)
    if not rows:
        return
    for paragraph in paragraphs:
        for offset, clause in _clauses(paragraph.text):
            words = set(_significant(clause))
            matched = [r for r in rows if r.words <= words]
            if not matched:
                continue
            label_words = set().union(*(r.words | r.unit_words for r in matched))
            figures = [f for r in matched for f in r.figures]
            for token in tokenize(clause):
                if token.kind == "percent":
                    if not _RESULT_BEFORE.search(clause[max(0, token.start - 16) : token.start]):
                        continue
                elif token.kind in {"int", "decimal", "amount"}:
                    after = _next_word(clause, token.end)
                    if after in _TIME_WORDS or after not in label_words | {"trieu", "ty", "dong"}:
                        continue
                    if token.kind == "int" and 1900 <= token.value <= 2100 and "." not in token.text:
                        continue
                else:
                    continue
                if _holds(figures, token):
                    continue
                best = max(matched, key=lambda r: len(r.words))
                yield paragraph, offset, clause, token, best


def quote_message(token: Token, quoted: Quoted, location: str) -> str:
    return _("The text gives %(found)s for “%(label)s”, a figure the appendix (%(where)s) does not hold.") % {
        "found": token.text,
        "label": quoted.line.row.cells[quoted.table.label_column] if quoted.table.label_column is not None else "",
        "where": location,
    }
