"""Progress of a term's targets: yearly actuals from the indicator registry (or entered by hand), the
aggregate over the term, % of each target variant and the status in the reports' words."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from dangvu.accounts.access import organization_filter
from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry
from dangvu.indicators.registry import REGISTRY, compute, percentage
from dangvu.lib.numbers import round_half_up
from dangvu.targets.models import (
    Aggregation,
    Direction,
    ManualActual,
    Target,
    TargetVariant,
    Term,
    VariantKind,
    YearPlan,
)


def term_list(*, user: User) -> QuerySet[Term]:
    return Term.objects.filter(organization_filter(user, "organization__"), deleted_at__isnull=True).select_related(
        "organization"
    )


def term_get(*, user: User, pk: int) -> Term:
    return term_list(user=user).get(pk=pk)


def target_get(*, user: User, pk: int, deleted: bool = False) -> Target:
    """A target of a term in the user's subtree (a deleted one with `deleted`)."""
    return Target.objects.select_related("term__organization").get(
        organization_filter(user, "term__organization__"), pk=pk, deleted_at__isnull=not deleted
    )


def deleted_targets(*, user: User, term: Term) -> QuerySet[Target]:
    """The term's deleted targets, for those who keep the registry (to restore them)."""
    if not keeps_registry(user):
        return Target.objects.none()
    return term.targets.filter(deleted_at__isnull=False)


def current_term(*, user: User, organization, on: dt.date) -> Term | None:
    return (
        term_list(user=user).filter(organization=organization, start_year__lte=on.year, end_year__gte=on.year).first()
    )


@dataclass
class VariantProgress:
    kind: str
    label: str
    value: Decimal
    percent: Decimal | None
    status: str  # "exceeded", "achieved", "not_achieved" or "" when nothing is known yet

    @property
    def status_label(self) -> str:
        return STATUS_LABELS().get(self.status, "")


@dataclass
class TargetProgress:
    target: Target
    yearly: dict[int, Decimal | None]
    part_year: int | None
    total: Decimal | None
    variants: list[VariantProgress] = field(default_factory=list)
    plans: dict[int, Decimal] = field(default_factory=dict)
    manual_years: set[int] = field(default_factory=set)

    @property
    def main(self) -> VariantProgress | None:
        return self.variants[0] if self.variants else None

    @property
    def bar_percent(self) -> Decimal:
        main = self.main
        if main is None or main.percent is None:
            return Decimal(0)
        return min(main.percent, Decimal(100))


def STATUS_LABELS() -> dict[str, str]:  # noqa: N802 - a table, translated when read
    return {"exceeded": _("Exceeded"), "achieved": _("Achieved"), "not_achieved": _("Not achieved")}


def status_of(*, actual: Decimal | None, target: Decimal, direction: str) -> str:
    """The remark of the appendix tables, as a code: exceeded (Vượt), achieved (Đạt), not achieved (Chưa đạt)."""
    if actual is None:
        return ""
    if direction == Direction.AT_MOST:
        return "achieved" if actual <= target else "not_achieved"
    if actual > target:
        return "exceeded"
    return "achieved" if actual == target else "not_achieved"


def aggregate(values: list[Decimal], aggregation: str) -> Decimal | None:
    if not values:
        return None
    if aggregation == Aggregation.SUM:
        return sum(values, Decimal(0))
    if aggregation == Aggregation.AVERAGE:
        return round_half_up(sum(values, Decimal(0)) / len(values), 2)
    return values[-1]


def term_progress(*, term: Term, today: dt.date) -> list[TargetProgress]:
    """Every target of the term with its yearly actuals; one registry computation per year of the term."""
    targets = list(
        term.targets.filter(deleted_at__isnull=True).prefetch_related(
            Prefetch("variants", queryset=TargetVariant.objects.order_by("kind")),
            Prefetch("year_plans", queryset=YearPlan.objects.all()),
            Prefetch("manual_actuals", queryset=ManualActual.objects.all()),
        )
    )
    codes = sorted({t.indicator_code for t in targets if t.indicator_code in REGISTRY})
    computed: dict[int, dict[str, Decimal]] = {}
    part_year = None
    for year in term.years:
        start = dt.date(year, 1, 1)
        if start > today:
            break
        end = min(dt.date(year, 12, 31), today)
        if end < dt.date(year, 12, 31):
            part_year = year
        if codes:
            computed[year] = compute(organization=term.organization, start=start, end=end, codes=codes)
    order = [VariantKind.RESOLUTION, VariantKind.PROVINCE, VariantKind.STRETCH]
    labels = dict(VariantKind.choices)
    rows = []
    for target in targets:
        manual = {m.year: m.value for m in target.manual_actuals.all()}
        yearly: dict[int, Decimal | None] = {}
        for year in term.years:
            if year > today.year:  # figures stop at the period's end, whatever was entered for later years
                yearly[year] = None
            elif year in manual:
                yearly[year] = manual[year]
            elif year in computed and target.indicator_code in computed[year]:
                yearly[year] = Decimal(computed[year][target.indicator_code])
            else:
                yearly[year] = None
        total = aggregate([v for v in yearly.values() if v is not None], target.aggregation)
        variants = sorted(target.variants.all(), key=lambda v: order.index(v.kind))
        progress = TargetProgress(
            target=target,
            yearly=yearly,
            part_year=part_year,
            total=total,
            plans={p.year: p.value for p in target.year_plans.all()},
            manual_years=set(manual),
        )
        for variant in variants:
            pct = percentage(total, variant.value) if total is not None and variant.value else None
            progress.variants.append(
                VariantProgress(
                    kind=variant.kind,
                    label=str(labels[variant.kind]),
                    value=variant.value,
                    percent=pct,
                    status=status_of(actual=total, target=variant.value, direction=target.direction),
                )
            )
        rows.append(progress)
    return rows
