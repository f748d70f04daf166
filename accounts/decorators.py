"""View guards. Object-level checks live in accounts.access; these only gate by role."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts.models import SCOPED_ROLES


def _guard(test):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Anyone who works on a subtree of the tree (not a plain member account).
tree_user_required = _guard(lambda user: user.role in SCOPED_ROLES and user.organization_id is not None)
# Roles that may change registry records.
editor_required = _guard(lambda user: user.can_edit_registry)
# Any logged-in account, members included (object access is checked by the selectors).
login_required = _guard(lambda user: True)
committee_staff_required = _guard(lambda user: user.role == "committee_staff" and user.organization_id is not None)


def _security_officer(user) -> bool:
    from accounts.selectors import can_read_access_log

    return can_read_access_log(user)


# The committee's security officer: reads the access log of sensitive personal data.
security_officer_required = _guard(_security_officer)
