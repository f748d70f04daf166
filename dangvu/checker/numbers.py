"""Vietnamese numbers in report text: what each run of digits means.

House style (and the examples): "7.261" and "1.905" are thousands, "79,61%" and "98,5" are decimals,
"03" is three, "30.196 tỷ đồng" is an amount, "2020 - 2025" is a range of years, "11/4/2023" is a date,
"22-NQ/TU" is a document number, "5.1." is a section number. `tokenize` finds them all, each once,
so no check ever mistakes one kind for another.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Digits are ASCII only: superscript footnote markers (¹²³) are not numbers.
_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?"
_LETTER = r"A-Za-zÀ-ỹĐđƠơƯư"

_PATTERN = re.compile(
    rf"""
    (?P<docnumber>(?<![0-9])[0-9]+\s{{0,2}}[-–]\s{{0,2}}[A-ZĐ][A-Za-zĐđ]*(?:/[A-Za-zĐđ][A-Za-zĐđ\-]*)+)
  | (?P<spelled>ngày\s+(?P<sd>[0-9]{{1,2}})\s+tháng\s+(?P<sm>[0-9]{{1,2}})\s+năm\s+(?P<sy>[0-9]{{1,5}})(?![0-9]))
  | (?P<date>(?<![0-9/.,])(?P<dd>[0-9]{{1,2}})/(?P<dm>[0-9]{{1,2}})/(?P<dy>[0-9]{{1,5}})(?![0-9/]))
  | (?P<slash>(?<![0-9/.,])(?P<sa>{_NUM})/(?P<sb>{_NUM})(?![0-9/]))
  | (?P<range>(?<![0-9.,/])(?P<ra>(?:19|20)[0-9]{{2}})\s?[-–]\s?(?P<rb>(?:19|20)[0-9]{{2}})(?![0-9/]))
  | (?P<number>(?<![0-9.,/])(?P<n>{_NUM})(?![0-9])
        (?!\.[0-9]|,[0-9])
        (?:\s?(?P<pct>%)|\s?(?P<unit>(?:tỷ|triệu|nghìn|ngàn)\s+đồng|đồng(?!\s*[a-zà-ỹđ])|đ(?![{_LETTER}])|tỷ(?![{_LETTER}])|triệu(?![{_LETTER}])))?)
  | (?P<section>(?<![0-9.,])[0-9]+(?:\.[0-9]+)+\.?(?![0-9]))
    """,
    re.VERBOSE,
)

_DATE_WORD = re.compile(r"(?:ngày|hôm)\s*$", re.IGNORECASE)
_MONTH_WORD = re.compile(r"tháng\s*$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(rf"[{_LETTER}][-–]$")

# A year this far from today is a typing error, not a date in a report.
MIN_YEAR = 1800
MAX_YEAR = 2200


@dataclass(frozen=True)
class Token:
    kind: str  # int, decimal, percent, amount, date, daymonth, monthyear, ratio, range, docnumber, section, label
    text: str
    start: int
    end: int
    value: Decimal | None = None
    places: int = 0
    unit: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    leading_zero: bool = False

    @property
    def is_count(self) -> bool:
        return self.kind == "int"

    @property
    def is_valid_date(self) -> bool:
        return date_problem(self.day, self.month, self.year) is None


def parse_number(text: str) -> Decimal | None:
    """ "7.261" -> 7261, "79,61" -> 79.61, "03" -> 3; anything else -> None."""
    text = text.strip()
    if not re.fullmatch(_NUM, text):
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None


def decimal_places(text: str) -> int:
    _, comma, fraction = text.partition(",")
    return len(fraction) if comma else 0


def date_problem(day: int | None, month: int | None, year: int | None) -> str | None:
    """Why a (day, month, year) cannot exist, or None. Missing parts are not checked."""
    if year is not None and not (MIN_YEAR <= year <= MAX_YEAR) and not (year < 100 and len(str(year)) == 2):
        return "year"
    if month is not None and not 1 <= month <= 12:
        return "month"
    if day is not None:
        if day < 1:
            return "day"
        if month is not None:
            probe_year = year if year is not None and MIN_YEAR <= year <= MAX_YEAR else 2000  # 2000 is leap
            try:
                dt.date(probe_year, month, day)
            except ValueError:
                return "day"
        elif day > 31:
            return "day"
    return None


def tokenize(text: str) -> list[Token]:
    """Every number-like run in `text`, classified; positions refer to `text`."""
    tokens: list[Token] = []
    for m in _PATTERN.finditer(text):
        start, end, raw = m.start(), m.end(), m.group(0)
        before = text[max(0, start - 12) : start]
        if m.group("docnumber"):
            tokens.append(Token("docnumber", raw, start, end))
        elif m.group("spelled"):
            tokens.append(Token("date", raw, start, end, day=int(m["sd"]), month=int(m["sm"]), year=_year(m["sy"])))
        elif m.group("date"):
            tokens.append(Token("date", raw, start, end, day=int(m["dd"]), month=int(m["dm"]), year=_year(m["dy"])))
        elif m.group("slash"):
            tokens.append(_slash_token(m, before))
        elif m.group("section"):
            tokens.append(Token("section", raw, start, end))
        elif m.group("range"):
            tokens.append(Token("range", raw, start, end, numerator=Decimal(m["ra"]), denominator=Decimal(m["rb"])))
        else:
            tokens.append(_number_token(m, before))
    return tokens


def _year(text: str) -> int:
    return int(text)


def _slash_token(m: re.Match, before: str) -> Token:
    raw, start, end = m.group(0), m.start(), m.end()
    a_text, b_text = m["sa"], m["sb"]
    a, b = parse_number(a_text), parse_number(b_text)
    plain_small = "." not in a_text + b_text and "," not in a_text + b_text
    if plain_small and _DATE_WORD.search(before) and len(a_text) <= 2 and len(b_text) <= 2:
        return Token("daymonth", raw, start, end, day=int(a_text), month=int(b_text))
    if plain_small and len(a_text) <= 2 and len(b_text) == 4 and (_MONTH_WORD.search(before) or int(a_text) <= 12):
        if 1900 <= int(b_text) <= 2100 or _MONTH_WORD.search(before):
            return Token("monthyear", raw, start, end, month=int(a_text), year=int(b_text))
    return Token("ratio", raw, start, end, numerator=a, denominator=b)


def _number_token(m: re.Match, before: str) -> Token:
    raw, start, end = m.group(0), m.start(), m.end()
    n_text = m["n"]
    value = parse_number(n_text)
    places = decimal_places(n_text)
    if _LABEL_BEFORE.search(before):  # "Covid-19", "lần thứ I-năm": part of a name
        return Token("label", raw, start, end, value=value, places=places)
    if m["pct"]:
        return Token("percent", raw, start, end, value=value, places=places)
    if m["unit"]:
        return Token("amount", raw, start, end, value=value, places=places, unit=" ".join(m["unit"].split()))
    kind = "decimal" if places else "int"
    return Token(
        kind, raw, start, end, value=value, places=places, leading_zero=n_text.startswith("0") and len(n_text) > 1
    )


def parse_cell(text: str) -> Token | None:
    """The one number a table cell holds ("1.305", "87,00%", "03"), or None for text or empty cells."""
    text = (text or "").strip()
    if not text:
        return None
    tokens = [t for t in tokenize(text) if t.kind in {"int", "decimal", "percent", "amount"}]
    if len(tokens) != 1:
        return None
    token = tokens[0]
    rest = (text[: token.start] + text[token.end :]).strip(" *()")
    if rest and re.search(rf"[{_LETTER}0-9]", rest):
        return None
    return token
