"""Report periods: parsing "2024-04", "2024-Q2", "2024-H1", "2024-9M", "2024", "2020-2025" and naming them
the way the reports do ("tháng 4 năm 2024", "6 tháng đầu năm 2024", "nhiệm kỳ 2020 - 2025")."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Kind:
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEAR = "half_year"
    NINE_MONTH = "nine_month"
    ANNUAL = "annual"
    MID_TERM = "mid_term"
    TERM_END = "term_end"

    ALL = (MONTHLY, QUARTERLY, HALF_YEAR, NINE_MONTH, ANNUAL, MID_TERM, TERM_END)


@dataclass(frozen=True)
class Period:
    kind: str
    key: str
    start: dt.date
    end: dt.date
    label: str  # "tháng 4 năm 2023"
    next_label: str  # what "the next period" is called in the key-tasks heading
    term_years: tuple[int, int] | None = None

    @property
    def is_term(self) -> bool:
        return self.kind in (Kind.MID_TERM, Kind.TERM_END)


class PeriodError(ValueError):
    pass


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(kind: str, key: str, *, today: dt.date | None = None) -> Period:
    """The period `key` of a report of `kind`; raises PeriodError when they do not fit together."""
    key = key.strip()
    if kind == Kind.MONTHLY:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})", key)
        if not m or not 1 <= int(m[2]) <= 12:
            raise PeriodError(key)
        year, month = int(m[1]), int(m[2])
        nxt_year, nxt_month = (year + 1, 1) if month == 12 else (year, month + 1)
        return Period(
            kind,
            f"{year}-{month:02d}",
            dt.date(year, month, 1),
            _month_end(year, month),
            f"tháng {month} năm {year}",
            f"tháng {nxt_month} năm {nxt_year}",
        )
    if kind == Kind.QUARTERLY:
        m = re.fullmatch(r"(\d{4})-Q([1-4])", key, re.I)
        if not m:
            raise PeriodError(key)
        year, q = int(m[1]), int(m[2])
        nxt = f"quý {ROMAN[q + 1]} năm {year}" if q < 4 else f"quý I năm {year + 1}"
        return Period(
            kind,
            f"{year}-Q{q}",
            dt.date(year, 3 * q - 2, 1),
            _month_end(year, 3 * q),
            f"quý {ROMAN[q]} năm {year}",
            nxt,
        )
    if kind == Kind.HALF_YEAR:
        m = re.fullmatch(r"(\d{4})-H([12])", key, re.I)
        if not m:
            raise PeriodError(key)
        year, h = int(m[1]), int(m[2])
        first, second = f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"
        if h == 1:
            return Period(kind, f"{year}-H1", dt.date(year, 1, 1), dt.date(year, 6, 30), first, second)
        nxt = f"6 tháng đầu năm {year + 1}"
        return Period(kind, f"{year}-H2", dt.date(year, 7, 1), dt.date(year, 12, 31), second, nxt)
    if kind == Kind.NINE_MONTH:
        m = re.fullmatch(r"(\d{4})-9M", key, re.I)
        if not m:
            raise PeriodError(key)
        year = int(m[1])
        first_nine = f"9 tháng đầu năm {year}"
        return Period(kind, f"{year}-9M", dt.date(year, 1, 1), dt.date(year, 9, 30), first_nine, f"quý IV năm {year}")
    if kind == Kind.ANNUAL:
        if not re.fullmatch(r"\d{4}", key):
            raise PeriodError(key)
        year = int(key)
        return Period(kind, key, dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}", f"năm {year + 1}")
    if kind in (Kind.MID_TERM, Kind.TERM_END):
        m = re.fullmatch(r"(\d{4})-(\d{4})", key)
        if not m or not 0 < int(m[2]) - int(m[1]) <= 10:
            raise PeriodError(key)
        first, last = int(m[1]), int(m[2])
        today = today or dt.date.today()  # noqa: DTZ011 - a calendar date, no time zone involved
        if kind == Kind.MID_TERM:
            # Mid-term: from the start of the term to the middle of its span (the examples' "giữa nhiệm kỳ").
            middle = first + (last - first + 1) // 2
            end = min(dt.date(middle, 6, 30), today)
            label = f"giữa nhiệm kỳ {first} - {last}"
            next_label = f"nửa cuối nhiệm kỳ {first} - {last}"
        else:
            end = min(dt.date(last, 12, 31), today)
            label = f"nhiệm kỳ {first} - {last}"
            next_label = f"nhiệm kỳ {last} - {last + (last - first)}"
        return Period(kind, f"{first}-{last}", dt.date(first, 1, 1), end, label, next_label, (first, last))
    raise PeriodError(kind)
