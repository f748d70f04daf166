"""The dues rules as dated data (RULES.md §6): the rule sets with the days they were in force, the regional
minimum wages by decree and date, the retirement ages by year, the shares kept at each level, and the
unconfirmed exemptions and reductions (settings, off by default).

A computation for a month uses the rules in force on the month's first day (`dues_rules_on`), so a closed
month never changes when a rule is added. The 2026 rule's start day is unconfirmed (01/02 or 03/02/2026):
it is the setting DANGVU_DUES_2026_START (default 2026-02-01).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.conf import settings

from dangvu.lib.dates import add_months
from dangvu.lib.rulesets import RuleSet, in_force
from dangvu.organizations.models import OrganizationKind

QD_342 = "QĐ 342-QĐ/TW (2010)"
QD_01 = "QĐ 01-QĐ/TW (2026)"
QD_01_2028 = "QĐ 01-QĐ/TW (2026), từ 01/01/2028"
STEP_2028 = dt.date(2028, 1, 1)
QD_342_START = dt.date(2011, 4, 1)


@dataclass(frozen=True)
class Shares:
    """Percent of what an organization collects that it keeps; the rest goes to the level above.

    A cell under a base committee keeps 30-50% (the province decides: DANGVU_DUES_CELL_SHARE, default 30);
    a base organization of a commune, ward or town 90%, any other base organization 70%; each higher
    level 50%. A sub-committee passes everything on (DANGVU_DUES_SUB_COMMITTEE_SHARE, default 0)."""

    cell: Decimal = Decimal(30)
    sub_committee: Decimal = Decimal(0)
    base_commune: Decimal = Decimal(90)
    base_other: Decimal = Decimal(70)
    higher: Decimal = Decimal(50)
    confirmed: bool = True

    def kept_by(self, kind: str, *, in_commune: bool = False) -> Decimal:
        if kind == OrganizationKind.CELL:
            return self.cell
        if kind == OrganizationKind.SUB_COMMITTEE:
            return self.sub_committee
        if kind in (OrganizationKind.BASE_PARTY_COMMITTEE, OrganizationKind.BASE_CELL):
            return self.base_commune if in_commune else self.base_other
        return self.higher


@dataclass(frozen=True)
class DuesRules(RuleSet):
    """One rule set. Rates are percents of the category's base; fixed amounts are đồng a month.

    `region_based` (QĐ 01): "other" members pay a percent of the regional minimum wage, below or at/above the
    retirement age. Otherwise (QĐ 342) they pay a fixed amount the province sets within 2,000-30,000 đ, half of
    it outside working age."""

    code: str = ""
    insured_rate: Decimal = Decimal("1")
    benefit_rate: Decimal = Decimal("1")
    pension_rate: Decimal = Decimal("0.5")
    student_amount: int = 0
    region_based: bool = False
    other_rate: Decimal = Decimal(0)  # below the retirement age, % of the regional minimum wage
    retired_rate: Decimal = Decimal(0)  # at or above it
    other_amount: int = 0  # QĐ 342: fixed amount for other members
    retired_share: Decimal = Decimal(50)  # QĐ 342: % of other_amount paid outside working age
    shares: Shares = field(default_factory=Shares)
    note: str = ""


def start_2026() -> dt.date:
    value = getattr(settings, "DANGVU_DUES_2026_START", dt.date(2026, 2, 1))
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def rule_sets() -> tuple[DuesRules, ...]:
    """The rule sets, oldest first (the 2026 start day, the QĐ 342 amounts and the shares are settings)."""
    amounts = getattr(settings, "DANGVU_DUES_QD342_AMOUNTS", {"student": 3000, "other": 5000})
    return _rule_sets(
        start_2026(),
        int(amounts["student"]),
        int(amounts["other"]),
        str(getattr(settings, "DANGVU_DUES_CELL_SHARE", 30)),
        str(getattr(settings, "DANGVU_DUES_SUB_COMMITTEE_SHARE", 0)),
    )


@lru_cache(maxsize=16)
def _rule_sets(start: dt.date, student: int, other: int, cell: str, sub_committee: str) -> tuple[DuesRules, ...]:
    def shares(confirmed: bool) -> Shares:
        return Shares(cell=Decimal(cell), sub_committee=Decimal(sub_committee), confirmed=confirmed)

    common_2026 = {"student_amount": 5000, "region_based": True, "shares": shares(confirmed=False)}
    return (
        DuesRules(
            source=QD_342,
            code=QD_342,
            valid_from=QD_342_START,
            valid_to=start - dt.timedelta(days=1),
            student_amount=student,
            other_amount=other,
            shares=shares(confirmed=True),
            note="Khoản đóng của đảng viên khác do tỉnh ủy quy định trong khung 2.000-30.000 đ.",
        ),
        DuesRules(
            source=QD_01,
            code=QD_01,
            valid_from=start,
            valid_to=STEP_2028 - dt.timedelta(days=1),
            other_rate=Decimal("0.3"),
            retired_rate=Decimal("0.2"),
            note="Tỷ lệ trích giữ lại: theo QĐ 342 (chưa xác nhận).",
            **common_2026,
        ),
        DuesRules(
            source=QD_01,
            code=QD_01_2028,
            valid_from=STEP_2028,
            valid_to=None,
            other_rate=Decimal("0.5"),
            retired_rate=Decimal("0.3"),
            note="Tỷ lệ trích giữ lại: theo QĐ 342 (chưa xác nhận).",
            **common_2026,
        ),
    )


def dues_rules_on(day: dt.date) -> DuesRules:
    return in_force(rule_sets(), day)


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def last_day(month: dt.date) -> dt.date:
    return add_months(month_of(month), 1) - dt.timedelta(days=1)


# ---- regional minimum wages (đồng a month, regions I-IV) --------------------------------------------


@dataclass(frozen=True)
class MinimumWages(RuleSet):
    by_region: tuple[int, int, int, int] = (0, 0, 0, 0)

    def of(self, region: int) -> int:
        return self.by_region[region - 1]


MINIMUM_WAGES = (
    MinimumWages(source="NĐ 90/2019/NĐ-CP", valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2022, 6, 30),
                 by_region=(4_420_000, 3_920_000, 3_430_000, 3_070_000)),
    MinimumWages(source="NĐ 38/2022/NĐ-CP", valid_from=dt.date(2022, 7, 1), valid_to=dt.date(2024, 6, 30),
                 by_region=(4_680_000, 4_160_000, 3_640_000, 3_250_000)),
    MinimumWages(source="NĐ 74/2024/NĐ-CP", valid_from=dt.date(2024, 7, 1), valid_to=dt.date(2025, 12, 31),
                 by_region=(4_960_000, 4_410_000, 3_860_000, 3_450_000)),
    MinimumWages(source="NĐ 293/2025/NĐ-CP", valid_from=dt.date(2026, 1, 1), valid_to=None,
                 by_region=(5_310_000, 4_730_000, 4_140_000, 3_700_000)),
)  # fmt: skip
REGIONS = (1, 2, 3, 4)


def minimum_wage_on(day: dt.date) -> MinimumWages:
    return in_force(MINIMUM_WAGES, day)


# ---- retirement ages (Labour Code 2019 art. 169, NĐ 135/2020/NĐ-CP, normal working conditions) ------------


def retirement_age_months(year: int, sex: str) -> int:
    """The retirement age, in months, of those who reach it in `year`: 60 and 55 until 2020; from 2021 men
    +3 months a year up to 62 (2028), women +4 months a year up to 60 (2035)."""
    if sex == "female":
        return 55 * 12 + min(max(year - 2020, 0) * 4, 60)
    return 60 * 12 + min(max(year - 2020, 0) * 3, 24)


@lru_cache(maxsize=65536)
def retirement_day(birth_date: dt.date, sex: str) -> dt.date:
    """The day a member born on `birth_date` reaches the retirement age (the first year whose age they reach
    within that year). Sex unknown counts as male (the later day)."""
    sex = "female" if sex == "female" else "male"
    year = birth_date.year + (55 if sex == "female" else 60)
    while True:
        day = add_months(birth_date, retirement_age_months(year, sex))
        if day.year <= year:
            return day
        year += 1


def at_retirement_age(birth_date: dt.date | None, sex: str, on: dt.date) -> bool:
    if birth_date is None or on.year - birth_date.year < 55:  # no table age is under 55: skip the table
        return False
    return retirement_day(birth_date, "female" if sex == "female" else "male") <= on


# ---- exemptions and reductions (unconfirmed: settings, off by default) -----------------------------------

EXEMPTIONS = ("fifty_years", "social_pension", "hardship")
REDUCTIONS = (30, 50, 70)
REDUCTION_MAX_MONTHS = 12


def exemptions_enabled() -> bool:
    return bool(getattr(settings, "DANGVU_DUES_EXEMPTIONS", False))


def reductions_enabled() -> bool:
    return bool(getattr(settings, "DANGVU_DUES_REDUCTIONS", False))
