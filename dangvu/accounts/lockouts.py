"""Login lockouts (django-axes): the answer a locked-out caller gets, and the committee staff's view of them.

Axes records failed logins as AccessAttempt rows (username, address, browser). A username on an
address is locked when its failures since the cool-off threshold reach the limit, and so is an
address as a whole when the lockout parameters include it. Committee staff see the locks that
concern accounts of their subtree; the staff of the top committee also see every address lock
(those stop everyone behind the address) and the locks of usernames that match no account.
"""

from dataclasses import dataclass

from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from axes.utils import reset
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.access import scope_root_path
from dangvu.accounts.models import User
from dangvu.accounts.policy import may_lift_address_lockouts, may_lift_lockouts


def lockout_message(minutes: int | None) -> str:
    if minutes:
        return _(
            "Too many failed logins: this account is locked on this computer for %(minutes)d minutes. "
            "Try again later or ask the committee staff to unlock it."
        ) % {"minutes": minutes}
    return _("Too many failed logins: this account is locked. Ask the committee staff to unlock it.")


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429 with a Vietnamese message, JSON for the API, a page for people."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    message = lockout_message(minutes)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "registration/locked_out.html", {"message": message}, status=429)


@dataclass(frozen=True)
class Lockout:
    username: str | None  # None: the whole address is locked
    ip_address: str
    failures: int
    last_attempt: object
    account: User | None


def _locked(rows, limit: int, key):
    return [row for row in rows if row["failures"] >= limit and key(row)]


def lockout_list(user: User, request: HttpRequest | None = None) -> list[Lockout]:
    """The locks in force that `user` (committee staff) may see and lift, newest first."""
    path = scope_root_path(user)
    if not may_lift_lockouts(user):
        return []
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off(request))
    limit = get_failure_limit(request, None)
    per_account = recent.values("username", "ip_address").annotate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    accounts = {
        u.username: u
        for u in User.objects.filter(
            username__in=[row["username"] for row in per_account if row["failures"] >= limit]
        ).select_related("organization")
    }
    top = may_lift_address_lockouts(user)

    def visible(row):
        account = accounts.get(row["username"])
        if account is None or account.organization_id is None:
            return top
        return account.organization.path.startswith(path)

    locks = [
        Lockout(row["username"], row["ip_address"], row["failures"], row["last"], accounts.get(row["username"]))
        for row in _locked(per_account, limit, visible)
    ]
    if top and "ip_address" in get_lockout_parameters(request):
        per_address = recent.values("ip_address").annotate(
            failures=Sum("failures_since_start"), last=Max("attempt_time")
        )
        locks += [
            Lockout(None, row["ip_address"], row["failures"], row["last"], None)
            for row in _locked(per_address, limit, lambda row: True)
        ]
    return sorted(locks, key=lambda lock: lock.last_attempt, reverse=True)


def lockout_lift(*, by: User, username: str | None, ip_address: str) -> int:
    """Forget the failures behind one lock the user may see; returns how many attempt rows went
    (0 when no such lock is in force within the user's sight)."""
    allowed = {(lock.username, lock.ip_address) for lock in lockout_list(by)}
    if (username or None, ip_address) not in allowed:
        return 0
    if username:
        return reset(ip=ip_address, username=username)
    return reset(ip=ip_address)
