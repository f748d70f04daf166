"""The portal's dues cards: a member's own dues, and the cell's month for its treasurer or secretary."""

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.accounts import policy
from dangvu.dues import forms, sheets
from dangvu.dues.models import DuesLine, DuesPayment
from dangvu.lib.numbers import format_int
from dangvu.portal.cards import Card, card_provider


def own_year(member, year: int) -> dict:
    """Due and paid this year so far, and the months of the year owed but not (fully) paid before this one."""
    this_month = forms.this_month()
    lines = DuesLine.objects.filter(member=member, month__year=year, month__lte=this_month)
    due_by_month = {}
    for month, due, extra in lines.values_list("month", "amount_due", "voluntary_extra"):
        due_by_month[month] = due_by_month.get(month, 0) + due + extra
    paid_by_month = dict(
        DuesPayment.objects.filter(member=member, month__year=year)
        .values("month")
        .annotate(total=Sum("amount"))
        .values_list("month", "total")
    )
    owed = [m for m, due in due_by_month.items() if m < this_month and paid_by_month.get(m, 0) < due]
    return {
        "due": sum(due_by_month.values()),
        "paid": sum(paid_by_month.values()),
        "owed_months": sorted(owed),
        "this_month_due": due_by_month.get(this_month),
        "this_month_paid": paid_by_month.get(this_month, 0),
    }


@card_provider
def my_dues(user) -> list[Card]:
    member = policy.portal_member(user)
    if member is None:
        return []
    year = forms.this_month().year
    summary = own_year(member, year)
    lines = []
    if summary["this_month_due"] is not None:
        lines.append(
            _("This month: %(due)s đồng due, %(paid)s paid")
            % {"due": format_int(summary["this_month_due"]), "paid": format_int(summary["this_month_paid"])}
        )
    lines.append(
        _("%(year)s: %(paid)s of %(due)s đồng paid")
        % {"year": year, "paid": format_int(summary["paid"]), "due": format_int(summary["due"])}
    )
    owed = summary["owed_months"]
    return [
        Card(
            title=_("My party dues"),
            url=reverse("dues:mine"),
            lines=tuple(lines),
            badge=_("%(count)s months unpaid") % {"count": len(owed)} if owed else "",
            tone="warn" if owed else "",
            order=25,
        )
    ]


@card_provider
def cell_dues(user) -> list[Card]:
    """For the cell's secretary or treasurer: how many members paid this month (one query)."""
    if policy.portal_member(user) is None:
        return []
    month = forms.this_month()
    cards = []
    for cell in sheets.cells_for_month(policy.dues_cells(user), month)[:3]:
        if cell.run_id is None:
            lines = (_("The dues of %(month)s are not made yet.") % {"month": f"{month:%m/%Y}"},)
        else:
            lines = (
                _("%(paid)s of %(total)s members paid %(month)s")
                % {"paid": cell.payers, "total": cell.run_members, "month": f"{month:%m/%Y}"},
            )
        cards.append(
            Card(
                title=_("Dues of %(cell)s") % {"cell": cell.short_name or cell.name},
                url=reverse("dues:cell_pay", kwargs={"pk": cell.pk, "year": month.year, "month": month.month}),
                lines=lines,
                tone="done" if cell.run_id and cell.payers >= cell.run_members else "warn",
                order=35,
                for_secretary=True,
            )
        )
    return cards
