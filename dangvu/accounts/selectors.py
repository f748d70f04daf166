"""Reads of the accounts app: the access log of sensitive personal data, limited to the reader's subtree."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dangvu.accounts.access import organization_filter, scope_root_path
from dangvu.accounts.models import SensitiveDataAccess, User
from dangvu.lib.vntext import fold

LOG_PERMISSION = "accounts.view_sensitivedataaccess"


def can_read_access_log(user) -> bool:
    """The committee's security officer: a tree role with the permission (the "security_officers" group)."""
    return bool(user.is_authenticated and user.is_scoped and user.has_perm(LOG_PERMISSION))


@dataclass
class AccessLogFilters:
    user: User | None = None
    purpose: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    member: str = ""  # a name, card or ID number, as the member list searches


def log_users(*, user: User) -> QuerySet[User]:
    """Accounts whose accesses the reader may filter by: those working in the reader's subtree, members' included."""
    path = scope_root_path(user)
    if path is None:
        return User.objects.none()
    return User.objects.filter(
        Q(organization__path__startswith=path) | Q(member__last_organization__path__startswith=path)
    ).order_by("username")


def access_log(*, user: User, filters: AccessLogFilters) -> QuerySet[SensitiveDataAccess]:
    """Rows of the log about the reader's subtree (the organization concerned); newest first."""
    if not can_read_access_log(user):
        return SensitiveDataAccess.objects.none()
    scope = organization_filter(user, "organization__")
    if user.organization.is_root():
        scope |= Q(organization__isnull=True)  # command-line exports of the whole registry
    qs = SensitiveDataAccess.objects.filter(scope)
    if filters.user is not None:
        qs = qs.filter(user=filters.user)
    if filters.purpose:
        qs = qs.filter(purpose=filters.purpose)
    if filters.start:
        qs = qs.filter(at__date__gte=filters.start)
    if filters.end:
        qs = qs.filter(at__date__lte=filters.end)
    for token in fold(filters.member).split():
        qs = qs.filter(member__search_text__contains=token)
    return qs.select_related("user", "member", "candidate", "organization").order_by("-at", "-pk")
