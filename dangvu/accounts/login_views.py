"""Screens around logging in: changing one's password, and the committee staff's list of login lockouts."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import committee_staff_required, login_required
from dangvu.accounts.lockouts import lockout_lift, lockout_list
from dangvu.lib.screens import render_list

# Django's own view: the form applies AUTH_PASSWORD_VALIDATORS and keeps this session signed in
# (update_session_auth_hash) while other sessions of the account end; api.signals drops its tokens.
password_change = login_required(
    auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done"))
)
password_change_done = login_required(auth_views.PasswordChangeDoneView.as_view())


@committee_staff_required
def lockouts(request):
    return render_list(
        request,
        rows=lockout_list(request.user, request),
        template="accounts/lockouts.html",
        results_template="accounts/lockouts_results.html",
    )


@require_POST
@committee_staff_required
def lockout_unlock(request):
    lifted = lockout_lift(
        by=request.user,
        username=request.POST.get("username") or None,
        ip_address=request.POST.get("ip_address", ""),
    )
    if lifted:
        messages.success(request, _("The lock was lifted."))
    else:
        messages.warning(request, _("This lock is no longer in force, or it is not yours to lift."))
    return redirect("accounts:lockouts")
