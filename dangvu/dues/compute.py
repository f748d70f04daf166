"""What one member owes for one month, by the rules in force that month (`rules.dues_rules_on`).

`quote` is the one computation: the monthly run, the member's page and `dues_quote` all call it, and its
explanation is frozen on the run's line."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from dangvu.dues import rules
from dangvu.dues.models import Category
from dangvu.lib.errors import refuse
from dangvu.lib.numbers import format_int, round_half_up

BASED = (Category.INSURED, Category.BENEFIT, Category.PENSIONER)
CATEGORIES = frozenset(Category.values)
MAX_BASE = 10_000_000_000  # ten billion đồng a month: anything above is a typing error


@dataclass(frozen=True)
class Quote:
    amount: int  # đồng for the month
    rule: str  # the rule set's code, e.g. "QĐ 01-QĐ/TW (2026)"
    rate: Decimal | None  # percent of `base`, None for a fixed amount
    base: int | None  # what the rate applies to (salary base, benefit, pension, regional minimum wage)
    explanation: str
    category: str = ""
    region: int | None = None

    def as_dict(self) -> dict:
        return {
            "amount": self.amount,
            "rule": self.rule,
            "rate": str(self.rate) if self.rate is not None else None,
            "base": self.base,
            "category": self.category,
            "region": self.region,
            "explanation": self.explanation,
        }


def percent_of(base: int, rate: Decimal) -> int:
    return int(round_half_up(Decimal(base) * rate / 100, 0))


def _money(amount: int) -> str:
    return f"{format_int(amount)} đ"


def quote(
    *,
    on: dt.date,
    category: str,
    base: int | None = None,
    region: int | None = None,
    birth_date: dt.date | None = None,
    sex: str = "",
    exemption: str = "",
    reduction: int = 0,
) -> Quote:
    """The dues of one month for a member of `category` on day `on` (the rules in force that day).

    `base` is what the category needs (salary base, benefit, pension; for a member abroad, the monthly amount
    the committee abroad set: rates abroad are unconfirmed). `region` (1-4) and `birth_date` (with `sex`: the
    retirement age) matter for "other" members. `exemption` and `reduction` (30/50/70 %) apply only when the
    settings DANGVU_DUES_EXEMPTIONS / DANGVU_DUES_REDUCTIONS turn them on."""
    if category not in CATEGORIES:
        raise refuse(
            "category",
            _("Unknown dues category %(value)s (one of: %(choices)s).")
            % {"value": category, "choices": ", ".join(Category.values)},
        )
    if base is not None and not 0 <= base <= MAX_BASE:
        raise refuse("base", _("The base amount must be a whole number of đồng between 0 and 10 billion."))
    if region is not None and region not in rules.REGIONS:
        raise refuse("region", _("The minimum-wage region must be 1, 2, 3 or 4."))
    if birth_date is not None and birth_date > on:
        raise refuse("birth_date", _("The date of birth comes after the day of the quote."))
    rule = rules.dues_rules_on(on)
    result = _by_category(rule, on=on, category=category, base=base, region=region, birth_date=birth_date, sex=sex)
    return _relieved(result, exemption=exemption, reduction=reduction)


def _by_category(rule, *, on, category, base, region, birth_date, sex) -> Quote:
    def fixed(amount: int, how: str) -> Quote:
        return Quote(amount, rule.code, None, None, how, category, region)

    if category in BASED or category == Category.ABROAD:
        if base is None:
            raise refuse("base", _("This category needs the base amount (salary base, benefit or pension)."))
    if category == Category.INSURED:
        how = _("%(rate)s%% of the previous month's social-insurance salary base of %(base)s")
        return _rated(rule, category, base, rule.insured_rate, how, region)
    if category == Category.BENEFIT:
        how = _("%(rate)s%% of the sick or maternity benefit of %(base)s")
        return _rated(rule, category, base, rule.benefit_rate, how, region)
    if category == Category.PENSIONER:
        return _rated(rule, category, base, rule.pension_rate, _("%(rate)s%% of the pension of %(base)s"), region)
    if category == Category.ABROAD:
        return fixed(base, _("amount set for members abroad (rates abroad unconfirmed): %(amount)s") % {
            "amount": _money(base)
        })  # fmt: skip
    if category == Category.STUDENT:
        return fixed(rule.student_amount, _("fixed amount for pupils and students: %(amount)s") % {
            "amount": _money(rule.student_amount)
        })  # fmt: skip
    retired = rules.at_retirement_age(birth_date, sex, on)
    if not rule.region_based:
        if retired:
            amount = percent_of(rule.other_amount, rule.retired_share)
            return fixed(amount, _("half of the amount for other members, outside working age: %(amount)s") % {
                "amount": _money(amount)
            })  # fmt: skip
        return fixed(rule.other_amount, _("amount for other members: %(amount)s") % {
            "amount": _money(rule.other_amount)
        })  # fmt: skip
    if region is None:
        raise refuse("region", _("Other members pay by the minimum-wage region: give the region (1-4)."))
    wages = rules.minimum_wage_on(on)
    wage = wages.of(region)
    rate = rule.retired_rate if retired else rule.other_rate
    if retired:
        how = _("%(rate)s%% of the region %(region)s minimum wage of %(base)s (%(decree)s), at or above retirement age")
    else:
        how = _("%(rate)s%% of the region %(region)s minimum wage of %(base)s (%(decree)s), below retirement age")
    text = how % {"rate": _rate(rate), "region": region, "base": _money(wage), "decree": wages.source}
    return Quote(percent_of(wage, rate), rule.code, rate, wage, text, category, region)


def _rate(rate: Decimal) -> str:
    return f"{rate.normalize():f}".replace(".", ",")


def _rated(rule, category, base, rate, how, region) -> Quote:
    text = how % {"rate": _rate(rate), "base": _money(base)}
    return Quote(percent_of(base, rate), rule.code, rate, base, text, category, region)


def _relieved(result: Quote, *, exemption: str, reduction: int) -> Quote:
    if exemption and rules.exemptions_enabled():
        if exemption not in rules.EXEMPTIONS:
            raise refuse("exemption", _("Unknown exemption."))
        text = _("exempted (%(reason)s); would be: %(how)s") % {"reason": exemption, "how": result.explanation}
        return Quote(0, result.rule, result.rate, result.base, text, result.category, result.region)
    if reduction and rules.reductions_enabled():
        if reduction not in rules.REDUCTIONS:
            raise refuse("reduction", _("A reduction is 30, 50 or 70%."))
        amount = result.amount - percent_of(result.amount, Decimal(reduction))
        text = _("reduced by %(share)s%%: %(how)s") % {"share": reduction, "how": result.explanation}
        return Quote(amount, result.rule, result.rate, result.base, text, result.category, result.region)
    return result
