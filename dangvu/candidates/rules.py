"""Admission rules by effective date (RULES.md §1).

Each set names its source; a step recorded on a date is checked against the set in force then.
"""

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class AdmissionRules:
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    # Committee decision within N working days of the cell's resolution (QĐ 24 §3.4 / QĐ 232 §4).
    decision_working_days: int
    # Ceremony within N working days of receiving the decision (QĐ 232 §4).
    ceremony_working_days: int
    # Introducer: a full member who worked with the candidate at least N months (QĐ 24 §3.2.1).
    introducer_months: int
    # Two full members introduce, or one with the youth union's recommendation (Charter art. 4 §2).
    introducers_needed: int
    # Cell and base committee approve with two thirds of full members / committee members (Charter art. 4 §3).
    approval_share: Fraction

    def applies(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


ADMISSION_RULE_SETS: tuple[AdmissionRules, ...] = (
    AdmissionRules("QĐ 24-QĐ/TW (2021)", dt.date(2021, 7, 30), dt.date(2025, 1, 20), 60, 30, 12, 2, Fraction(2, 3)),
    AdmissionRules("QĐ 232-QĐ/TW (2025)", dt.date(2025, 1, 20), None, 60, 30, 12, 2, Fraction(2, 3)),
)
# Older cases (before QĐ 24) are checked with the earliest set: the core rules were the same.
WARNING_DAYS = 10  # calendar days before a deadline when a candidate is flagged "near the deadline"


def rules_on(on: dt.date) -> AdmissionRules:
    for rules in ADMISSION_RULE_SETS:
        if rules.applies(on):
            return rules
    return ADMISSION_RULE_SETS[0]


# The admission file before the cell votes (HD 12-HD/BTCTW of 18/01/2022): what the system tracks.
FILE_CHECKLIST = (
    ("awareness_class_on", "party-awareness class certificate"),
    ("application_on", "application (Mẫu 1-KNĐ)"),
    ("cv_verified_on", "CV (Mẫu 2-KNĐ) with verification"),
    ("introducers", "introducer's letter"),
)
