"""The dues phone pages (390 px, light): the cell's month for its treasurer or secretary (one tap records a
member's payment of what is due, in cash, today), and a member's own dues (what is owed, what is paid, how it
was computed)."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts import policy
from dangvu.accounts.decorators import portal_account_required
from dangvu.dues import forms, sheets
from dangvu.dues.models import Channel
from dangvu.dues.views import dues_keeper_required, kept_organization, month_of, month_url
from dangvu.lib.numbers import format_int


@dues_keeper_required
def my_cells(request):
    """The cells whose dues the account keeps: straight to the one, or a short list."""
    if policy.works_on_tree(request.user):
        return redirect("dues:home")
    cells = list(policy.dues_cells(request.user).order_by("path"))
    if len(cells) == 1:
        return redirect("dues:cell_pay", pk=cells[0].pk, year=forms.this_month().year, month=forms.this_month().month)
    return render(request, "dues/portal/cells.html", {"cells": cells, "month": forms.this_month()})


def _phone_context(request, organization, month):
    sheet = sheets.month_sheet(organization, month)
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return {
        "organization": organization,
        "month": month,
        "sheet": sheet,
        "previous_url": month_url(organization, previous, "dues:cell_pay"),
        "next_url": month_url(organization, following, "dues:cell_pay") if following <= forms.this_month() else "",
        "here": month_url(organization, month, "dues:cell_pay"),
    }


@dues_keeper_required
def cell_pay(request, pk: int, year: int, month: int):
    organization = kept_organization(request.user, pk)
    if not organization.holds_members:
        raise Http404
    return render(request, "dues/portal/cell.html", _phone_context(request, organization, month_of(year, month)))


@require_POST
@dues_keeper_required
def cell_mark(request, pk: int, year: int, month: int, member: int):
    """One tap: the member paid what the month's line says is due, in cash, today."""
    organization = kept_organization(request.user, pk)
    the_month = month_of(year, month)
    sheet = sheets.month_sheet(organization, the_month)
    row = next((r for r in sheet.rows if r.line.member_id == member), None)
    if row is None:
        raise Http404
    error = None
    if row.state != "paid":
        from dangvu.dues import services

        try:
            services.record_payment(
                member=row.member,
                month=the_month,
                amount=row.due - row.paid,
                paid_on=sheets.today(),
                channel=Channel.CASH,
                user=request.user,
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
    if getattr(request, "htmx", False):
        sheet = sheets.month_sheet(organization, the_month)
        row = next(r for r in sheet.rows if r.line.member_id == member)
        context = {**_phone_context(request, organization, the_month), "row": row, "error": error, "oob": True}
        return render(request, "dues/portal/_row.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("%(name)s paid %(amount)s đồng.") % {"name": row.member.full_name, "amount": format_int(row.due)},
        )
    return redirect(month_url(organization, the_month, "dues:cell_pay"))


@portal_account_required
def mine(request):
    """The member's own dues of a year: per month what is owed and how it was computed, what was paid and when."""
    member = policy.portal_member(request.user)
    if member is None:
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = sheets.today().year
    if not 2000 <= year <= sheets.today().year + 1:
        year = sheets.today().year
    from dangvu.dues import selectors

    months = selectors.member_dues(member=member, year=year)
    context = {
        "member": member,
        "year": year,
        "months": months,
        "previous_url": f"{reverse('dues:mine')}?year={year - 1}",
        "next_url": f"{reverse('dues:mine')}?year={year + 1}" if year < sheets.today().year else "",
        "keeps": policy.dues_cells(request.user).exists(),
    }
    return render(request, "dues/portal/mine.html", context)
