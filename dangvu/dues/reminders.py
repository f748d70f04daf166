"""What the dues can trigger: a member unpaid for three months of a year without a good reason (the cell is
warned and may start the removal proposal). Asked on the first day of each month, about the months before it."""

import datetime as dt

from django.db.models import Count, Exists, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.dues.models import DuesLine, DuesPayment, RemovalProposal, UnpaidReason
from dangvu.dues.services import REMOVAL_MONTHS
from dangvu.notifications.triggers import Audience, Occurrence, trigger

CHUNK = 2000


def _year_of(anchor_day: dt.date) -> int:
    return (anchor_day - dt.timedelta(days=1)).year


def unpaid_counts(*, year: int, on: dt.date, member_id: int | None = None):
    """(member, cell, months unpaid without a good reason) of `year`, months ended before `on`, payments by `on`,
    for members with no removal proposal of the year and at least REMOVAL_MONTHS such months."""
    paid = (
        DuesPayment.objects.filter(member_id=OuterRef("member_id"), month=OuterRef("month"), paid_on__lte=on)
        .values("member_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    excused = UnpaidReason.objects.filter(member_id=OuterRef("member_id"), month=OuterRef("month"))
    proposed = RemovalProposal.objects.filter(member_id=OuterRef("member_id"), year=year)
    lines = DuesLine.objects.filter(month__year=year, month__lt=on.replace(day=1), amount_due__gt=0)
    if member_id is not None:
        lines = lines.filter(member_id=member_id)
    unpaid = (
        lines.annotate(paid=Coalesce(Subquery(paid), Value(0)))
        .filter(paid__lt=F("amount_due"))
        .exclude(Exists(excused))
        .exclude(Exists(proposed))
    )
    return (
        unpaid.values("member_id")
        .annotate(months=Count("month", distinct=True), cell=F("member__organization_id"), name=F("member__full_name"))
        .filter(months__gte=REMOVAL_MONTHS)
        .values_list("member_id", "name", "cell", "months")
    )


def _still_due(key: str) -> bool:
    # "dues:arrears:7:2026": still three unpaid months without reason, and no proposal yet.
    _app, _what, member_id, year = key.split(":")
    on = timezone.localdate()
    return unpaid_counts(year=int(year), on=on, member_id=int(member_id)).exists()


def _url() -> str:
    try:
        return reverse("dues:arrears")
    except NoReverseMatch:  # the screens come with the dues screens' branch
        return ""


@trigger(
    "dues.arrears",
    _("Dues unpaid for three months"),
    audiences=(Audience.CELL_SECRETARY, Audience.COMMITTEE, Audience.MEMBER),
    still_due=_still_due,
)
def arrears_three_months(anchor_day: dt.date):
    """On the first day of a month: members unpaid for three months of the year (the year of the month just
    ended) without a recorded good reason and not yet proposed for removal."""
    if anchor_day.day != 1:
        return
    year = _year_of(anchor_day)
    url = _url()
    for member_id, name, cell_id, months in unpaid_counts(year=year, on=anchor_day).iterator(chunk_size=CHUNK):
        yield Occurrence(
            key=f"dues:arrears:{member_id}:{year}",
            on=anchor_day,
            title=_("%(name)s has not paid dues for %(months)s months of %(year)s")
            % {"name": name, "months": months, "year": year},
            organization_id=cell_id,
            member_id=member_id,
            body=_("Without a good reason, the cell considers proposing the removal of the member (xóa tên)."),
            url=url,
        )
