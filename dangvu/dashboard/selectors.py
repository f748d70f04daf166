"""What the dashboard shows: headline figures, trends per year and targets, all from the indicator registry."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from dangvu.indicators.cache import data_version, remembered_compute
from dangvu.indicators.registry import REGISTRY

HEADLINE = [
    "members.total",
    "members.probationary",
    "members.admitted",
    "members.made_full",
    "members.transferred_in",
    "members.transferred_out",
    "organizations.base_total",
    "organizations.cells_total",
]
# (key, title, indicator codes, chart type); a chart is shown when its indicators are registered.
CHARTS = [
    ("members", _("Party members at the end of each year"), ["members.total", "members.probationary"], "line"),
    ("admissions", _("Admissions and full memberships per year"), ["members.admitted", "members.made_full"], "bar"),
    ("transfers", _("Transfers per year"), ["members.transferred_in", "members.transferred_out"], "bar"),
    (
        "grades",
        _("Member quality grades (%)"),
        [
            "ratings.members.excellent_pct",
            "ratings.members.good_pct",
            "ratings.members.adequate_pct",
            "ratings.members.failed_pct",
        ],
        "bar",
    ),
    ("attendance", _("Cell meeting attendance (%)"), ["meetings.attendance_pct"], "line"),
    ("inspection", _("Members inspected or supervised (%)"), ["inspection.members_pct"], "line"),
]
TREND_YEARS = 8


@dataclass
class Chart:
    key: str
    title: str
    kind: str
    labels: list[str]
    series: list[dict]


def headline(*, organization, today: dt.date) -> list[tuple]:
    values = remembered_compute(
        organization=organization,
        start=dt.date(today.year, 1, 1),
        end=today,
        codes=[c for c in HEADLINE if c in REGISTRY],
        version=data_version(),
    )
    return [(REGISTRY[code], value) for code, value in values.items()]


def trends(*, organization, today: dt.date) -> list[Chart]:
    """The charts of the last TREND_YEARS years. A year without figures is a gap (None), not 0: a year before
    the organization was founded or after it ended, a year in which no member of its subtree was recorded, and
    for a share, a year in which nothing was counted for its denominator (no rating season, no meeting)."""
    charts = [(k, t, [c for c in codes if c in REGISTRY], kind) for k, t, codes, kind in CHARTS]
    charts = [c for c in charts if c[2]]
    codes = sorted({code for _k, _t, cs, _kind in charts for code in cs})
    asked = sorted({*codes, *(REGISTRY[c].denominator for c in codes if REGISTRY[c].is_rate), *_STOCK})
    years = list(range(today.year - TREND_YEARS + 1, today.year + 1))
    version = data_version()
    per_year = {
        year: remembered_compute(
            organization=organization,
            start=dt.date(year, 1, 1),
            end=_year_end(year, today),
            codes=asked,
            version=version,
        )
        for year in years
        if _existed(organization, year, today)
    }
    labels = [str(y) if y < today.year else f"{y}*" for y in years]
    return [
        Chart(
            key,
            str(title),
            kind,
            labels,
            [{"label": str(REGISTRY[c].label), "data": [_point(per_year.get(y), c) for y in years]} for c in cs],
        )
        for key, title, cs, kind in charts
    ]


# The stock that tells whether anything was recorded for a year: no member in the subtree at its end, no figures.
_STOCK = [code for code in ("members.total",) if code in REGISTRY]


def _year_end(year: int, today: dt.date) -> dt.date:
    return min(dt.date(year, 12, 31), today)


def _existed(organization, year: int, today: dt.date) -> bool:
    founded, ended = getattr(organization, "founded_on", None), getattr(organization, "ended_on", None)
    return not (founded and founded > _year_end(year, today)) and not (ended and ended < dt.date(year, 1, 1))


def _point(values: dict | None, code: str) -> float | None:
    """A chart's value for a year, or None (a gap) when the year has no figures for it."""
    if values is None or any(not values[stock] for stock in _STOCK):
        return None
    denominator = REGISTRY[code].denominator
    if denominator and not values[denominator]:
        return None
    return float(values[code])
