from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dangvu.accounts.policy import is_member_account


@login_required
def home(request):
    if is_member_account(request.user):
        if request.user.member_id:
            return redirect("portal:home")
        return render(request, "no_access.html", status=403)
    return redirect("organizations:tree")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
