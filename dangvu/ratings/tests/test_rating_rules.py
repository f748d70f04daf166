"""The rating rules, one row per rule of RULES.md §3, for each rule set by year."""

import datetime as dt
from decimal import Decimal

import pytest

from dangvu.ratings.rules import (
    Grade,
    MemberFacts,
    OrganizationFacts,
    RuleRefusal,
    excellent_cap_broken,
    grade_member,
    grade_organization,
    rating_rules_for_year,
)

D = Decimal
OLD = dt.date(2015, 5, 1)


@pytest.mark.parametrize(
    ("year", "source"),
    [
        pytest.param(2021, "QĐ 132", id="2018-2022: QĐ 132-QĐ/TW, HD 21-HD/BTCTW 2019"),
        pytest.param(2023, "QĐ 124", id="2023-2024: QĐ 124-QĐ/TW, HD 25-HD/BTCTW 2023"),
        pytest.param(2024, "QĐ 124", id="2024 still QĐ 124"),
        pytest.param(2025, "QĐ 366", id="2025 on: QĐ 366-QĐ/TW 100-point scale"),
    ],
)
def test_the_rule_set_follows_the_year_rated(year, source):
    assert rating_rules_for_year(year).code == source


MEMBER_ROWS = [
    # (id citing the source, year, facts, grade asked, expected grade or refusal field)
    ("QĐ 124 art. 12: the rater chooses one of four grades", 2023, MemberFacts(OLD), Grade.GOOD, Grade.GOOD),
    (
        "QĐ 124 §4.3: disciplined in the year forces failed",
        2023,
        MemberFacts(OLD, disciplined=True),
        Grade.GOOD,
        "grade",
    ),
    (
        "QĐ 124 §4.3: disciplined member graded failed is accepted",
        2023,
        MemberFacts(OLD, disciplined=True),
        Grade.FAILED,
        Grade.FAILED,
    ),
    (
        "QĐ 124 §4.3: self-detected and remedied violation is not forced",
        2023,
        MemberFacts(OLD, disciplined=True, discipline_self_remedied=True),
        Grade.ADEQUATE,
        Grade.ADEQUATE,
    ),
    ("QĐ 124 §4.3: degradation forces failed", 2022, MemberFacts(OLD, violation=True), Grade.GOOD, "grade"),
    (
        "HD 21/2019: sick leave of 3 months caps at adequate",
        2021,
        MemberFacts(OLD, sick_leave_months=3),
        Grade.GOOD,
        "grade",
    ),
    (
        "HD 21/2019: sick leave of 2 months does not cap",
        2021,
        MemberFacts(OLD, sick_leave_months=2),
        Grade.GOOD,
        Grade.GOOD,
    ),
    (
        "HD 21/2019: admitted under 6 months before 31/12 is not graded",
        2023,
        MemberFacts(dt.date(2023, 8, 1)),
        Grade.GOOD,
        "grade",
    ),
    ("HD 21/2019: exempt member is not graded", 2023, MemberFacts(OLD, not_graded_reason="exempt"), "", ""),
    ("HD 21/2019: suspended member is not graded", 2024, MemberFacts(OLD, not_graded_reason="suspended"), "", ""),
    ("QĐ 124: a grade must be chosen", 2024, MemberFacts(OLD), "", "grade"),
    (
        "QĐ 366: score 95, all on time, 40% exceeding, clean → excellent",
        2025,
        MemberFacts(OLD, score=D(95), tasks_on_time_pct=D(100), tasks_exceeding_pct=D(40)),
        "",
        Grade.EXCELLENT,
    ),
    (
        "QĐ 366: score 95 but 20% exceeding → good",
        2025,
        MemberFacts(OLD, score=D(95), tasks_on_time_pct=D(100), tasks_exceeding_pct=D(20)),
        "",
        Grade.GOOD,
    ),
    (
        "QĐ 366: score 95 but not all tasks on time → good",
        2025,
        MemberFacts(OLD, score=D(95), tasks_on_time_pct=D(90), tasks_exceeding_pct=D(40)),
        "",
        Grade.GOOD,
    ),
    (
        "QĐ 366: score 70 → good (70-<90)",
        2025,
        MemberFacts(OLD, score=D(70), tasks_on_time_pct=D(90), tasks_exceeding_pct=D(0)),
        "",
        Grade.GOOD,
    ),
    (
        "QĐ 366: score 69.9 → adequate (50-<70)",
        2025,
        MemberFacts(OLD, score=D("69.9"), tasks_on_time_pct=D(90), tasks_exceeding_pct=D(0)),
        "",
        Grade.ADEQUATE,
    ),
    (
        "QĐ 366: score 49 → failed (< 50)",
        2025,
        MemberFacts(OLD, score=D(49), tasks_on_time_pct=D(90), tasks_exceeding_pct=D(0)),
        "",
        Grade.FAILED,
    ),
    (
        "QĐ 366: a listed violation → failed whatever the score",
        2025,
        MemberFacts(OLD, score=D(92), tasks_on_time_pct=D(100), tasks_exceeding_pct=D(40), violation=True),
        "",
        Grade.FAILED,
    ),
    (
        "QĐ 366: a grade other than the score's is refused",
        2025,
        MemberFacts(OLD, score=D(75), tasks_on_time_pct=D(100), tasks_exceeding_pct=D(40)),
        Grade.EXCELLENT,
        "grade",
    ),
    ("QĐ 366: the score is required", 2025, MemberFacts(OLD), "", "score"),
]


@pytest.mark.parametrize(("year", "facts", "asked", "expected"), [pytest.param(*r[1:], id=r[0]) for r in MEMBER_ROWS])
def test_member_grade_rules(year, facts, asked, expected):
    rules = rating_rules_for_year(year)
    if expected in ("grade", "score"):
        with pytest.raises(RuleRefusal) as refused:
            grade_member(rules, year, facts, asked)
        assert refused.value.field == expected
        assert refused.value.message
    else:
        assert grade_member(rules, year, facts, asked)[0] == expected


ORG_ROWS = [
    (
        "QĐ 124 §4.3: leadership disciplined forces failed",
        2023,
        OrganizationFacts(OLD, leadership_disciplined=True),
        Grade.GOOD,
        "grade",
    ),
    (
        "QĐ 124 §4.3: over 20% of units disciplined forces failed",
        2023,
        OrganizationFacts(OLD, disciplined_units_pct=D(21)),
        Grade.ADEQUATE,
        "grade",
    ),
    (
        "QĐ 124 §4.3: exactly 20% of units disciplined is allowed",
        2023,
        OrganizationFacts(OLD, disciplined_units_pct=D(20)),
        Grade.ADEQUATE,
        Grade.ADEQUATE,
    ),
    ("QĐ 124 §4.3: internal disunity forces failed", 2024, OrganizationFacts(OLD, disunity=True), Grade.GOOD, "grade"),
    (
        "QĐ 124 §4.3: under 50% of targets met forces failed",
        2024,
        OrganizationFacts(OLD, targets_met_pct=D(49)),
        Grade.GOOD,
        "grade",
    ),
    ("HD 21/2019: founded under 6 months before is not graded", 2023, OrganizationFacts(dt.date(2023, 9, 1)), "", ""),
    (
        "older guide: a cell with a failed member is not good",
        2022,
        OrganizationFacts(OLD, is_cell=True, member_grades=("good", "failed")),
        Grade.GOOD,
        "grade",
    ),
    (
        "older guide: a cell under 50% good members is not good",
        2022,
        OrganizationFacts(OLD, is_cell=True, member_grades=("good", "adequate", "adequate")),
        Grade.GOOD,
        "grade",
    ),
    (
        "older guide: a cell with 50% good and all adequate is good",
        2022,
        OrganizationFacts(OLD, is_cell=True, member_grades=("good", "adequate")),
        Grade.GOOD,
        Grade.GOOD,
    ),
    ("QĐ 366: organization score 91 → excellent", 2025, OrganizationFacts(OLD, score=D(91)), "", Grade.EXCELLENT),
    ("QĐ 366: organization score 55 → adequate", 2025, OrganizationFacts(OLD, score=D(55)), "", Grade.ADEQUATE),
]


@pytest.mark.parametrize(("year", "facts", "asked", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ORG_ROWS])
def test_organization_grade_rules(year, facts, asked, expected):
    rules = rating_rules_for_year(year)
    if expected == "grade":
        with pytest.raises(RuleRefusal):
            grade_organization(rules, year, facts, asked)
    else:
        assert grade_organization(rules, year, facts, asked)[0] == expected


@pytest.mark.parametrize(
    ("excellent", "good", "broken"),
    [
        pytest.param(18, 78, False, id="QĐ 124 cap: the examples' 18 of 96 good-or-better is within 20%"),
        pytest.param(2, 8, False, id="QĐ 124 cap: 2 of 10 is exactly 20%"),
        pytest.param(3, 8, True, id="QĐ 124 cap: 3 of 11 is over 20%"),
        pytest.param(1, 0, True, id="QĐ 124 cap: an excellent with nobody good is over"),
    ],
)
def test_the_excellent_cap(excellent, good, broken):
    assert excellent_cap_broken(rating_rules_for_year(2023), excellent=excellent, good=good) is broken


def test_the_unconfirmed_points_are_configurable(settings):
    """RULES.md §3: whether QĐ 366 keeps the cap and the cell rule is unconfirmed → settings."""
    settings.DANGVU_RATING_RULES = {"QĐ 366": {"excellent_cap_pct": None, "cell_good_needs_member_grades": False}}
    rules = rating_rules_for_year(2025)
    assert excellent_cap_broken(rules, excellent=5, good=1) is False
    facts = OrganizationFacts(OLD, score=D(80), is_cell=True, member_grades=("failed",))
    assert grade_organization(rules, 2025, facts, "")[0] == Grade.GOOD
