"""What the dues screens and books show, read in a few queries: a cell's month (the frozen lines beside what
was paid and the reasons given), a cell's year (the S01/ĐP book), the organizations of a committee for a period.

Reads only; every write is `dues.services`'."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from dangvu.dues.models import DuesLine, DuesPayment, DuesRun, UnpaidReason
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


def today() -> dt.date:
    """The dues' today: the services' own, so that the screens and the rules agree on it (and tests fix one day)."""
    from dangvu.dues import services

    return services._today()


def months_of(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months from `start`'s to `end`'s, both included."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


@dataclass
class MonthRow:
    line: DuesLine
    paid: int = 0
    paid_on: dt.date | None = None
    channels: set = field(default_factory=set)
    reason: str = ""

    @property
    def member(self):
        return self.line.member

    @property
    def due(self) -> int:
        return self.line.amount_due + self.line.voluntary_extra

    @property
    def state(self) -> str:
        if self.paid >= self.due:
            return "paid"
        if self.paid:
            return "partial"
        return "excused" if self.reason else "unpaid"


@dataclass
class MonthSheet:
    organization: Organization
    month: dt.date
    run: DuesRun | None
    rows: list[MonthRow]

    @property
    def due(self) -> int:
        return sum(r.due for r in self.rows)

    @property
    def collected(self) -> int:
        return sum(r.paid for r in self.rows)

    @property
    def paid_count(self) -> int:
        return sum(1 for r in self.rows if r.state == "paid")

    @property
    def unpaid(self) -> list[MonthRow]:
        return [r for r in self.rows if r.state != "paid"]


def month_sheet(organization, month: dt.date) -> MonthSheet:
    run = DuesRun.objects.filter(organization=organization, month=month).first()
    if run is None:
        return MonthSheet(organization, month, None, [])
    lines = list(run.lines.select_related("member").order_by("member__sort_key", "member__full_name", "member_id"))
    rows = {line.member_id: MonthRow(line) for line in lines}
    for payment in DuesPayment.objects.filter(member_id__in=rows, month=month).order_by("paid_on"):
        row = rows[payment.member_id]
        row.paid += payment.amount
        row.paid_on = payment.paid_on
        row.channels.add(payment.channel)
    for reason in UnpaidReason.objects.filter(member_id__in=rows, month=month):
        rows[reason.member_id].reason = reason.reason
    return MonthSheet(organization, month, run, list(rows.values()))


@dataclass
class YearRow:
    member: object
    due: dict  # month -> đồng
    paid: dict  # month -> đồng

    @property
    def total_due(self) -> int:
        return sum(self.due.values())

    @property
    def total_paid(self) -> int:
        return sum(self.paid.values())


def cell_year(organization, months: list[dt.date]) -> list[YearRow]:
    """Each member of the cell's runs in `months`: due and paid per month (the S01/ĐP book)."""
    rows: dict[int, YearRow] = {}
    lines = (
        DuesLine.objects.filter(run__organization=organization, month__in=months)
        .select_related("member")
        .order_by("member__sort_key", "member__full_name", "member_id")
    )
    for line in lines:
        row = rows.setdefault(line.member_id, YearRow(line.member, defaultdict(int), defaultdict(int)))
        row.due[line.month] += line.amount_due + line.voluntary_extra
    paid = (
        DuesPayment.objects.filter(organization=organization, month__in=months)
        .values("member_id", "month")
        .annotate(total=Sum("amount"))
    )
    for item in paid:
        row = rows.get(item["member_id"])
        if row is not None:
            row.paid[item["month"]] += item["total"]
    return list(rows.values())


def _sum_of(model, amount: str, month: dt.date):
    rows = model.objects.filter(organization=OuterRef("pk"), month=month).values("organization")
    return Coalesce(
        Subquery(rows.annotate(total=Sum(amount)).values("total")[:1], output_field=IntegerField()), Value(0)
    )


def cells_for_month(organizations, month: dt.date):
    """Member-holding organizations with their run of `month` (members, due) and what was collected for it."""
    runs = DuesRun.objects.filter(organization=OuterRef("pk"), month=month)
    return (
        organizations.filter(kind__in=MEMBER_HOLDING_KINDS)
        .annotate(
            run_id=Subquery(runs.values("pk")[:1]),
            run_members=Coalesce(Subquery(runs.values("members_count")[:1]), Value(0)),
            run_due=Coalesce(Subquery(runs.values("total_due")[:1]), Value(0)),
            collected=_sum_of(DuesPayment, "amount", month),
            payers=Coalesce(
                Subquery(
                    DuesPayment.objects.filter(organization=OuterRef("pk"), month=month)
                    .values("organization")
                    .annotate(n=Count("member", distinct=True))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("path")
    )


def collected_between(organization, start: dt.date, end: dt.date) -> dict:
    """Due and collected over a subtree and the months from `start` to `end` (inclusive months)."""
    months = months_of(start, end)
    in_tree = Q(run__organization__path__startswith=organization.path)
    due = DuesLine.objects.filter(in_tree, month__in=months).aggregate(
        total=Coalesce(Sum("amount_due"), Value(0)), extra=Coalesce(Sum("voluntary_extra"), Value(0))
    )
    collected = DuesPayment.objects.filter(
        organization__path__startswith=organization.path, month__in=months
    ).aggregate(total=Coalesce(Sum("amount"), Value(0)))["total"]
    members = DuesLine.objects.filter(in_tree, month=months[-1]).values("member").distinct().count() if months else 0
    return {"due": due["total"] + due["extra"], "collected": collected, "members": members}
