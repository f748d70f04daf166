"""The one place that decides what a user may see and change: access follows the tree."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from accounts.models import Role, User


def scope_root_path(user: User) -> str | None:
    """Materialised path of the organization the user is in charge of, or None for no tree access."""
    if not user.is_authenticated or user.role not in (Role.COMMITTEE_STAFF, Role.INSPECTION_STAFF, Role.SECRETARY):
        return None
    if user.organization_id is None:
        return None
    return user.organization.path


def organization_filter(user: User, prefix: str = "") -> Q:
    """A Q on Organization (or on a relation to it, via `prefix`, e.g. "organization__")."""
    path = scope_root_path(user)
    if path is None:
        return Q(pk__in=[])
    return Q(**{f"{prefix}path__startswith": path})


def can_see_organization(user: User, organization) -> bool:
    path = scope_root_path(user)
    return path is not None and organization.path.startswith(path)


def ensure_can_edit_organization(user: User, organization) -> None:
    """Raise PermissionDenied unless the user may change records of `organization`."""
    if not (user.is_authenticated and user.can_edit_registry and can_see_organization(user, organization)):
        raise PermissionDenied


def limit_to_scope(queryset: QuerySet, user: User, prefix: str) -> QuerySet:
    return queryset.filter(organization_filter(user, prefix))
