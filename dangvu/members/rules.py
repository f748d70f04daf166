"""Membership rules of the Party Charter's implementing regulations, by effective date.

Each rule set is data with the dates it was in force; `charter_rules_on(day)` picks the
one for a date, so a computation for a past period uses the rules of that period.
Sources are in RULES.md §1.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from dangvu.lib.rulesets import RuleSet, in_force

BADGE_MILESTONES = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)


@dataclass(frozen=True)
class CharterRules(RuleSet):
    min_admission_age_months: int = 18 * 12
    max_admission_age_months: int = 60 * 12
    probation_months: int = 12
    full_decision_working_days: int = 30
    committee_decision_working_days: int = 60
    ceremony_working_days: int = 30
    readmission_min_gap_months: int = 36
    readmission_max_times: int = 1
    badge_milestones: tuple[int, ...] = BADGE_MILESTONES
    # Seriously ill members may receive the badge early: up to 12 months for 30-65 years,
    # up to 24 months for 70-90 years (HD 01-HD/TW 2021 §18).
    early_badge_months_up_to_65: int = 12
    early_badge_months_from_70: int = 24
    # A temporary transfer is for a posting of 3 months to under 1 year or a study of 3 months to 2 years
    # (QĐ 24 §6.3): the shortest and the longest any temporary transfer may run.
    temporary_transfer_min_months: int = 3
    temporary_transfer_max_months: int = 24

    def early_badge_months(self, years: int) -> int:
        return self.early_badge_months_up_to_65 if years <= 65 else self.early_badge_months_from_70


CHARTER_RULE_SETS = (
    CharterRules(source="QĐ 45-QĐ/TW (2011)", valid_from=dt.date(2011, 11, 1), valid_to=dt.date(2016, 7, 24)),
    CharterRules(source="QĐ 29-QĐ/TW (2016)", valid_from=dt.date(2016, 7, 25), valid_to=dt.date(2021, 7, 29)),
    CharterRules(source="QĐ 24-QĐ/TW (2021)", valid_from=dt.date(2021, 7, 30), valid_to=dt.date(2025, 1, 19)),
    CharterRules(source="QĐ 232-QĐ/TW (2025)", valid_from=dt.date(2025, 1, 20), valid_to=None),
)


def charter_rules_on(day: dt.date) -> CharterRules:
    """The rule set in force on `day`; days before the first known set use the oldest one."""
    return in_force(CHARTER_RULE_SETS, day)


def badge_award_days() -> list[tuple[int, int]]:
    """(day, month) on which badges are customarily awarded (RULES.md: unconfirmed, so configurable).

    Defaults: 3/2 (Party founding), 19/5, 2/9, 7/11.
    """
    return list(getattr(settings, "DANGVU_BADGE_AWARD_DAYS", [(3, 2), (19, 5), (2, 9), (7, 11)]))


def next_award_day(eligible_on: dt.date) -> dt.date:
    """The first customary award day on or after the day a member becomes eligible."""
    candidates = [
        dt.date(year, month, day)
        for year in (eligible_on.year, eligible_on.year + 1)
        for day, month in badge_award_days()
    ]
    return min(c for c in candidates if c >= eligible_on)
