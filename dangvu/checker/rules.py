"""The checks: each finds one kind of error and says where, what was expected, what was found and why.

A finding is a claim a committee secretary will act on, so every check stays silent when the
document leaves room for another reading (a "trong đó" list that need not be complete, a rate
whose total is not a sum, a percentage of an annual target). The examples in the tests show
which readings each check accepts.
"""

import re
from dataclasses import asdict, dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from django.utils.translation import gettext as _

from dangvu.checker.extract import Document, Paragraph
from dangvu.checker.layout import structure
from dangvu.checker.numbers import Token, date_problem, tokenize
from dangvu.checker.quotes import quote_issues, quote_message
from dangvu.checker.table_checks import table_issues
from dangvu.checker.tables import Row, Table
from dangvu.lib.numbers import format_decimal, format_int, round_half_up
from dangvu.lib.vntext import fold


@dataclass
class Finding:
    kind: str  # sum, percent, remark, mismatch, date, anniversary, repair
    location: str
    expected: str
    found: str
    message: str
    anchor: dict = field(default_factory=dict)  # {"paragraph": 3} / {"footnote": "2"} / {"table": 1, "row": 4}
    excerpt: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Block:
    """A piece of running text: a paragraph or a footnote."""

    text: str
    location: str
    anchor: dict
    paragraph: Paragraph | None = None


# ---------------------------------------------------------------- formatting


def show(value: Decimal, places: int = 0) -> str:
    if places == 0 and value == value.to_integral_value():
        return format_int(int(value))
    return format_decimal(value, places)


def show_token(token: Token) -> str:
    if token.kind == "percent":
        return show(token.value, token.places) + "%"
    return show(token.value, token.places)


def percent_matches(found: Decimal, places: int, exact: Decimal) -> bool:
    """Rounded half up (house style), half even or cut off at the places written: all count as right."""
    quantum = Decimal(1).scaleb(-places)
    candidates = {
        round_half_up(exact, places),
        exact.quantize(quantum, rounding=ROUND_DOWN),
        exact.quantize(quantum, rounding=ROUND_HALF_EVEN),
    }
    return any(found == c for c in candidates)


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


# ---------------------------------------------------------------- entry point


def check_document(document: Document) -> list[Finding]:
    findings: list[Finding] = []
    findings += repair_findings(document)
    blocks = text_blocks(document)
    for block in blocks:
        findings += date_findings(block)
        findings += anniversary_findings(block)
        findings += fraction_percent_findings(block)
        findings += target_percent_text_findings(block)
        findings += bracket_breakdown_findings(block)
    findings += footnote_breakdown_findings(document)
    findings += repeated_quantity_findings(blocks)
    for table in document.tables:
        findings += table_findings(table)
    findings += table_repeat_findings(document.tables)
    findings += quote_findings(document)
    return findings


def paragraph_location(paragraph: Paragraph) -> str:
    if paragraph.line:
        return _("paragraph %(number)s (line %(line)s)") % {"number": paragraph.index, "line": paragraph.line}
    if paragraph.page:
        return _("paragraph %(number)s (page %(page)s)") % {"number": paragraph.index, "page": paragraph.page}
    return _("paragraph %(number)s") % {"number": paragraph.index}


def footnote_location(note) -> str:
    if note.line:
        return _("footnote %(label)s (line %(line)s)") % {"label": note.label, "line": note.line}
    return _("footnote %(label)s") % {"label": note.label}


def text_blocks(document: Document) -> list[Block]:
    blocks = [Block(p.text, paragraph_location(p), {"paragraph": p.index}, paragraph=p) for p in document.paragraphs]
    blocks += [Block(f.text, footnote_location(f), {"footnote": f.label}) for f in document.footnotes]
    return blocks


# ---------------------------------------------------------------- repair


def repair_findings(document: Document) -> list[Finding]:
    findings = []
    for flag in document.flags:
        if flag.reason == "dropped_letters":
            message = _(
                "Letters are missing in this heading, dropped by a legacy font; they cannot be restored with "
                "certainty, so correct the heading by hand."
            )
        else:
            message = _("This line holds characters the font did not map to letters; compare it with the original.")
        if document.flags_by_paragraph:
            location = _("paragraph %(number)s") % {"number": flag.line}
            anchor = {"paragraph": flag.line}
        else:
            location = _("line %(line)s") % {"line": flag.line}
            anchor = {"line": flag.line}
        findings.append(
            Finding(
                kind="repair",
                location=location,
                expected=_("a complete heading"),
                found=flag.text,
                message=message,
                anchor=anchor,
                excerpt=flag.text,
            )
        )
    return findings


# ---------------------------------------------------------------- dates


def date_findings(block: Block) -> list[Finding]:
    findings = []
    for token in tokenize(block.text):
        if token.kind not in {"date", "monthyear", "daymonth"}:
            continue
        problem = date_problem(token.day, token.month, token.year)
        if problem is None:
            continue
        reason = {
            "year": _("the year %(year)s cannot be right") % {"year": token.year},
            "month": _("there is no month %(month)s") % {"month": token.month},
            "day": _("month %(month)s has no day %(day)s") % {"month": token.month, "day": token.day},
        }[problem]
        findings.append(
            Finding(
                kind="date",
                location=block.location,
                expected=_("a date that exists"),
                found=token.text,
                message=_("“%(date)s” is not a date: %(reason)s.") % {"date": token.text, "reason": reason},
                anchor=block.anchor,
                excerpt=excerpt(block.text, token.start, token.end),
            )
        )
    return findings


_ANNIVERSARY = re.compile(r"(?<![0-9.,/])([0-9]{1,3})\s+năm\b(?P<mid>[^();0-9]{0,160}?)\((?P<inner>[^()]*)\)")


def anniversary_findings(block: Block) -> list[Finding]:
    """ "91 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2021)": 2021 - 1930 must be 91."""
    findings = []
    for m in _ANNIVERSARY.finditer(block.text):
        count = int(m.group(1))
        inner = tokenize(m.group("inner"))
        dates = [t for t in inner if t.kind == "date"]
        ranges = [t for t in inner if t.kind == "range"]
        if len(dates) == 2 and len(inner) == 2:
            first, last = dates
            if not (first.is_valid_date and last.is_valid_date):
                continue  # the impossible date is reported by itself
            if (first.day, first.month) != (last.day, last.month):
                continue
            years = last.year - first.year
            accepted = {years}
        elif len(ranges) == 1 and len(inner) == 1:
            first_year, last_year = int(ranges[0].numerator), int(ranges[0].denominator)
            years = last_year - first_year
            accepted = {years, years + 1}  # "5 năm liền (2016 - 2020)" counts both ends
        else:
            continue
        if count in accepted:
            continue
        findings.append(
            Finding(
                kind="anniversary",
                location=block.location,
                expected=_("%(years)s years") % {"years": years if len(accepted) == 1 else f"{years}/{years + 1}"},
                found=_("%(count)s years") % {"count": count},
                message=_("The text counts %(count)s years, but the dates in brackets are %(years)s years apart.")
                % {"count": count, "years": years},
                anchor=block.anchor,
                excerpt=excerpt(block.text, m.start(), m.end(), 20),
            )
        )
    return findings


# ---------------------------------------------------------------- percentages in text

_APPROXIMATE = re.compile(r"(?:trên|hơn|gần|khoảng|xấp xỉ|gần|dưới|tới|đến|hầu hết)\s*$", re.IGNORECASE)


def _clause_between(text: str, start: int, end: int) -> bool:
    """True if nothing between start and end closes the clause."""
    return not re.search(r"[;.!?]\s", text[start:end])


def fraction_percent_findings(block: Block) -> list[Finding]:
    """ "51.602/57.012 (đạt 90,5%)" and "đạt 90,5% (51.602/57.012)"."""
    findings = []
    tokens = tokenize(block.text)
    for i, token in enumerate(tokens):
        if token.kind != "percent" or _APPROXIMATE.search(block.text[max(0, token.start - 12) : token.start]):
            continue
        ratio = _ratio_of_percent(block.text, tokens, i)
        if ratio is None or not ratio.denominator:
            continue
        exact = ratio.numerator / ratio.denominator * 100
        if percent_matches(token.value, token.places, exact):
            continue
        findings.append(_percent_finding(block, token, ratio.numerator, ratio.denominator, exact))
    return findings


def _ratio_of_percent(text: str, tokens: list[Token], i: int) -> Token | None:
    """The fraction a percentage belongs to. "9/10 (đạt 90,00%) và 10/10 ..." pairs 90,00% with 9/10 before it:
    a percentage in brackets belongs to what stands before the bracket; a fraction after a percentage belongs
    to it only when the fraction is the one in brackets ("đạt 90,5% (51.602/57.012)")."""
    token = tokens[i]
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and after.kind == "ratio":
        gap = text[token.end : after.start]
        if re.fullmatch(r"\s*\(\s*", gap) and text[after.end : after.end + 3].lstrip().startswith(")"):
            return after
    if before is not None and before.kind == "ratio":
        gap = text[before.end : token.start]
        if len(gap) <= 20 and _clause_between(text, before.end, token.start) and ")" not in gap:
            return before
    return None


def _percent_finding(block: Block, token: Token, numerator: Decimal, denominator: Decimal, exact: Decimal):
    expected = format_decimal(exact, max(token.places, 2)) + "%"
    return Finding(
        kind="percent",
        location=block.location,
        expected=expected,
        found=token.text,
        message=_("%(numerator)s / %(denominator)s × 100 = %(exact)s, which is %(expected)s, not %(found)s.")
        % {
            "numerator": show(numerator),
            "denominator": show(denominator),
            "exact": format_decimal(exact, 4),
            "expected": expected,
            "found": token.text,
        },
        anchor=block.anchor,
        excerpt=excerpt(block.text, token.start, token.end),
    )


_TARGET_AFTER = re.compile(
    r"^\s*(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch)(?P<gap>[^0-9;.]{0,40}?)(?P<target>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?![0-9,%])",
    re.IGNORECASE,
)


def target_percent_text_findings(block: Block) -> list[Finding]:
    """ "kết nạp 7.261 đảng viên, đạt 79,61% chỉ tiêu (9.120)": 7.261 / 9.120 must be 79,61%."""
    findings = []
    tokens = tokenize(block.text)
    for i, token in enumerate(tokens):
        if token.kind != "percent":
            continue
        m = _TARGET_AFTER.match(block.text[token.end :])
        if not m:
            continue
        target = Decimal(m.group("target").replace(".", ""))
        previous = [t for t in tokens[:i] if t.kind == "int"]
        if not previous or not target:
            continue
        actual = previous[-1]
        between = block.text[actual.end : token.start]
        if len(between.split()) > 8 or not _clause_between(block.text, actual.end, token.start):
            continue
        if any(t.kind in {"int", "decimal", "percent", "ratio"} for t in tokens if actual.end <= t.start < token.start):
            continue
        exact = actual.value / target * 100
        if percent_matches(token.value, token.places, exact):
            continue
        findings.append(_percent_finding(block, token, actual.value, target, exact))
    return findings


# ---------------------------------------------------------------- parts and totals in text


def _word_after(text: str, position: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text[position:])
    return fold(m.group(1)) if m else ""


def bracket_breakdown_findings(block: Block) -> list[Finding]:
    """ "05 đồng chí (04 đồng chí 30 năm tuổi Đảng, 01 đồng chí 40 năm tuổi Đảng)": 4 + 1 must be 5.

    Only numbers followed by the same noun as the total count as parts; a list after a colon
    counts when it ends the sentence.
    """
    findings = []
    text = block.text
    tokens = tokenize(text)
    for token in tokens:
        if token.kind != "int":
            continue
        unit = _word_after(text, token.end)
        if not unit or unit in {"nam", "thang", "ngay", "quy"}:
            continue
        rest = text[token.end :]
        m = re.match(r"[^0-9();:.]{0,60}?([(:])", rest)
        if not m:
            continue
        open_at = token.end + m.end()
        if m.group(1) == "(":
            close_at = text.find(")", open_at)
            if close_at < 0:
                continue
        else:
            found_end = re.search(r"\.(?:\s|$)|$", text[open_at:])
            close_at = open_at + found_end.start()
        inner_tokens = [t for t in tokens if open_at <= t.start < close_at]
        parts = [t for t in inner_tokens if t.kind == "int" and _word_after(text, t.end) == unit]
        if len(parts) < 2:
            continue
        total = sum(p.value for p in parts)
        if total == token.value:
            continue
        findings.append(
            Finding(
                kind="sum",
                location=block.location,
                expected=show(total),
                found=token.text,
                message=_("The parts listed (%(parts)s) add up to %(sum)s, but the text gives the total as %(total)s.")
                % {"parts": " + ".join(show(p.value) for p in parts), "sum": show(total), "total": show(token.value)},
                anchor=block.anchor,
                excerpt=excerpt(text, token.start, close_at, 30),
            )
        )
    return findings


_ITEM_PAREN = re.compile(r"[^\s(;,.][^;,()]*?\s*\((\d+)\)\s*(?=[,;.]|$)")
_ITEM_COLON = re.compile(r"[^\s;,.][^;,():]*?:\s*(\d+)\s*(?=[,;.]|$)")


def footnote_parts(text: str, unit: str) -> list[Decimal] | None:
    """The parts a footnote lists: "Lý Sơn (1), Sơn Tịnh (2)", "Ba Tơ: 01; Bình Sơn: 02" or
    "01 trường hợp ở cấp huyện và 04 trường hợp ở cấp xã"; None when it is not such a list."""
    stripped = text.strip().rstrip(".")
    for pattern in (_ITEM_PAREN, _ITEM_COLON):
        items = list(pattern.finditer(stripped))
        if len(items) >= 2:
            leftover = pattern.sub("", stripped)
            if not re.search(r"[^\W\d_]", leftover):
                return [Decimal(m.group(1)) for m in items]
    counts = [t for t in tokenize(stripped) if t.kind == "int"]
    if len(counts) >= 2 and unit and all(_word_after(stripped, t.end) == unit for t in counts):
        return [t.value for t in counts]
    return None


def footnote_breakdowns(document: Document):
    """(paragraph, footnote label, the count the marker refers to, the parts the footnote lists)."""
    for paragraph in document.paragraphs:
        tokens = tokenize(paragraph.text)
        for offset, label in paragraph.footnote_refs:
            note = document.footnote(label)
            if note is None:
                continue
            number = _number_for_marker(paragraph.text, tokens, offset)
            if number is None:
                continue
            parts = footnote_parts(note.text, _word_after(paragraph.text, number.end))
            if parts:
                yield paragraph, label, number, parts, offset


def footnote_breakdown_findings(document: Document) -> list[Finding]:
    """ "nâng bậc lương cho 35 trường hợp²³" with footnote 23 "Trước thời hạn (12); thường xuyên (23)"."""
    findings = []
    for paragraph, label, number, parts, offset in footnote_breakdowns(document):
        total = sum(parts)
        if total == number.value:
            continue
        findings.append(
            Finding(
                kind="mismatch",
                location=_("%(paragraph)s and footnote %(label)s")
                % {"paragraph": paragraph_location(paragraph), "label": label},
                expected=show(total),
                found=number.text,
                message=_("The text gives %(total)s, but the parts listed in footnote %(label)s add up to %(sum)s.")
                % {"total": number.text, "label": label, "sum": show(total)},
                anchor={"paragraph": paragraph.index, "footnote": label},
                excerpt=excerpt(paragraph.text, number.start, offset, 20),
            )
        )
    return findings


def _number_for_marker(text: str, tokens: list[Token], offset: int) -> Token | None:
    """The count a footnote marker refers to: the last one before it in the clause, else the next one."""
    before = [t for t in tokens if t.end <= offset]
    if before:
        last = before[-1]
        gap = text[last.end : offset]
        if last.kind == "int" and len(gap.split()) <= 12 and not re.search(r"[;.:]", gap):
            return last
        if last.kind != "int" and not re.search(r"[;.:]", text[last.end : offset]):
            return None
    after = [t for t in tokens if t.start >= offset]
    if after:
        first = after[0]
        gap = text[offset : first.start]
        if first.kind == "int" and len(gap.split()) <= 3 and not re.search(r"[;.:,]", gap):
            return first
    return None


# ---------------------------------------------------------------- the same quantity twice

_ORDINAL_BEFORE = {
    "so", "khoa", "lan", "thu", "dot", "dieu", "khoan", "muc", "phan", "quy", "thang", "nam", "ngay",
    "chuong", "ky", "doan", "uong", "nghi", "tu", "den", "hoi", "lop", "cap", "top", "nhom", "cum",
}  # fmt: skip
_STOP = {"va", "cua", "cho", "voi", "doi", "trong", "tai", "da", "duoc", "la", "co", "cac", "nhung", "mot", "o", "tu"}


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_]+", text)]


def _context_words(text: str) -> list[str]:
    """Words and the numbers among them: "đồng chí 40 năm" and "đồng chí 45 năm" are different quantities."""
    return [fold(w) for w in re.findall(r"[^\W_]+(?:[.,][0-9]+)*", text)]


def repeated_quantity_findings(blocks: list[Block]) -> list[Finding]:
    """The same phrase around a count, with a different count: "luân chuyển 05 cán bộ trẻ (đợt 1)" twice.

    The key is three words before the count and four after, so "48 năm giải phóng Lâm Đồng" and
    "48 năm giải phóng hoàn toàn miền Nam" are different quantities.
    """
    seen: dict[tuple, tuple[Token, Block]] = {}
    findings = []
    for block in blocks:
        text = block.text
        for token in tokenize(text):
            if token.kind != "int":
                continue
            before_text = text[max(0, token.start - 60) : token.start]
            if re.search(r"[;:.()]\s*[^;:.()]*$", before_text):
                before_text = re.split(r"[;:.()]", before_text)[-1]
            before = _words(before_text)[-3:]
            after_text = re.split(r"[;:.,()]", text[token.end : token.end + 80])[0]
            after = _context_words(after_text)[:4]
            if len(before) < 3 or len(after) < 4 or before[-1] in _ORDINAL_BEFORE:
                continue
            if sum(w not in _STOP for w in before) < 2 or after[0] in {"nam", "thang", "ngay", "quy"}:
                continue
            numbers_before = tuple(re.findall(r"[0-9]+", before_text.split(",")[-1]))  # "Huy hiệu 40 năm ... cho 05"
            key = (tuple(before), numbers_before, tuple(after))
            if key not in seen:
                seen[key] = (token, block)
                continue
            first, first_block = seen[key]
            if first.value == token.value:
                continue
            findings.append(
                Finding(
                    kind="mismatch",
                    location=block.location,
                    expected=first.text,
                    found=token.text,
                    message=_("The same quantity is given as %(first)s in %(first_location)s and as %(second)s here.")
                    % {"first": first.text, "first_location": first_block.location, "second": token.text},
                    anchor=block.anchor,
                    excerpt=excerpt(text, token.start, token.end),
                )
            )
    return findings


# ---------------------------------------------------------------- tables


def row_location(table: Table, row: Row) -> str:
    label = table.row_label(row)
    parts = {"table": table.index, "row": row.number, "label": label[:60]}
    if row.line:
        parts["line"] = row.line
        if label:
            return _("table %(table)s, row %(row)s (%(label)s), line %(line)s") % parts
        return _("table %(table)s, row %(row)s, line %(line)s") % parts
    if label:
        return _("table %(table)s, row %(row)s (%(label)s)") % parts
    return _("table %(table)s, row %(row)s") % parts


def _row_finding(table: Table, row: Row, kind: str, expected: str, found: str, message: str, column=None) -> Finding:
    anchor = {"table": table.index, "row": row.number}
    if column is not None:
        anchor["column"] = column
    return Finding(
        kind=kind,
        location=row_location(table, row),
        expected=expected,
        found=found,
        message=message,
        anchor=anchor,
        excerpt=" | ".join(c for c in row.cells if c.strip()),
    )


_FINDING_KIND = {
    "row": "sum",
    "group": "sum",
    "total": "sum",
    "cell": "sum",
    "stock": "sum",
    "average": "average",
    "share": "share",
    "variant": "mismatch",
    "percent": "percent",
    "remark": "remark",
}


def table_findings(table: Table) -> list[Finding]:
    """The checks that follow the table's structure (checker.table_checks), as findings."""
    findings = []
    for issue in table_issues(table):
        if issue.kind == "remark":
            expected, found = issue.expected_text, issue.line.row.cell(issue.column.index)
        elif issue.kind == "percent":
            expected = format_decimal(issue.expected, max(issue.found.places, 2))
            found = show(issue.found.value, issue.found.places)
        elif issue.kind == "average":
            expected, found = "", show(issue.found.value, issue.found.places)
        elif issue.kind == "share":
            expected, found = "100", ""
        else:
            expected = show(issue.expected, issue.found.places)
            found = show(issue.found.value, issue.found.places)
        if issue.kind == "average":
            expected = _("between the lowest and the highest year")
        if issue.found_text:
            found = issue.found_text
        findings.append(
            _row_finding(
                table,
                issue.line.row,
                _FINDING_KIND[issue.kind],
                expected,
                found,
                issue.message,
                column=issue.column.index,
            )
        )
    return findings


def table_repeat_findings(tables: list[Table]) -> list[Finding]:
    """The same row (same label, same column caption) in two tables with different figures."""
    seen: dict[tuple[str, str], tuple[Table, Row, Token]] = {}
    findings = []
    for table in tables:
        for line in structure(table):
            row = line.row
            label = fold(table.row_label(row))
            if len(label.split()) < 3:
                continue
            if line.role == "part" and line.parent is not None:
                label = f"{line.parent.label} / {label}"  # "- Chỉ tiêu nghị quyết" of which target
            for column in table.columns:
                token = row.values.get(column.index)
                if token is None or not column.header:
                    continue
                key = (label, fold(column.header))
                if key not in seen:
                    seen[key] = (table, row, token)
                    continue
                first_table, first_row, first = seen[key]
                if first_table is table or first.value == token.value:
                    continue
                findings.append(
                    _row_finding(
                        table,
                        row,
                        "mismatch",
                        show_token(first),
                        show_token(token),
                        _("The same figure (“%(column)s”) is %(first)s in %(first_location)s and %(second)s here.")
                        % {
                            "column": column.header,
                            "first": show_token(first),
                            "first_location": row_location(first_table, first_row),
                            "second": show_token(token),
                        },
                        column=column.index,
                    )
                )
    return findings


def quote_findings(document: Document) -> list[Finding]:
    """A figure quoted in the text that the appendix's row nowhere holds (checker.quotes)."""
    findings = []
    for paragraph, offset, token, quoted in quote_issues(document.paragraphs, document.tables):
        where = row_location(quoted.table, quoted.line.row)
        totals = quoted.table.columns_of("total")
        term = quoted.line.row.values.get(totals[0].index) if totals else None
        findings.append(
            Finding(
                kind="quote",
                location=paragraph_location(paragraph),
                expected=show_token(term) if term is not None else _("a figure of the appendix"),
                found=token.text,
                message=quote_message(token, quoted, where),
                anchor={"paragraph": paragraph.index},
                excerpt=excerpt(paragraph.text, offset + token.start, offset + token.end),
            )
        )
    return findings
