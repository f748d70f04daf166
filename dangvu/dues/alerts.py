"""Dashboard warning: members unpaid for three months of the year without a recorded good reason, whose cell
may start the removal proposal (xóa tên). The link opens exactly those rows (the arrears list, `removable=1`).

The dashboard of a province must stay fast: the members with three unpaid months are found by the database in
one grouped query, and only those few are checked against reasons and proposals by the rules' own functions."""

import datetime as dt
import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider
from dangvu.dues.models import DuesLine, DuesPayment, RemovalProposal

REMOVAL_MONTHS = 3
CACHE_SECONDS = 3600


def _three_months_unpaid(organization, year: int, on: dt.date) -> list[int]:
    """Members of the subtree with at least three months of `year` (ended before `on`) not fully paid by `on`."""
    paid = (
        DuesPayment.objects.filter(member_id=OuterRef("member_id"), month=OuterRef("month"), paid_on__lte=on)
        .values("member_id")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    return list(
        DuesLine.objects.filter(
            run__organization__path__startswith=organization.path,
            month__year=year,
            month__lt=on.replace(day=1),
            amount_due__gt=0,
        )
        .annotate(paid=Coalesce(Subquery(paid, output_field=IntegerField()), Value(0)))
        .filter(paid__lt=F("amount_due"))
        .values("member_id")
        .annotate(months=Count("month", distinct=True))
        .filter(months__gte=REMOVAL_MONTHS)
        .values_list("member_id", flat=True)
    )


def removable_members(*, organization, year: int, on: dt.date) -> list[int]:
    """The members of the subtree the cell may propose for removal: three unpaid months without a good reason,
    no proposal yet."""
    from dangvu.dues.services import months_with_reason, unpaid_months

    candidates = _three_months_unpaid(organization, year, on)
    if not candidates:
        return []
    unpaid = unpaid_months(member_ids=candidates, year=year, on=on)
    excused = months_with_reason(member_ids=candidates, year=year)
    proposed = set(
        RemovalProposal.objects.filter(member_id__in=candidates, year=year).values_list("member_id", flat=True)
    )
    return [
        member
        for member, months in unpaid.items()
        if member not in proposed and len([m for m in months if m not in excused.get(member, ())]) >= REMOVAL_MONTHS
    ]


def _data_version() -> tuple:
    """What changes whenever the warning's count may: new lines (a run made or re-made, also in bulk), payments,
    reasons and proposals recorded or deleted (each leaves a history row), the tree changed. Each figure reads
    the end of a primary-key index."""
    from dangvu.dues.models import DuesRun, UnpaidReason
    from dangvu.organizations.models import Organization, OrganizationEvent

    last = [
        DuesLine.objects,
        DuesRun.history,
        DuesPayment.objects,
        DuesPayment.history,
        UnpaidReason.history,
        RemovalProposal.history,
        Organization.history,
        OrganizationEvent.objects,
    ]
    return tuple(manager.aggregate(v=Max("pk"))["v"] for manager in last)


def removable_count(*, organization, year: int, on: dt.date) -> int:
    """How many members `removable_members` gives, remembered until the dues data or the tree change (or the
    day does): at province size the grouped query reads 700,000 dues lines, seconds on every dashboard."""
    key = "dues-removable:" + hashlib.sha256(repr((organization.path, year, on, _data_version())).encode()).hexdigest()
    count = cache.get(key)
    if count is None:
        count = len(removable_members(organization=organization, year=year, on=on))
        cache.set(key, count, CACHE_SECONDS)
    return count


@alert_provider
def dues_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    count = removable_count(organization=organization, year=today.year, on=today)
    query = urlencode({"year": today.year, "organization": organization.pk, "months": 3, "removable": 1})
    return [
        Alert(
            _(
                "%(count)d members have not paid dues for three months this year without a reason: "
                "their cells may propose removal"
            )
            % {"count": count},
            count,
            f"{reverse('dues:arrears')}?{query}",
            level="danger",
        )
    ]
