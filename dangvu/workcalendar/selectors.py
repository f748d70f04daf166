"""Working-day arithmetic over the configurable calendar of public holidays."""

import datetime as dt

from dangvu.workcalendar.models import PublicHoliday


def holidays_between(start: dt.date, end: dt.date) -> frozenset[dt.date]:
    return frozenset(PublicHoliday.objects.filter(on__gte=start, on__lte=end).values_list("on", flat=True))


def is_working_day(day: dt.date, holidays: frozenset[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.date, days: int, holidays: frozenset[dt.date] | None = None) -> dt.date:
    """The date `days` working days after `start` (start itself not counted)."""
    if holidays is None:
        # Generous window: n working days never span more than 2n + 60 calendar days here.
        holidays = holidays_between(start, start + dt.timedelta(days=2 * days + 60))
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current
