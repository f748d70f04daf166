"""Months of activity per member and year: "members who ... in the period" without reading every row.

Indicators such as "members who studied a resolution in the period" count, among the members of a subtree
on the period's last day, those with at least one dated row (an attendance, an inspection) in the period.
Counted over the rows themselves, and joined to the members of the last day, that reads tens of millions of
rows at country size. An activity table keeps instead, per member and year:

- `months`: a bit per month in which the member had such a row (bit 0 = January);
- `organization` and `counted_months`: a bit per month at whose last day the member was counted in that
  organization (one row per organization the member was counted in at a month's end that year; one row
  with no organization when the member was counted at no month's end that year).

A period of whole months within one year (every report's period) is then one count over the rows of that
year, with no join: rows counted at the period's last day, in the subtree, with an active month in the
period. A period within one year that cuts a month (a year to date) adds a second, small count for the
members the cut concerns (see `count_active_members`). A period of whole months over several years joins the
members of the last day to the active rows; any other period is counted from the source rows. `rebuild()`
rewrites a table for the members a change touches; the services call it when the source rows change and
when a member's spells are rewritten (`members.signals.spells_rewritten`).
"""

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import models, transaction
from django.db.models import Case, F, Max, Min, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear
from django.db.models.lookups import GreaterThan

from dangvu.lib import bulk
from dangvu.members.models import spell_open_until

MONTH_BIT = {month: 1 << (month - 1) for month in range(1, 13)}
CHUNK = 20_000  # members per round trip of a rebuild


class ActivityYear(models.Model):
    """Base of an activity table (see the module's docstring)."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    months = models.PositiveIntegerField()  # bit m-1: active in month m
    organization = models.ForeignKey(
        "organizations.Organization", null=True, on_delete=models.CASCADE, related_name="+"
    )
    counted_months = models.PositiveIntegerField(default=0)  # bit m-1: counted in `organization` at m's end

    class Meta:
        abstract = True


def whole_months(start: dt.date, end: dt.date) -> dict[int, int] | None:
    """{year: the bits of the period's months in that year} when the period runs from the first day of a month
    to the last day of a month, else None."""
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1] or start > end:
        return None
    masks: dict[int, int] = {}
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        masks[year] = masks.get(year, 0) | MONTH_BIT[month]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return masks


def _any_bit(field: str, bits: int) -> Q:
    return Q(GreaterThan(F(field).bitand(Value(bits)), 0))


def active_in(masks: dict[int, int]) -> Q:
    """Rows of an activity table with at least one active month among `masks` ({year: bits})."""
    condition = Q()
    for year, bits in masks.items():
        condition |= Q(year=year) & _any_bit("months", bits)
    return condition


def count_active_members(
    table: type[ActivityYear],
    *,
    start: dt.date,
    end: dt.date,
    subtree: Q,
    counted_at_end: QuerySet,
    rows_between: Callable[[dt.date, dt.date], QuerySet],
) -> int:
    """Members counted in the subtree on `end` who were active in [start, end].

    `subtree`: the condition on `organization__` that delimits the subtree; `counted_at_end`: the spells
    open on `end` in the subtree; `rows_between(a, b)`: the source rows dated in [a, b], with a `member_id`.

    Within one year, the period is widened to whole months and counted over the table (one query). When it
    cuts a month (a year to date, say), the members whose answer the widening could change are looked up
    first: those with rows in the days added, or whose spells change between `end` and its month's end (for
    a year to date, usually none). The others are counted over the table, these few over their rows."""
    first = start.replace(day=1)
    last = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    masks = whole_months(first, last)
    if masks is None or (len(masks) > 1 and (first, last) != (start, end)):
        return _count_over_rows(counted_at_end, rows_between(start, end))
    if len(masks) > 1:
        return counted_at_end.filter(member_id__in=table.objects.filter(active_in(masks)).values("member_id")).count()
    kept = table.objects.filter(subtree, year=end.year).filter(
        _any_bit("counted_months", MONTH_BIT[end.month]), _any_bit("months", masks[end.year])
    )
    if (first, last) == (start, end):
        # One spell is open on a day: one row of the year has the last month's bit for each member counted.
        return kept.count()
    changed = _members_the_widening_may_change(counted_at_end.model, rows_between, start, end, first, last)
    if changed is None:
        return _count_over_rows(counted_at_end, rows_between(start, end))
    if not changed:
        return kept.count()
    exact = _count_over_rows(counted_at_end, rows_between(start, end).filter(member_id__in=changed))
    return kept.exclude(member_id__in=changed).count() + exact


MAX_CHANGED = 2_000  # beyond this many members set apart, counting over the rows is as fast


def _count_over_rows(counted_at_end: QuerySet, rows: QuerySet) -> int:
    return counted_at_end.filter(member_id__in=rows.values("member_id")).count()


def _members_the_widening_may_change(spells, rows_between, start, end, first, last) -> list[int] | None:
    """The members with rows in [first, start) or (end, last], or with a spell that starts or ends in
    (end, last]; None when there are more than `MAX_CHANGED`. One query."""
    parts = []
    if start > first:
        parts.append(rows_between(first, start - dt.timedelta(days=1)))
    if end < last:
        parts.append(rows_between(end + dt.timedelta(days=1), last))
        # The end written as an open-ended range, so that both tests read an index.
        ending = spells.objects.alias(open_until=spell_open_until()).filter(open_until__gt=end, open_until__lte=last)
        parts.extend([spells.objects.filter(start__gt=end, start__lte=last), ending])
    ids = [qs.order_by().values_list("member_id") for qs in parts]
    found = ids[0].union(*ids[1:])[: MAX_CHANGED + 1]
    changed = sorted(member_id for (member_id,) in found)
    return None if len(changed) > MAX_CHANGED else changed


def _counted_bits(start: dt.date, end: dt.date | None, year: int) -> int:
    """The months of `year` at whose last day a spell [start, end) is open."""
    first = start.year * 12 + start.month - 1  # month ends from the start's month on are ≥ start
    stop = end.year * 12 + end.month - 1 if end else 10**6  # month ends before the end's month are < end
    low, high = max(first, year * 12), min(stop, year * 12 + 12)
    return (1 << (high - year * 12)) - (1 << (low - year * 12)) if high > low else 0


def rows_for(member_id: int, months_by_year: dict[int, int], spells) -> list[tuple]:
    """(member, year, months, organization, counted_months) rows of one member from their active months
    per year and their spells (organization, start, end)."""
    rows = []
    for year, months in sorted(months_by_year.items()):
        counted: dict[int, int] = defaultdict(int)
        for organization_id, start, end in spells:
            bits = _counted_bits(start, end, year)
            if bits:
                counted[organization_id] |= bits
        for organization_id, bits in sorted(counted.items()) or [(None, 0)]:
            rows.append((member_id, year, months, organization_id, bits))
    return rows


def rebuild(
    table: type[ActivityYear],
    source: QuerySet,
    spells: QuerySet,
    *,
    member: str,
    day: str,
    member_ids: Iterable[int] | None = None,
    years: Iterable[int] | None = None,
) -> int:
    """Rewrite the rows of `table` for `member_ids` and `years` (all when None) from the `source` rows that
    count (e.g. the attendances of sessions not deleted; `member` and `day` name their member and date) and
    the `spells` (membership spells: member_id, organization_id, start, end). Returns the rows written.

    The active months are summed in the database (the SUM of the distinct bits of a member's months is their
    bitwise OR); the counted months come from the member's spells. Members are handled `CHUNK` at a time.
    """
    rows = table.objects.all()
    if member_ids is not None:
        member_ids = sorted(set(member_ids))
        if not member_ids:
            return 0
        rows = rows.filter(member_id__in=member_ids)
        _lock_members(table, member_ids)
    if years is not None:
        years = sorted(set(years))
        if not years:
            return 0
        rows = rows.filter(year__in=years)
        source = source.filter(**{f"{day}__year__in": years})
    rows.delete()
    bit = Case(*(When(**{f"{day}__month": m}, then=Value(b)) for m, b in MONTH_BIT.items()))
    grouped = (
        source.annotate(_member=F(member), _year=ExtractYear(day))
        .values("_member", "_year")
        .annotate(_months=Sum(bit, distinct=True))
        .values_list("_member", "_year", "_months")
        .order_by()
    )
    written = 0
    for chunk in _member_chunks(source, member, member_ids):
        active: dict[int, dict[int, int]] = defaultdict(dict)
        for member_id, year, months in grouped.filter(chunk(member)):
            active[member_id][int(year)] = months
        if not active:
            continue
        spells_of: dict[int, list] = defaultdict(list)
        for member_id, *spell in spells.filter(member_id__in=list(active)).values_list(
            "member_id", "organization_id", "start", "end"
        ):
            spells_of[member_id].append(spell)
        new = [
            table(member_id=m, year=y, months=months, organization_id=o, counted_months=c)
            for member_id in sorted(active)
            for m, y, months, o, c in rows_for(member_id, active[member_id], spells_of[member_id])
        ]
        bulk.create(table, new)
        written += len(new)
    return written


def _lock_members(table: type[ActivityYear], member_ids: list[int]) -> None:
    """Lock the members whose rows are rewritten, in id order (as every writer of several members does), so
    that two rebuilds of one member (an inspection and a transfer, say) run one after the other and the second
    reads what the first committed. Outside a transaction (a management command's full rebuild) nothing is
    locked."""
    if not transaction.get_connection().in_atomic_block:
        return
    members = table._meta.get_field("member").related_model._base_manager
    list(members.select_for_update().filter(pk__in=member_ids).order_by("pk").values_list("pk", flat=True))


def _member_chunks(source: QuerySet, member: str, member_ids: list[int] | None):
    """Conditions (as functions of the member path) selecting `CHUNK` members at a time."""
    if member_ids is not None:
        for i in range(0, len(member_ids), CHUNK):
            part = member_ids[i : i + CHUNK]
            yield lambda path, part=part: Q(**{f"{path}__in": part})
        return
    bounds = source.aggregate(low=Min(member), high=Max(member))
    if bounds["low"] is None:
        return
    for low in range(bounds["low"], bounds["high"] + 1, CHUNK):
        yield lambda path, low=low: Q(**{f"{path}__gte": low, f"{path}__lt": low + CHUNK})
