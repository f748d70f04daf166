"""Dates in the house style and calendar arithmetic shared by the rules."""

import calendar
import datetime as dt


def _day(on: dt.date) -> str:
    return f"{on.day:02d}"


def _month(on: dt.date) -> str:
    # Party document style: days below 10 and the months 1 and 2 take a leading zero
    # ("ngày 05 tháng 02", "04/6/2021", "14/01/2021" in the examples), other months do not.
    return f"{on.month:02d}" if on.month <= 2 else str(on.month)


def format_place_date(on: dt.date, place: str = "") -> str:
    """The place-date line: "Kiên Giang, ngày 25 tháng 7 năm 2023"."""
    text = f"ngày {_day(on)} tháng {_month(on)} năm {on.year}"
    return f"{place}, {text}" if place else text


def format_short(on: dt.date | None) -> str:
    """A date in running text as the examples write it: 25/7/2023, 04/6/2021, 14/01/2021."""
    if on is None:
        return ""
    return f"{_day(on)}/{_month(on)}/{on.year}"


def add_months(on: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the month's last day (31/1 + 1 month = 28/2 or 29/2)."""
    month_index = on.month - 1 + months
    year = on.year + month_index // 12
    month = month_index % 12 + 1
    day = min(on.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def add_years(on: dt.date, years: int) -> dt.date:
    return add_months(on, 12 * years)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (an age counted in months)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day and end != add_months(start, months):
        months -= 1
    return months
