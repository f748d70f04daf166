"""Rules of cell meetings by effective date (RULES.md §5; HD 12-HD/BTCTW of 06/7/2018)."""

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings


@dataclass(frozen=True)
class MeetingRules:
    code: str
    source: str
    valid_from: dt.date
    valid_to: dt.date | None
    regular_every_months: int = 1  # a regular meeting every month
    thematic_every_months: int = 3  # a thematic meeting at least every quarter
    min_attendance_pct: Decimal = Decimal(85)  # a quality meeting: attendance over 85%
    max_excused_in_a_row: int = 3  # no member absent with excuse more than 3 times in a row in the year
    min_duration_minutes: int = 90

    def applies_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


MEETING_RULE_SETS = (
    MeetingRules(code="HD 12/2018", source="HD 12-HD/BTCTW (06/7/2018)", valid_from=dt.date(2018, 7, 6), valid_to=None),
)


def meeting_rules_on(day: dt.date) -> MeetingRules:
    """The rules in force on `day` (older days use the oldest set), with `settings.DANGVU_MEETING_RULES` overrides."""
    chosen = next((r for r in MEETING_RULE_SETS if r.applies_on(day)), MEETING_RULE_SETS[0])
    overrides = getattr(settings, "DANGVU_MEETING_RULES", {}).get(chosen.code, {})
    return replace(chosen, **overrides) if overrides else chosen


def attendance_pct(present: int, total: int) -> Decimal | None:
    return Decimal(100 * present) / total if total else None


def longest_excused_run(statuses: list[str]) -> int:
    """The longest run of consecutive "absent with excuse" in a member's attendance, oldest first."""
    longest = current = 0
    for status in statuses:
        current = current + 1 if status == "excused" else 0
        longest = max(longest, current)
    return longest


# --- Issue 17: how long a meeting lasts and when its notice is due --------------------------------------


@dataclass(frozen=True)
class DurationRule:
    source: str
    valid_from: dt.date
    regular_or_thematic: int  # minutes of a regular or a thematic meeting held alone
    combined: int  # minutes when the regular and the thematic meeting are held together


DURATION_RULES = (
    DurationRule("HD 12-HD/BTCTW (06/7/2018)", dt.date(2018, 7, 6), 90, 90),
    DurationRule("CT 50-CT/TW (23/7/2025), HD 42-HD/BTCTW (28/10/2025)", dt.date(2025, 7, 23), 90, 120),
)
# HD 42-HD/BTCTW (28/10/2025): the notice and the materials reach the members at least one day before.
NOTICE_DAYS_BEFORE = 1
NOTICE_RULE_SOURCE = "HD 42-HD/BTCTW (28/10/2025)"


def min_duration(day: dt.date, *, combined: bool) -> tuple[int, str]:
    """The shortest meeting the rules in force on `day` allow, in minutes, and the rule in force that says so.

    Alone, a meeting lasts 90 minutes (HD 12 2018, kept by CT 50 2025); held together, 120 (CT 50 2025)."""
    rule = next((r for r in reversed(DURATION_RULES) if r.valid_from <= day), DURATION_RULES[0])
    return (rule.combined if combined else rule.regular_or_thematic), rule.source


def notice_is_late(*, held_on: dt.date, sent_on: dt.date) -> bool:
    """HD 42-HD/BTCTW 2025: a notice sent later than `NOTICE_DAYS_BEFORE` days before the meeting is late."""
    return (held_on - sent_on).days < NOTICE_DAYS_BEFORE


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from the start to the end of a meeting (an end before the start is past midnight)."""
    delta = dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)
    return delta.seconds // 60  # a negative delta keeps its seconds within the day: past midnight
