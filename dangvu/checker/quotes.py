"""A figure quoted in the body against the same figure in the appendix.

A sentence of the text quotes a row of the appendix when the significant words of the row's label stand
close together in it ("Xây dựng 56 mô hình “Dân vận khéo”" quotes "Xây dựng mô hình “Dân vận khéo”").
The first count inside or right after those words, and the first percentage that states a result after
them ("..., đạt 98,8%"), must then be one of the row's figures: of any year, the term or the target, or of
its parts, since a report may quote any of them. A sentence about one year is held to that year's column
only, and is not checked when the appendix has no full column for it ("Năm 2023" beside "6 tháng 2023").
A rate row is quoted by percentages, a count row by counts. Only a figure the row nowhere holds is reported.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from dangvu.checker.layout import Line, structure
from dangvu.checker.numbers import Token, tokenize
from dangvu.checker.tables import Column, Table
from dangvu.lib.vntext import fold

_STOP = {
    "va", "cua", "cac", "duoc", "trong", "tren", "so", "voi", "nhung", "mot", "o", "tu", "den", "cho", "la",
    "co", "da", "chia", "ra", "gom", "do", "ty", "le", "hang", "nam", "binh", "quan", "ca", "nhiem", "ky",
    "thuc", "hien",
}  # fmt: skip
_RESULT_BEFORE = re.compile(r"(?:đạt|bình quân|chiếm|bằng|là)\s*$", re.IGNORECASE)
_TIME_WORDS = {"nam", "thang", "ngay", "quy", "tuan", "lan"}
_SENTENCE = re.compile(r";|\.(?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+")
_PART_YEAR = ("thang", "quy", "uoc", "dau nam", "cuoi nam")


@dataclass
class Quoted:
    """A row the text may quote: its label words and every figure it (or its parts) holds, by column."""

    table: Table
    line: Line
    words: set[str]
    figures: list[tuple[Column | None, Token]] = field(default_factory=list)

    @property
    def is_rate(self) -> bool:
        return self.line.is_rate or (bool(self.line.parts) and all(p.is_rate for p in self.line.parts))


def _significant(text: str) -> list[str]:
    return [w for w in (fold(x) for x in _WORD.findall(text)) if w not in _STOP and len(w) > 1]


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
        if len(table.columns_of("period")) < 2:
            continue  # an appendix of results by year
        lines = structure(table)
        fixed = _corrections(table)
        columns = {c.index: c for c in table.columns}
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
            figures = [(columns[i], t) for source in sources for i, t in source.row.values.items()]
            figures += [(None, t) for source in sources for t in fixed.get(id(source.row), [])]
            if figures:
                rows.append(Quoted(table, line, words, figures))
    return rows


def _holds(figures: list[Token], token: Token) -> bool:
    """A figure of the row written as `token` (rounded to the places the text writes)."""
    quantum = Decimal(1).scaleb(-token.places)
    for figure in figures:
        value = figure.value
        if value is None:
            continue
        if value == token.value or abs(value - token.value) <= quantum / 2:
            return True
    return False


def _sentences(text: str):
    start = 0
    for m in _SENTENCE.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


def _window(words: list[tuple[str, int, int]], wanted: set[str]) -> tuple[int, int] | None:
    """The shortest run of words holding every word of `wanted`: (first, last) word positions."""
    best = None
    for first, (word, _s, _e) in enumerate(words):
        if word not in wanted:
            continue
        seen = set()
        for last in range(first, len(words)):
            if words[last][0] in wanted:
                seen.add(words[last][0])
            if seen == wanted:
                if best is None or last - first < best[1] - best[0]:
                    best = (first, last)
                break
    if best is None or best[1] - best[0] + 1 > 2 * len(wanted) + 3:
        return None
    return best


def _year_of(sentence: str) -> int | None | bool:
    """The one year a sentence is about; None for the whole term (no year, a range, "nhiệm kỳ")."""
    tokens = tokenize(sentence)
    if any(t.kind == "range" for t in tokens) or "nhiem ky" in fold(sentence):
        return None
    years = {int(t.value) for t in tokens if t.kind == "int" and 1900 <= t.value <= 2100 and "." not in t.text}
    return years.pop() if len(years) == 1 else None if not years else False


def _figures_for(quoted: Quoted, year) -> list[Token] | None:
    if year is None:
        return [t for _c, t in quoted.figures]
    if year is False:
        return None
    columns = [
        c
        for c in quoted.table.columns_of("period")
        if str(year) in c.header and not any(w in fold(c.header) for w in _PART_YEAR)
    ]
    if not columns:
        return None
    return [t for c, t in quoted.figures if c in columns]


def quote_issues(paragraphs, tables: list[Table]):
    """(paragraph, offset of the sentence, token, row) for every quoted figure no row of the appendix holds."""
    rows = quoted_rows(tables)
    if not rows:
        return
    for paragraph in paragraphs:
        for offset, sentence in _sentences(paragraph.text):
            words = [(fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(sentence)]
            present = {w for w, _s, _e in words}
            tokens = tokenize(sentence)
            year = _year_of(sentence)
            claims: dict[int, tuple[Token, list[tuple[Quoted, bool]]]] = {}
            for quoted in rows:
                if not quoted.words <= present:
                    continue
                window = _window(words, quoted.words)
                figures = _figures_for(quoted, year) if window is not None else None
                if figures is None:
                    continue
                for token in _quoted_figures(sentence, words, window, tokens, rate=quoted.is_rate):
                    claims.setdefault(token.start, (token, []))[1].append((quoted, _holds(figures, token)))
            for token, readings in claims.values():
                if not any(held for _q, held in readings):  # no row the sentence may quote holds it
                    quoted = max((q for q, _h in readings), key=lambda q: len(q.words))
                    yield paragraph, offset, token, quoted


_TARGET_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch)", re.IGNORECASE)


def _quoted_figures(sentence, words, window, tokens, *, rate: bool) -> list[Token]:
    """The count next to the label's words ("có 79 đảng viên được tặng", "kết nạp 303 đảng viên mới") and the
    percentage that states the result after them ("đạt 98,8%"; for a count, "đạt 60,50% chỉ tiêu")."""
    end = words[window[1]][2]
    before = words[max(0, window[0] - 1)][1] if window[0] else 0
    after = words[window[1] + 1 : window[1] + 4]
    reach = after[-1][2] if after else len(sentence)
    quoted = []
    percents = [t for t in tokens if t.start >= end and t.kind == "percent"]
    for token in percents[:1]:
        close = len(sentence[end : token.start].split()) <= 8
        stated = _RESULT_BEFORE.search(sentence[max(0, token.start - 16) : token.start])
        # A rate is quoted as a rate ("tỷ lệ ... đạt", "bình quân"); "803 đảng viên tham gia, đạt 99,38% tổng số"
        # is a share over the whole term, which no year's rate need equal.
        named_rate = re.search(r"\b(ty le|binh quan)\b", fold(sentence[: token.start]))
        if close and stated and ((rate and named_rate) or (not rate and _TARGET_AFTER.match(sentence[token.end :]))):
            quoted.append(token)
    if rate:
        return quoted
    near = [t for t in tokens if before <= t.start <= reach and t.kind in {"int", "decimal", "amount", "percent"}]
    if near and near[0].kind != "percent":
        token = near[0]
        following = fold(sentence[token.end : token.end + 12]).split()
        plain_year = token.kind == "int" and 1900 <= token.value <= 2100 and "." not in token.text
        if not (following and following[0] in _TIME_WORDS) and not plain_year:
            quoted.append(token)
    return quoted


def quote_message(token: Token, quoted: Quoted, location: str) -> str:
    return _("The text gives %(found)s for “%(label)s”, a figure the appendix (%(where)s) does not hold.") % {
        "found": token.text,
        "label": quoted.line.row.cells[quoted.table.label_column] if quoted.table.label_column is not None else "",
        "where": location,
    }
