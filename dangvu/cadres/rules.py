"""Cadre-work rules by effective date, each naming its source."""

import datetime as dt
from dataclasses import dataclass

from dangvu.members.models import Status
from dangvu.organizations.models import OrganizationKind


@dataclass(frozen=True)
class CadreRules:
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    # Probationary members may not stand for or be elected to party leadership bodies (Charter art. 5 §3).
    committee_statuses: tuple[str, ...]
    # Organizations that have a standing committee: committees and base party committees (Charter art. 11, 21).
    standing_kinds: tuple[str, ...]
    # One secretary of an organization at a time (Charter art. 9).
    single_secretary: bool

    def applies(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


CADRE_RULE_SETS: tuple[CadreRules, ...] = (
    CadreRules(
        "Charter 2011; QĐ 24-QĐ/TW (2021)",
        dt.date(1990, 1, 1),
        dt.date(2025, 1, 20),
        (Status.FULL,),
        (OrganizationKind.COMMITTEE, OrganizationKind.BASE_PARTY_COMMITTEE),
        True,
    ),
    CadreRules(
        "Charter 2011; QĐ 232-QĐ/TW (2025)",
        dt.date(2025, 1, 20),
        None,
        (Status.FULL,),
        (OrganizationKind.COMMITTEE, OrganizationKind.BASE_PARTY_COMMITTEE),
        True,
    ),
)


def rules_on(on: dt.date) -> CadreRules:
    for rules in CADRE_RULE_SETS:
        if rules.applies(on):
            return rules
    return CADRE_RULE_SETS[0]
