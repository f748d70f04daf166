"""The one registry of indicators. Screens, targets, reports, exports and the API all call it.

An indicator is a named, documented function of (organization subtree, period) computed
with database aggregates. Each app declares its indicators in `<app>/indicators.py`;
`compute()` evaluates any set of them for one subtree and one period. Indicators of one
computation share a `Computation`, so a grouped query that several indicators need (events
counted by kind, say) runs once: the number of queries for the full set does not grow with
the number of organizations.

Most indicators are one figure of such a query. An app writes the query once, as a function of the
computation decorated `@shared_query` (usually over `Computation.records`: the rows of a model dated in the
period in the subtree), and declares each figure with `figure()`; a share of two indicators with `rate()`;
anything else with the `@indicator` decorator.
"""

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import wraps

from django.db.models import Count, Model, Q, QuerySet, Value
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from dangvu.lib.numbers import round_half_up
from dangvu.organizations.models import Organization


class Group:
    POLITICAL_EDUCATION = "political_education"
    ORGANIZATION = "organization"
    INSPECTION = "inspection"
    MASS_MOBILISATION = "mass_mobilisation"


GROUP_LABELS = {
    Group.POLITICAL_EDUCATION: "Công tác chính trị, tư tưởng",
    Group.ORGANIZATION: "Công tác tổ chức xây dựng Đảng",
    Group.INSPECTION: "Công tác kiểm tra, giám sát và kỷ luật đảng",
    Group.MASS_MOBILISATION: "Công tác dân vận và lãnh đạo đoàn thể",
}


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str | Promise
    unit: str | Promise
    group: str
    func: Callable[["Computation"], int | Decimal]
    as_of_end: bool  # a stock counted on the last day (True) or a flow counted over the period (False)
    numerator: str | None = None
    denominator: str | None = None
    example: str = ""

    @property
    def doc(self) -> str:
        return " ".join((self.func.__doc__ or "").split())

    @property
    def is_rate(self) -> bool:
        return self.numerator is not None


REGISTRY: dict[str, Indicator] = {}


def indicator(*, code: str, label, unit, group: str, as_of_end: bool = False, example: str = ""):
    """Register a function of a Computation as an indicator."""

    def register(func):
        if code in REGISTRY:
            raise ValueError(f"indicator {code} registered twice")
        REGISTRY[code] = Indicator(code, label, unit, group, func, as_of_end, example=example)
        return func

    return register


def rate(*, code: str, label, numerator: str, denominator: str, group: str, example: str = ""):
    """Register numerator / denominator × 100, rounded half-up to 2 decimals (0 when the denominator is 0)."""

    def compute_rate(c: "Computation") -> Decimal:
        return percentage(c.value(numerator), c.value(denominator))

    compute_rate.__doc__ = f"{numerator} / {denominator} × 100, rounded half-up to two decimals."
    REGISTRY[code] = Indicator(code, label, "%", group, compute_rate, False, numerator, denominator, example)
    return REGISTRY[code]


def shared_query(build: Callable[["Computation"], dict]) -> Callable[["Computation"], dict]:
    """Make `build(c)`, a query whose result several indicators read, run once per computation."""

    @wraps(build)
    def figures(c: "Computation") -> dict:
        return c.shared(build, lambda: build(c))

    return figures


def figure(
    source: Callable[["Computation"], dict],
    key: str | tuple,
    *,
    code: str,
    label,
    unit,
    group: str,
    doc: str,
    as_of_end: bool = False,
    example: str = "",
) -> Indicator:
    """Register as indicator `code` the figure `key` of `source(c)` (a shared query); `doc` defines it.

    `key` is a name of the result, or a path of names into grouped rows ({group: {name: value}}), where a
    group without rows counts 0."""

    def value(c: "Computation") -> int | Decimal:
        figures = source(c)
        if not isinstance(key, tuple):
            return figures[key]
        for name in key:
            figures = (figures or {}).get(name)
        return figures or 0

    value.__doc__ = doc
    indicator(code=code, label=label, unit=unit, group=group, as_of_end=as_of_end, example=example)(value)
    return REGISTRY[code]


def count_rows(condition: Q | None = None) -> Count:
    """COUNT(1), optionally FILTER (WHERE condition): counts rows without reading a column, so that a count
    over a covering index stays in the index (COUNT("id") made SQLite read each row's id, twice as slow)."""
    return Count(Value(1), filter=condition)


def percentage(numerator: int | Decimal, denominator: int | Decimal) -> Decimal:
    if not denominator:
        return Decimal("0.00")
    return round_half_up(Decimal(numerator) * 100 / Decimal(denominator), 2)


@dataclass
class Computation:
    """One evaluation: a subtree, a period, and the shared intermediate results."""

    organization: Organization  # the whole tree is its top committee (see compute)
    start: dt.date
    end: dt.date
    wanted: frozenset[str] = frozenset()  # the codes asked for, with what they are computed from; empty: all
    whole_tree: bool = False  # the organization is the top of the only tree: its subtree is every organization
    _values: dict[str, int | Decimal] = field(default_factory=dict)
    _shared: dict[Hashable, object] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.organization.path if self.organization else ""

    def in_subtree(self, prefix: str = "organization__") -> Q:
        """Rows whose organization (reached through `prefix`) lies in the subtree. For the whole tree only
        "has an organization": at country size the join to the organizations that the path test needs costs
        about half a second a query. It is written `id > 0` rather than `IS NOT NULL` because SQLite then
        reads the covering indexes that lead with the organization (the stocks: 17 ms instead of 46 at
        province size)."""
        if self.whole_tree:
            return Q(**{f"{prefix}id__gt": 0})
        return Q(**{f"{prefix}path__startswith": self.path})

    def records(self, model: type[Model], dated: str, **conditions) -> QuerySet:
        """Rows of `model` meeting `conditions`, whose date field `dated` falls in the period and whose
        organization lies in the subtree."""
        period = {f"{dated}__gte": self.start, f"{dated}__lte": self.end}
        return model.objects.filter(**period, **conditions).filter(self.in_subtree())

    def organizations_at_end(self) -> QuerySet:
        """The organizations of the subtree, its top included, alive on the last day: not deleted, founded by then
        and not yet ended."""
        alive = Organization.objects.filter(deleted_at__isnull=True, founded_on__lte=self.end).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=self.end)
        )
        return alive.filter(path__startswith=self.path) if self.path else alive

    def value(self, code: str) -> int | Decimal:
        if code not in self._values:
            self._values[code] = REGISTRY[code].func(self)
        return self._values[code]

    def wants(self, prefix: str) -> bool:
        """Whether an indicator whose code starts with `prefix` was asked for: a shared query may then count
        its figures too, at no extra query."""
        return not self.wanted or any(code.startswith(prefix) for code in self.wanted)

    def shared(self, key: Hashable, build: Callable[[], object]):
        """A result several indicators use (e.g. events grouped by kind), built once per computation."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]


def compute(
    *, organization: Organization | None, start: dt.date, end: dt.date, codes: Iterable[str] | None = None
) -> dict[str, int | Decimal]:
    """Values of the indicators `codes` (all when None) for the subtree of `organization` (the whole tree when None)."""
    if start > end:
        raise ValueError("start after end")
    if organization is None:
        # The whole tree is the subtree of its top committee: every indicator then filters the same way.
        organization = Organization.objects.filter(depth=1, deleted_at__isnull=True).order_by("path").first()
    whole_tree = organization is not None and organization.depth == 1 and _only_root(organization)
    wanted = list(codes) if codes is not None else sorted(REGISTRY)
    unknown = [c for c in wanted if c not in REGISTRY]
    if unknown:
        raise KeyError(", ".join(unknown))
    computation = Computation(
        organization, start, end, _with_inputs(wanted) if codes is not None else frozenset(), whole_tree
    )
    return {code: computation.value(code) for code in wanted}


def _only_root(root: Organization) -> bool:
    """Whether no other tree (not even a deleted one) shares the database with `root`'s."""
    return not Organization.objects.filter(depth=1).exclude(pk=root.pk).exists()


def _with_inputs(codes: Iterable[str]) -> frozenset[str]:
    """The codes and, for rates, the codes of their numerators and denominators (recursively)."""
    found, pending = set(), list(codes)
    while pending:
        code = pending.pop()
        if code in found:
            continue
        found.add(code)
        ind = REGISTRY[code]
        pending.extend(c for c in (ind.numerator, ind.denominator) if c)
    return frozenset(found)


def autodiscover() -> None:
    autodiscover_modules("indicators")
