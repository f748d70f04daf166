"""Months of activity per member and year: "members who ... in the period" as one row per member.

An indicator such as "members who studied a resolution in the period" asks, for every member counted in a
subtree, whether at least one dated row (an attendance, an inspection) falls in the period. Counted over the
rows themselves that reads tens of millions of rows at country size. An activity table keeps instead, per
member and year, a bit per month in which the member had such a row (`months`, bit 0 = January): a period
made of whole months is then answered from one row per member and year, and the rows themselves are read
only for a period that starts or ends inside a month.

A table is a model with the fields `member`, `year` and `months` (see `ActivityYear`), rebuilt from its
source rows by `rebuild()`, which the services call for the members and years a change touches.
"""

import calendar
import datetime as dt
from collections.abc import Iterable

from django.db import connection, models
from django.db.models import Case, F, Q, Sum, Value, When
from django.db.models.functions import ExtractYear
from django.db.models.lookups import GreaterThan

MONTH_BIT = {month: 1 << (month - 1) for month in range(1, 13)}


class ActivityYear(models.Model):
    """Base of an activity table: the months of `year` in which `member` had a row of the source."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    months = models.PositiveIntegerField()  # bit m-1 set: a row in month m

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


def active_in(masks: dict[int, int]) -> Q:
    """Rows of an activity table with at least one month among `masks` ({year: bits})."""
    condition = Q()
    for year, bits in masks.items():
        condition |= Q(year=year) & Q(GreaterThan(F("months").bitand(Value(bits)), 0))
    return condition


def rebuild(
    table: type[ActivityYear],
    source: models.QuerySet,
    *,
    member: str,
    day: str,
    member_ids: Iterable[int] | None = None,
    years: Iterable[int] | None = None,
) -> None:
    """Rewrite the rows of `table` for `member_ids` and `years` (all when None) from the `source` rows that
    count (e.g. the attendances of sessions not deleted): `member` and `day` name their member and date.

    One DELETE and one INSERT ... SELECT: the months are summed in the database (the SUM of the distinct
    bits of a member's months is their bitwise OR), so a full rebuild never brings rows into Python.
    """
    rows = table.objects.all()
    if member_ids is not None:
        member_ids = list(member_ids)
        if not member_ids:
            return
        rows = rows.filter(member_id__in=member_ids)
        source = source.filter(**{f"{member}__in": member_ids})
    if years is not None:
        years = sorted(set(years))
        if not years:
            return
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
    sql, params = grouped.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(table._meta.get_field(f).column) for f in ("member", "year", "months"))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(table._meta.db_table)} ({columns}) {sql}", params)
