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
