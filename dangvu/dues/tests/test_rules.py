"""The dues of one month by the rule in force, table-driven per rule version, with the edges: the day the 2026
rule starts (a setting), the 2028 step, the retirement age, the regional minimum wages by decree."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.dues import rules
from dangvu.dues.compute import quote

D = dt.date
YOUNG = D(1990, 5, 1)
OLD = D(1950, 5, 1)

QD_342_CASES = [
    # on, category, base, region, birth, amount
    (D(2025, 6, 1), "insured", 8_000_000, None, YOUNG, 80_000),
    (D(2025, 6, 1), "benefit", 5_000_000, None, YOUNG, 50_000),
    (D(2025, 6, 1), "pensioner", 6_000_000, None, OLD, 30_000),
    (D(2025, 6, 1), "student", None, None, D(2004, 1, 1), 3_000),
    (D(2025, 6, 1), "other", None, 1, YOUNG, 5_000),
    (D(2025, 6, 1), "other", None, None, OLD, 2_500),
    (D(2026, 1, 31), "other", None, 1, YOUNG, 5_000),  # the day before the 2026 rule
    (D(2011, 4, 1), "insured", 3_333_350, None, YOUNG, 33_334),  # half a đồng rounds up
]
QD_01_CASES = [
    (D(2026, 2, 1), "other", None, 1, YOUNG, 15_930),  # 0.3% of 5,310,000 (NĐ 293/2025)
    (D(2026, 2, 1), "other", None, 4, YOUNG, 11_100),  # 0.3% of 3,700,000
    (D(2026, 2, 1), "other", None, 1, OLD, 10_620),  # 0.2% at or above retirement age
    (D(2026, 2, 1), "student", None, None, D(2005, 1, 1), 5_000),
    (D(2026, 2, 1), "insured", 8_000_000, None, YOUNG, 80_000),
    (D(2026, 2, 1), "benefit", 4_500_000, None, YOUNG, 45_000),
    (D(2026, 2, 1), "pensioner", 6_000_000, None, OLD, 30_000),
    (D(2027, 12, 31), "other", None, 2, YOUNG, 14_190),  # the last day before the step
]
QD_01_2028_CASES = [
    (D(2028, 1, 1), "other", None, 2, YOUNG, 23_650),  # 0.5% of 4,730,000
    (D(2028, 1, 1), "other", None, 1, OLD, 15_930),  # 0.3% at or above retirement age
    (D(2028, 1, 1), "student", None, None, D(2008, 1, 1), 5_000),
    (D(2030, 7, 1), "insured", 12_345_678, None, YOUNG, 123_457),
]


@pytest.mark.parametrize(
    ("rule", "case"),
    [(rules.QD_342, c) for c in QD_342_CASES]
    + [(rules.QD_01, c) for c in QD_01_CASES]
    + [(rules.QD_01_2028, c) for c in QD_01_2028_CASES],
)
def test_the_amount_of_a_month_follows_the_rule_in_force_that_day(rule, case):
    on, category, base, region, birth, amount = case
    result = quote(on=on, category=category, base=base, region=region, birth_date=birth)
    assert (result.amount, result.rule) == (amount, rule)
    assert result.explanation


@pytest.mark.parametrize(
    ("start", "day", "rule"),
    [
        ("2026-02-01", D(2026, 1, 31), rules.QD_342),
        ("2026-02-01", D(2026, 2, 1), rules.QD_01),
        ("2026-02-03", D(2026, 2, 2), rules.QD_342),
        ("2026-02-03", D(2026, 2, 3), rules.QD_01),
    ],
)
def test_the_2026_rule_starts_on_the_day_the_setting_names(settings, start, day, rule):
    settings.DANGVU_DUES_2026_START = start
    assert quote(on=day, category="other", region=1, birth_date=YOUNG).rule == rule


@pytest.mark.parametrize(
    ("birth", "sex", "retires_on"),
    [
        (D(1960, 5, 1), "male", D(2020, 5, 1)),  # 60 before 2021
        (D(1966, 3, 15), "male", D(2027, 12, 15)),  # 61 years 9 months in 2027
        (D(1968, 1, 1), "male", D(2030, 1, 1)),  # 62 from 2028
        (D(1965, 2, 1), "female", D(2020, 2, 1)),  # 55 before 2021
        (D(1970, 1, 10), "female", D(2027, 5, 10)),  # 57 years 4 months in 2027
        (D(1980, 6, 1), "female", D(2040, 6, 1)),  # 60 from 2035
        (D(1966, 3, 15), "", D(2027, 12, 15)),  # sex unknown: the men's age
    ],
)
def test_the_retirement_day_follows_the_table_of_ages_by_year(birth, sex, retires_on):
    assert rules.retirement_day(birth, sex) == retires_on


@pytest.mark.parametrize(("day", "amount"), [(D(2027, 12, 14), 14_190), (D(2027, 12, 15), 9_460)])
def test_an_other_member_pays_the_lower_rate_from_the_day_of_the_retirement_age(day, amount):
    assert quote(on=day, category="other", region=2, birth_date=D(1966, 3, 15), sex="male").amount == amount


@pytest.mark.parametrize(
    ("day", "decree", "region_1"),
    [
        (D(2024, 6, 30), "NĐ 38/2022/NĐ-CP", 4_680_000),
        (D(2024, 7, 1), "NĐ 74/2024/NĐ-CP", 4_960_000),
        (D(2026, 1, 1), "NĐ 293/2025/NĐ-CP", 5_310_000),
    ],
)
def test_the_regional_minimum_wage_is_the_decree_in_force_that_day(day, decree, region_1):
    wages = rules.minimum_wage_on(day)
    assert (wages.source, wages.of(1)) == (decree, region_1)


def test_the_2026_rule_keeps_the_qd_342_shares_marked_unconfirmed():
    old, new = rules.dues_rules_on(D(2025, 1, 1)), rules.dues_rules_on(D(2026, 6, 1))
    assert new.shares.kept_by("cell") == old.shares.kept_by("cell")
    assert (old.shares.confirmed, new.shares.confirmed) == (True, False)


def test_exemptions_and_reductions_are_off_unless_the_settings_turn_them_on(settings):
    args = {"on": D(2026, 6, 1), "category": "insured", "base": 8_000_000}
    assert quote(**args, exemption="hardship").amount == 80_000
    assert quote(**args, reduction=50).amount == 80_000
    settings.DANGVU_DUES_EXEMPTIONS = True
    settings.DANGVU_DUES_REDUCTIONS = True
    assert quote(**args, exemption="hardship").amount == 0
    assert quote(**args, reduction=30).amount == 56_000


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"category": "unknown"}, "category"),
        ({"category": "insured"}, "base"),
        ({"category": "other", "region": 5}, "region"),
        ({"category": "other"}, "region"),  # 2026: other members pay by region
        ({"category": "insured", "base": -1}, "base"),
        ({"category": "other", "region": 1, "birth_date": D(2030, 1, 1)}, "birth_date"),
    ],
)
def test_a_quote_refuses_what_it_cannot_compute_naming_the_field(args, field):
    with pytest.raises(ValidationError) as refused:
        quote(on=D(2026, 6, 1), **args)
    assert field in refused.value.message_dict
