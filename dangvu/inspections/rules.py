"""Rules of inspection, discipline and letter handling, by effective date (RULES.md §4).

Each rule set is data with the dates it was in force; `*_rules_on(day)` picks the set for a
date, so a record of a past period is checked against the rules of that period. Values that
RULES.md marks unconfirmed (the statute of limitations) can be overridden in settings.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings

from dangvu.inspections.models import Body, DisciplineForm, InspectionKind, ViolationCategory
from dangvu.lib.rulesets import RuleSet, in_force
from dangvu.organizations.models import OrganizationKind

# Which kinds of organization have which body (Charter art. 30-32; QĐ 22-QĐ/TW 2021).
BODIES_BY_ORGANIZATION_KIND = {
    OrganizationKind.COMMITTEE: (Body.STANDING_COMMITTEE, Body.INSPECTION_COMMITTEE),
    OrganizationKind.BASE_PARTY_COMMITTEE: (Body.STANDING_COMMITTEE, Body.INSPECTION_COMMITTEE, Body.BASE_COMMITTEE),
    OrganizationKind.SUB_COMMITTEE: (Body.BASE_COMMITTEE,),
    OrganizationKind.BASE_CELL: (Body.CELL,),
    OrganizationKind.CELL: (Body.CELL,),
}

ART_32_KINDS = (
    InspectionKind.SIGNS_OF_VIOLATION,
    InspectionKind.INSPECTION_DUTIES,
    InspectionKind.DISCIPLINE_ENFORCEMENT,
    InspectionKind.FINANCES,
)


def _years(name: str, default: int | None) -> int | None:
    """A statute-of-limitations value, overridable by DANGVU_DISCIPLINE_LIMITATION_YEARS (RULES.md §4: unconfirmed)."""
    return getattr(settings, "DANGVU_DISCIPLINE_LIMITATION_YEARS", {}).get(name, default)


@dataclass(frozen=True)
class InspectionRules(RuleSet):
    # The kinds of Charter art. 32 are tasks of the inspection committee.
    kinds_by_body: dict = field(
        default_factory=lambda: {
            Body.STANDING_COMMITTEE: (InspectionKind.PROGRAM, InspectionKind.THEMATIC_SUPERVISION),
            Body.INSPECTION_COMMITTEE: tuple(InspectionKind.values),
            Body.BASE_COMMITTEE: (InspectionKind.PROGRAM, InspectionKind.THEMATIC_SUPERVISION),
            Body.CELL: (InspectionKind.PROGRAM, InspectionKind.THEMATIC_SUPERVISION),
        }
    )


INSPECTION_RULE_SETS = (
    InspectionRules(source="QĐ 30-QĐ/TW (2016)", valid_from=dt.date(2016, 7, 26), valid_to=dt.date(2021, 7, 27)),
    InspectionRules(source="QĐ 22-QĐ/TW (2021)", valid_from=dt.date(2021, 7, 28), valid_to=None),
)


@dataclass(frozen=True)
class DisciplineRules(RuleSet):
    organization_forms: tuple = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.DISSOLUTION)
    full_member_forms: tuple = (
        DisciplineForm.REPRIMAND,
        DisciplineForm.WARNING,
        DisciplineForm.DISMISSAL,
        DisciplineForm.EXPULSION,
    )
    probationary_forms: tuple = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING)
    # Charter art. 36: a cell decides reprimand and warning of its own members only.
    cell_forms: tuple = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING)
    # Violations that have no statute of limitations, whatever the form.
    no_limitation_categories: tuple = (
        ViolationCategory.INTERNAL_POLITICS,
        ViolationCategory.DEFENCE_SECURITY,
        ViolationCategory.ILLEGAL_DIPLOMAS,
    )

    def limitation_years(self, form: str) -> int | None:
        """Years after the violation within which `form` may be decided; None: no limit."""
        defaults = {
            DisciplineForm.REPRIMAND: 5,
            DisciplineForm.WARNING: 10,
            DisciplineForm.DISMISSAL: 10,
            DisciplineForm.EXPULSION: None,
            DisciplineForm.DISSOLUTION: None,
        }
        return _years(str(form), defaults[DisciplineForm(form)])


DISCIPLINE_RULE_SETS = (
    DisciplineRules(source="QĐ 102-QĐ/TW (2017)", valid_from=dt.date(2017, 11, 15), valid_to=dt.date(2022, 7, 5)),
    DisciplineRules(source="QĐ 69-QĐ/TW (2022)", valid_from=dt.date(2022, 7, 6), valid_to=dt.date(2025, 2, 13)),
    # QĐ 264-QĐ/TW amends QĐ 69; the forms and limitation periods kept (RULES.md §4).
    DisciplineRules(source="QĐ 264-QĐ/TW (2025)", valid_from=dt.date(2025, 2, 14), valid_to=None),
)


@dataclass(frozen=True)
class LetterRules(RuleSet):
    handling_working_days: int = 90
    extension_working_days: int = 30
    # Open letters this close to their deadline are flagged on the list.
    warn_working_days: int = 10


LETTER_RULE_SETS = (LetterRules(source="HD 02-HD/TW (2021)", valid_from=dt.date(2021, 12, 9), valid_to=None),)


def inspection_rules_on(day: dt.date) -> InspectionRules:
    """The set in force on `day`; earlier days use the oldest known set."""
    return in_force(INSPECTION_RULE_SETS, day)


def discipline_rules_on(day: dt.date) -> DisciplineRules:
    return in_force(DISCIPLINE_RULE_SETS, day)


def letter_rules_on(day: dt.date) -> LetterRules:
    return in_force(LETTER_RULE_SETS, day)


def limitation_start(*, committed_on: dt.date, ended_on: dt.date | None, new_violation_on: dt.date | None) -> dt.date:
    """The day the statute of limitations runs from: the violation, its end if continuing, a later new violation."""
    return max(d for d in (committed_on, ended_on, new_violation_on) if d is not None)
