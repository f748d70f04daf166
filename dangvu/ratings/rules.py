"""Rules of the annual quality rating, by the year rated (RULES.md §3).

Each rule set is data with the years it governs; `rating_rules_for_year(year)` picks the one in
force, so re-checking a 2021 rating uses the 2021 rules. Points RULES.md marks **unconfirmed**
are fields with the stated default that `settings.DANGVU_RATING_RULES` can override per set:

    DANGVU_RATING_RULES = {"QĐ 366": {"excellent_cap_pct": None, "cell_good_needs_member_grades": False}}

The grading itself is one pure function per subject (`grade_member`, `grade_organization`) that
returns the grade a rater may give, or the rule that refuses the one asked for.
"""

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Grade(models.TextChoices):
    EXCELLENT = "excellent", gettext_lazy("Excellently completed the tasks")
    GOOD = "good", gettext_lazy("Well completed the tasks")
    ADEQUATE = "adequate", gettext_lazy("Completed the tasks")
    FAILED = "failed", gettext_lazy("Did not complete the tasks")


# Best first: a lower index is a better grade.
GRADE_ORDER = (Grade.EXCELLENT, Grade.GOOD, Grade.ADEQUATE, Grade.FAILED)


class NotGradedReason(models.TextChoices):
    EXEMPT = "exempt", gettext_lazy("Exempted from work and party activities")
    SUSPENDED = "suspended", gettext_lazy("Suspended from party activities")
    NEW_MEMBER = "new_member", gettext_lazy("Admitted less than 6 months before")
    NEW_ORGANIZATION = "new_organization", gettext_lazy("Founded less than 6 months before")


@dataclass(frozen=True)
class RatingRules:
    code: str
    source: str
    first_year: int
    last_year: int | None  # inclusive; None while in force
    # QĐ 366: a 0-100 score decides the grade; before it the rater chooses the grade.
    scored: bool = False
    # "Excellent" at most this share of those graded "good" (QĐ 124; HD 21/2019). The examples' rates
    # (18% excellent, 78% good) show the share is taken of "good or better", so excellent ones are
    # counted in the base; None switches the cap off (whether QĐ 366 keeps it is unconfirmed).
    excellent_cap_pct: Decimal | None = Decimal(20)
    cap_base_includes_excellent: bool = True
    not_graded_under_months: int = 6
    # Sick leave of this many months or more caps the grade at "adequate" (HD 21/2019; 2023+ unconfirmed).
    sick_leave_cap_months: int | None = 3
    # An organization: more than this share of its subordinate units disciplined, or less than
    # this share of its targets met, forces "failed" (QĐ 124 §4.3).
    org_max_disciplined_units_pct: Decimal = Decimal(20)
    org_min_targets_met_pct: Decimal = Decimal(50)
    # A cell is "good" or better only if all its members are "adequate" or better and at least half
    # "good" or better (older guide; unconfirmed for 2023+).
    cell_good_needs_member_grades: bool = True
    cell_good_min_good_pct: Decimal = Decimal(50)
    # QĐ 366 score bands and the conditions of "excellent".
    excellent_min_score: Decimal = Decimal(90)
    good_min_score: Decimal = Decimal(70)
    adequate_min_score: Decimal = Decimal(50)
    excellent_min_on_time_pct: Decimal = Decimal(100)
    excellent_min_exceeding_pct: Decimal = Decimal(30)

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def reference_date(self, year: int) -> dt.date:
        """The day the year's rating looks at: members and organizations as they stand on 31/12."""
        return dt.date(year, 12, 31)


RATING_RULE_SETS = (
    RatingRules(code="QĐ 132", source="QĐ 132-QĐ/TW (2018), HD 21-HD/BTCTW (2019)", first_year=2018, last_year=2022),
    RatingRules(code="QĐ 124", source="QĐ 124-QĐ/TW (2023), HD 25-HD/BTCTW (2023)", first_year=2023, last_year=2024),
    RatingRules(code="QĐ 366", source="QĐ 366-QĐ/TW (30/8/2025)", first_year=2025, last_year=None, scored=True),
)


def rating_rules_for_year(year: int) -> RatingRules:
    """The rule set for the year rated, with the overrides of `settings.DANGVU_RATING_RULES` applied."""
    chosen = next((r for r in RATING_RULE_SETS if r.applies_to(year)), RATING_RULE_SETS[0])
    overrides = getattr(settings, "DANGVU_RATING_RULES", {}).get(chosen.code, {})
    return replace(chosen, **overrides) if overrides else chosen


class RuleRefusal(Exception):
    """A grade the rules forbid: `field` is the form field to show `message` beside."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class MemberFacts:
    admitted_on: dt.date | None
    not_graded_reason: str = ""  # exempt / suspended chosen by the rater
    disciplined: bool = False
    discipline_self_remedied: bool = False
    sick_leave_months: int = 0
    score: Decimal | None = None
    tasks_on_time_pct: Decimal | None = None
    tasks_exceeding_pct: Decimal | None = None
    violation: bool = False  # degradation, or a thing members must not do (QĐ 124 §4.3; QĐ 366)


def grade_from_score(rules: RatingRules, *, score: Decimal, on_time: Decimal, exceeding: Decimal, clean: bool) -> str:
    """QĐ 366: excellent ≥ 90 with all tasks on time, ≥ 30% exceeding and no discipline; good 70-<90 (or ≥ 90
    without those conditions); adequate 50-<70; failed below 50."""
    if score >= rules.excellent_min_score:
        if clean and on_time >= rules.excellent_min_on_time_pct and exceeding >= rules.excellent_min_exceeding_pct:
            return Grade.EXCELLENT
        return Grade.GOOD
    if score >= rules.good_min_score:
        return Grade.GOOD
    if score >= rules.adequate_min_score:
        return Grade.ADEQUATE
    return Grade.FAILED


def better(grade: str, than: str) -> bool:
    return GRADE_ORDER.index(grade) < GRADE_ORDER.index(than)


# Who is graded "failed" whatever the score (§4.3); the message a grade better than that gets.
MEMBER_FORCED_FAILED = gettext_lazy(
    "%(source)s §4.3: a member disciplined in the year (not self-detected and remedied) or with "
    "a listed violation is graded “%(failed)s”."
)
ORGANIZATION_FORCED_FAILED = gettext_lazy(
    "%(source)s §4.3: an organization whose leadership was disciplined, with more than 20%% of its "
    "units disciplined, internal disunity or under 50%% of its targets met is graded “%(failed)s”."
)


def _settled(rules: RatingRules, asked: str, scored: str | None, forced: bool, choose: str, forced_rule) -> str:
    """The grade. Where the rules score: `scored` (failed when `forced`), which `asked`, if given, must match.
    Otherwise `asked`, which must be given (else `choose`) and be failed when `forced` (else `forced_rule`)."""
    if scored is not None:
        grade = Grade.FAILED if forced else scored
        if asked and asked != grade:
            raise RuleRefusal(
                "grade",
                _("%(source)s: the score and conditions give “%(grade)s”, not “%(asked)s”.")
                % {"source": rules.source, "grade": Grade(grade).label, "asked": Grade(asked).label},
            )
        return grade
    if not asked:
        raise RuleRefusal("grade", choose)
    if forced and asked != Grade.FAILED:
        raise RuleRefusal("grade", str(forced_rule) % {"source": rules.source, "failed": Grade.FAILED.label})
    return asked


def grade_member(rules: RatingRules, year: int, facts: MemberFacts, asked: str) -> tuple[str, str]:
    """(grade, not-graded reason) the rules give for a member; raises RuleRefusal naming the rule broken."""
    reference = rules.reference_date(year)
    from dangvu.lib.dates import add_months

    new_member = facts.admitted_on is not None and facts.admitted_on > add_months(
        reference, -rules.not_graded_under_months
    )
    reason = facts.not_graded_reason or (NotGradedReason.NEW_MEMBER if new_member else "")
    if reason:
        if asked:
            raise RuleRefusal(
                "grade",
                _("%(source)s: a member %(reason)s is not graded; leave the grade empty.")
                % {"source": rules.source, "reason": NotGradedReason(reason).label.lower()},
            )
        return "", reason
    forced_failed = (facts.disciplined and not facts.discipline_self_remedied) or facts.violation
    scored = None
    if rules.scored:
        if facts.score is None or facts.tasks_on_time_pct is None or facts.tasks_exceeding_pct is None:
            raise RuleRefusal(
                "score",
                _("%(source)s: enter the score (0-100), the share of tasks on time and the share exceeding.")
                % {"source": rules.source},
            )
        scored = grade_from_score(
            rules,
            score=facts.score,
            on_time=facts.tasks_on_time_pct,
            exceeding=facts.tasks_exceeding_pct,
            clean=not facts.disciplined,
        )
    choose = _("Choose the grade, or the reason the member is not graded.")
    grade = _settled(rules, asked, scored, forced_failed, choose, MEMBER_FORCED_FAILED)
    if (
        rules.sick_leave_cap_months is not None
        and facts.sick_leave_months >= rules.sick_leave_cap_months
        and better(grade, Grade.ADEQUATE)
    ):
        raise RuleRefusal(
            "grade" if not rules.scored else "sick_leave_months",
            _("%(source)s: sick leave of %(months)s months or more in the year caps the grade at “%(adequate)s”.")
            % {"source": rules.source, "months": rules.sick_leave_cap_months, "adequate": Grade.ADEQUATE.label},
        )
    return grade, ""


@dataclass(frozen=True)
class OrganizationFacts:
    founded_on: dt.date | None
    leadership_disciplined: bool = False
    disciplined_units_pct: Decimal = Decimal(0)
    disunity: bool = False
    targets_met_pct: Decimal | None = None
    score: Decimal | None = None
    # For a cell: its members' grades this year (only those graded), for the "good cell" rule.
    member_grades: tuple[str, ...] = ()
    is_cell: bool = False


def grade_organization(rules: RatingRules, year: int, facts: OrganizationFacts, asked: str) -> tuple[str, str]:
    """(grade, not-graded reason) for an organization; raises RuleRefusal naming the rule broken."""
    from dangvu.lib.dates import add_months

    reference = rules.reference_date(year)
    if facts.founded_on is not None and facts.founded_on > add_months(reference, -rules.not_graded_under_months):
        if asked:
            raise RuleRefusal(
                "grade",
                _("%(source)s: an organization founded less than 6 months before is not graded.")
                % {"source": rules.source},
            )
        return "", NotGradedReason.NEW_ORGANIZATION
    forced = (
        facts.leadership_disciplined
        or facts.disciplined_units_pct > rules.org_max_disciplined_units_pct
        or facts.disunity
        or (facts.targets_met_pct is not None and facts.targets_met_pct < rules.org_min_targets_met_pct)
    )
    scored = None
    if rules.scored:
        if facts.score is None:
            raise RuleRefusal("score", _("%(source)s: enter the score (0-100).") % {"source": rules.source})
        scored = grade_from_score(rules, score=facts.score, on_time=Decimal(100), exceeding=Decimal(100), clean=True)
    grade = _settled(rules, asked, scored, forced, _("Choose the grade."), ORGANIZATION_FORCED_FAILED)
    if facts.is_cell and rules.cell_good_needs_member_grades and better(grade, Grade.ADEQUATE):
        graded = [g for g in facts.member_grades if g]
        good = sum(1 for g in graded if g in (Grade.EXCELLENT, Grade.GOOD))
        all_adequate = all(g != Grade.FAILED for g in graded)
        if not graded or not all_adequate or Decimal(100 * good) < rules.cell_good_min_good_pct * len(graded):
            raise RuleRefusal(
                "grade",
                _(
                    "%(source)s: a cell is graded “%(good)s” or better only if all its members completed their "
                    "tasks and at least %(pct)s%% were graded “%(good)s” or better."
                )
                % {"source": rules.source, "good": Grade.GOOD.label, "pct": rules.cell_good_min_good_pct},
            )
    return grade, ""


def excellent_cap_broken(rules: RatingRules, *, excellent: int, good: int) -> bool:
    """QĐ 124 / HD 21-HD/BTCTW 2019: excellent at most 20% of those graded good (good or better by default)."""
    if rules.excellent_cap_pct is None or excellent == 0:
        return False
    base = good + (excellent if rules.cap_base_includes_excellent else 0)
    return Decimal(100 * excellent) > rules.excellent_cap_pct * base


def excellent_cap_allowed(rules: RatingRules, *, good_or_better: int) -> int:
    """How many "excellent" a group of `good_or_better` members (excellent included) may hold under the cap."""
    if rules.excellent_cap_pct is None:
        return good_or_better
    return int(rules.excellent_cap_pct * good_or_better / 100)


# The yearly self-assessment (bản tự kiểm điểm) --------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    code: str
    label: object  # lazy text
    max_points: Decimal


@dataclass(frozen=True)
class SelfAssessmentForm:
    """The form of a member's self-assessment for the years it governs. `criteria` (scored forms): the groups
    a member scores themself on, whose points add up to the 100-point score of QĐ 366."""

    code: str
    source: str
    first_year: int
    last_year: int | None
    criteria: tuple[Criterion, ...] = ()
    # The text sections of the form (earlier years); a scored form keeps a free comment.
    sections: tuple[tuple[str, object], ...] = ()

    @property
    def scored(self) -> bool:
        return bool(self.criteria)

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


TEXT_SECTIONS = (
    ("thought", gettext_lazy("Political thought, ethics and lifestyle, sense of organization and discipline")),
    ("performance", gettext_lazy("Performance of the tasks assigned")),
    ("limitations", gettext_lazy("Limitations and their causes")),
    ("remedies", gettext_lazy("How to remedy them")),
)

# UNCONFIRMED (RULES.md §3 confirms only the 100-point scale and the bands): the criteria groups of QĐ 366 and
# their maximum points below are this system's reading, kept as dated data so that a corrected table is one
# edit here. docs/ratings.md says the same.
QD366_CRITERIA = (
    Criterion("thought", gettext_lazy("Political thought"), Decimal(20)),
    Criterion("ethics", gettext_lazy("Ethics and lifestyle"), Decimal(20)),
    Criterion("discipline", gettext_lazy("Sense of organization and discipline"), Decimal(10)),
    Criterion("tasks", gettext_lazy("Results of the tasks assigned"), Decimal(50)),
)

SELF_ASSESSMENT_FORMS = (
    SelfAssessmentForm(
        code="HD 25",
        source="QĐ 124-QĐ/TW, HD 25-HD/BTCTW (2023)",
        first_year=2018,
        last_year=2024,
        sections=TEXT_SECTIONS,
    ),
    SelfAssessmentForm(
        code="QĐ 366",
        source="QĐ 366-QĐ/TW (30/8/2025)",
        first_year=2025,
        last_year=None,
        criteria=QD366_CRITERIA,
        sections=(("limitations", TEXT_SECTIONS[2][1]), ("remedies", TEXT_SECTIONS[3][1])),
    ),
)


def self_assessment_form_for_year(year: int) -> SelfAssessmentForm:
    return next((f for f in SELF_ASSESSMENT_FORMS if f.applies_to(year)), SELF_ASSESSMENT_FORMS[0])


def best_grade_for_points(
    rules: RatingRules, *, points: Decimal, on_time: Decimal | None, exceeding: Decimal | None, clean: bool = True
) -> str:
    """The best grade a self-assessment's points allow (QĐ 366 bands; "excellent" also needs all tasks on time,
    at least 30% exceeding and no discipline)."""
    return grade_from_score(
        rules, score=points, on_time=on_time or Decimal(0), exceeding=exceeding or Decimal(0), clean=clean
    )
