from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme

from dangvu.accounts.policy import is_member_account


@login_required
def home(request):
    if is_member_account(request.user):
        if request.user.member_id:
            return redirect("portal:home")
        return render(request, "no_access.html", status=403)
    return redirect("dashboard:home")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def _back_url(request) -> str:
    """The page the user came from, when it is on this site (never an outside address)."""
    referer = request.META.get("HTTP_REFERER", "")
    if (
        referer
        and referer != request.build_absolute_uri()
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return referer
    return ""


def permission_denied(request, exception=None):
    # Our guards and policy raise PermissionDenied(reason) with a sentence for the user; Django's own carry none.
    reason = exception.args[0] if exception is not None and exception.args else ""
    context = {"reason": reason if isinstance(reason, Promise | str) else "", "back_url": _back_url(request)}
    return render(request, "errors/403.html", context, status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", {"path": request.path, "back_url": _back_url(request)}, status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
