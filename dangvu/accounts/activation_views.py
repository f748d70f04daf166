"""Screens of the members' accounts: the office's list, the cell secretary's page, the printed sheet of codes,
and the member's activation page."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts import activation
from dangvu.accounts.decorators import cell_secretary_required, login_required, tree_user_required
from dangvu.accounts.forms import ActivationForm, MemberAccountFilterForm
from dangvu.accounts.member_accounts import AccountFilters, State, cell_counts, member_accounts, state_of
from dangvu.accounts.policy import in_scope, keeps_cell, keeps_registry, secretary_cell, works_on_tree
from dangvu.lib.screens import Export, ExportColumn, render_list
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization

REFUSED = gettext_lazy(
    "The activation code, the card number or the national ID number is not right, or the code is no longer "
    "valid. Check what you typed, or ask your cell secretary for a new code."
)


def _state_label(today):
    return lambda row: str(State.labels[state_of(row, today)])


def _export(today) -> Export:
    return Export(
        title=gettext_lazy("Member accounts"),
        columns=(
            ExportColumn("full_name", gettext_lazy("Full name"), width=28),
            ExportColumn("card_number", gettext_lazy("Party card number"), width=12),
            ExportColumn("cell", gettext_lazy("Cell"), value=lambda r: r.last_organization.name, width=30),
            ExportColumn("state", gettext_lazy("Account"), value=_state_label(today), width=20),
            ExportColumn(
                "expires",
                gettext_lazy("Code valid until"),
                value=lambda r: f"{r.code_expires_on:%d/%m/%Y}" if r.code_expires_on else "",
                width=14,
            ),
        ),
    )


def _with_states(rows, today):
    for row in rows:
        row.state = state_of(row, today)
        row.state_label = State.labels[row.state]
    return rows


@tree_user_required
def member_accounts_list(request):
    today = timezone.localdate()
    form = MemberAccountFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    cell = filters.organization if filters.organization and filters.organization.kind in MEMBER_HOLDING_KINDS else None
    return render_list(
        request,
        rows=member_accounts(user=request.user, filters=filters, today=today),
        template="accounts/member_accounts.html",
        results_template="accounts/member_accounts_results.html",
        form=form,
        export=_export(today),
        on_page=lambda page: _with_states(page.object_list, today),
        context={
            "issue_cell": cell if cell is not None and keeps_cell(request.user, cell) else None,
            "can_issue": keeps_registry(request.user),
            "counts": cell_counts(cell, today) if cell is not None else None,
        },
    )


@cell_secretary_required
def cell_accounts(request):
    today = timezone.localdate()
    cell = secretary_cell(request.user)
    rows = _with_states(list(member_accounts(user=request.user, filters=AccountFilters(), today=today)), today)
    return render(
        request,
        "accounts/portal/cell_accounts.html",
        {"cell": cell, "rows": rows, "counts": cell_counts(cell, today)},
    )


def _cell_to_keep(user, pk) -> Organization:
    cell = get_object_or_404(Organization, pk=pk, kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True)
    if not keeps_cell(user, cell):
        if works_on_tree(user) and not in_scope(user, cell):
            raise Http404
        raise PermissionDenied
    return cell


@require_POST
@login_required
def issue_codes(request, pk):
    """Issue codes for the cell (or the members picked) and answer with the sheet to print: the one time the
    codes can be read."""
    cell = _cell_to_keep(request.user, pk)
    picked = [int(v) for v in request.POST.getlist("member") if v.isdigit()] or None
    today = timezone.localdate()
    issued = activation.issue_activation_codes(cell=cell, by=request.user, members=picked, today=today)
    response = render(
        request,
        "accounts/code_sheet.html",
        {
            "cell": cell,
            "issued": issued,
            "expires_on": activation.expiry(today),
            "address": request.build_absolute_uri(reverse("accounts:activate")),
            "back": reverse("accounts:cell_accounts")
            if secretary_cell(request.user)
            else f"{reverse('accounts:member_accounts')}?organization={cell.pk}",
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def _welcome(account) -> str:
    card = account.member.card_number if account.member else None
    if card:
        return _("Your account is active. Next time, log in with your party card number %(card)s or your phone.") % {
            "card": card
        }
    return _("Your account is active. Next time, log in with the username %(username)s or your phone.") % {
        "username": account.username
    }


def activate(request):
    """The member's page: code + card number or national ID + a new password → the account, signed in."""
    form = ActivationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ip = get_client_ip_address(request) or "-"
        code, identifier = request.POST.get("code", ""), request.POST.get("identifier", "")
        if activation.is_locked(ip_address=ip, code=code, identifier=identifier):
            form.add_error(
                None,
                _("Too many wrong attempts. Wait %(minutes)d minutes, then try again.")
                % {"minutes": activation.lock_minutes()},
            )
            status = 429
        elif form.is_valid():
            try:
                row = activation.find_code(code=code, identifier=identifier)
            except activation.ActivationRefused:
                activation.record_failure(ip_address=ip, code=code, identifier=identifier)
                form.add_error(None, REFUSED)
            else:
                try:
                    activation.check_password(form.cleaned_data["password1"], row.member)
                    account = activation.activate(code=row, password=form.cleaned_data["password1"])
                except ValidationError as errors:
                    form.add_error("password1", errors)
                except activation.ActivationRefused:
                    form.add_error(None, REFUSED)
                else:
                    login(request, account, backend="django.contrib.auth.backends.ModelBackend")
                    messages.success(request, _welcome(account))
                    return redirect("portal:home")
    response = render(request, "accounts/portal/activate.html", {"form": form}, status=status)
    response["Cache-Control"] = "no-store"
    return response
