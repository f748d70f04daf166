"""View guards by kind of account; which records a user may see or change is `accounts.policy`'s."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from dangvu.accounts import policy


def _guard(test, reason):
    """A view guard: the user passes `test` or gets a 403 page that says `reason` (a sentence for the user)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied(reason)
            return view(request, *args, **kwargs)

        wrapper.access_guard = test.__name__
        return wrapper

    return decorator


# Anyone who works on a subtree of the tree (not a plain member account).
tree_user_required = _guard(
    policy.works_on_tree,
    _("This page is for the committee offices and the base organizations; a member account uses the member handbook."),
)
# Roles that may change registry records.
editor_required = _guard(policy.keeps_registry, _("Your account may read these records but not change them."))
# Any logged-in account, members included (object access is checked by the selectors).
login_required = _guard(lambda user: True, "")
committee_staff_required = _guard(
    policy.is_committee_staff, _("This page is for the staff of a committee office (the organization department).")
)


def _portal_account(user) -> bool:
    return policy.portal_member(user) is not None


def _cell_secretary(user) -> bool:
    return policy.secretary_cell(user) is not None


# The member portal: an account tied to a member record (a member or a cell secretary).
portal_account_required = _guard(
    _portal_account, _("The member handbook is for members whose account is tied to their member record.")
)
# The cell's pages of the portal: a cell secretary (which cell is `policy.secretary_cell`).
cell_secretary_required = _guard(_cell_secretary, _("This page is for the secretary of a cell."))


def _security_officer(user) -> bool:
    from dangvu.accounts.selectors import can_read_access_log

    return can_read_access_log(user)


# The committee's security officer: reads the access log of sensitive personal data.
security_officer_required = _guard(
    _security_officer, _("Only the committee's security officer reads the access log of personal data.")
)
