"""The rules of study sessions and training classes, as data with their sources.

None of these has changed with the 2025 reorganization; each carries the range in which
it holds so a later change adds a version instead of editing the rule in place.
"""

import datetime as dt
from dataclasses import dataclass

from dangvu.education.models import TrainingKind


@dataclass(frozen=True)
class TrainingRules:
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    # Classes whose participants must be party members (counted in the organizer's subtree on the first day).
    members_only: frozenset[str]
    # Classes for people not yet in the party: participants by name, never a member record.
    candidates_only: frozenset[str]
    # Classes whose completion is proved by a certificate (its number is required for "completed").
    certificate_required: frozenset[str]
    source: str


TRAINING_RULE_SETS = (
    TrainingRules(
        name="HD 12-HD/BTCTW 2022",
        valid_from=dt.date(2022, 1, 18),
        valid_to=None,
        members_only=frozenset({TrainingKind.NEW_MEMBER, TrainingKind.COMMITTEE_MEMBER}),
        candidates_only=frozenset({TrainingKind.PARTY_AWARENESS}),
        certificate_required=frozenset({TrainingKind.PARTY_AWARENESS, TrainingKind.NEW_MEMBER}),
        source=(
            "HD 12-HD/BTCTW of 18/01/2022 (the party-awareness certificate is part of the admission file); "
            "Charter art. 5 and QĐ 24/232 (new members study the new-member programme)"
        ),
    ),
)


def training_rules_on(on: dt.date) -> TrainingRules:
    """The rule set in force on `on`; dates before the first set use the first (the rules were the same)."""
    for rules in TRAINING_RULE_SETS:
        if rules.valid_from <= on and (rules.valid_to is None or on < rules.valid_to):
            return rules
    return TRAINING_RULE_SETS[0]
