"""Rule sets by effective date: each is data with the days it was in force, so a record of a past period is
checked against the rules of that period."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class RuleSet:
    source: str
    valid_from: dt.date
    valid_to: dt.date | None  # inclusive last day, None while in force

    def applies_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


R = TypeVar("R", bound=RuleSet)


def in_force(rule_sets: Sequence[R], day: dt.date) -> R:
    """The set in force on `day`; days before the first known set use the oldest one."""
    return next((rules for rules in rule_sets if rules.applies_on(day)), rule_sets[0])
