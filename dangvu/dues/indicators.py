"""Dues indicators: what the runs made due, what was paid for those months, the members in arrears, and the
shares kept inside the subtree and remitted out of it (`dues.shares`).

A month belongs to the period when its first day does. For every subtree dues.collected = dues.kept +
dues.remitted (what its organizations keep + what its top remits to the level above), and due, collected,
kept and members in arrears of a subtree are the sums of its parts."""

from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dangvu.dues.models import DuesLine, DuesPayment, DuesRun
from dangvu.dues.shares import subtree_flows
from dangvu.indicators.registry import Computation, Group, figure, indicator, rate, shared_query

G = Group.ORGANIZATION


def _months(c: Computation) -> dict:
    return {"month__gte": c.start, "month__lte": c.end}


@shared_query
def _money(c: Computation) -> dict:
    due = DuesRun.objects.filter(c.in_subtree(), **_months(c)).aggregate(v=Sum("total_due"))["v"] or 0
    collected = DuesPayment.objects.filter(c.in_subtree(), **_months(c)).aggregate(v=Sum("amount"))["v"] or 0
    return {"due": due, "collected": collected}


@shared_query
def _flows(c: Computation) -> dict:
    flows = subtree_flows(organization=None if c.whole_tree else c.organization, start=c.start, end=c.end)
    return {"kept": flows.kept, "remitted": flows.remitted}


figure(
    _money,
    "due",
    code="dues.due",
    label=_("Dues due"),
    unit=_("đồng"),
    group=G,
    doc="Dues due by the monthly runs (frozen lines) of the months of the period, in the subtree's cells.",
)
figure(
    _money,
    "collected",
    code="dues.collected",
    label=_("Dues collected"),
    unit=_("đồng"),
    group=G,
    doc="Payments for the months of the period by members of the subtree's cells (late ones included; "
    "voluntary extras included).",
)
rate(
    code="dues.collected_pct",
    label=_("Dues collected (%)"),
    numerator="dues.collected",
    denominator="dues.due",
    group=G,
)
figure(
    _flows,
    "kept",
    code="dues.kept",
    label=_("Dues kept"),
    unit=_("đồng"),
    group=G,
    doc="The shares of the period's payments kept by the organizations of the subtree, each by the rule of the "
    "month (QĐ 342's shares, also the default of the 2026 rule).",
)
figure(
    _flows,
    "remitted",
    code="dues.remitted",
    label=_("Dues remitted"),
    unit=_("đồng"),
    group=G,
    doc="What the subtree's top remitted to the level above out of the period's payments "
    "(dues.collected = dues.kept + dues.remitted).",
)


@indicator(code="dues.members_in_arrears", label=_("Members in arrears"), unit=_("members"), group=G, as_of_end=True)
def members_in_arrears(c: Computation) -> int:
    """Members of the subtree's cells with a month of the period whose dues were not fully paid by its last day."""
    paid = (
        DuesPayment.objects.filter(member_id=OuterRef("member_id"), month=OuterRef("month"), paid_on__lte=c.end)
        .values("member_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    # Through the subtree's runs: SQLite then reads the lines by their run, not every line of the months.
    runs = DuesRun.objects.filter(c.in_subtree(), **_months(c)).values("pk")
    lines = DuesLine.objects.filter(run_id__in=runs, amount_due__gt=0)
    unpaid = lines.annotate(paid=Coalesce(Subquery(paid), Value(0))).filter(paid__lt=F("amount_due"))
    return unpaid.values("member_id").distinct().count()
