"""The main menu, assembled from the `nav_items` each app declares on its AppConfig.

An item is (URL name, label, roles that see it or a test `user -> bool`, order). Apps add their own screens to the
menu without touching the base template. The few screens used every day stay in the top bar;
the other work-record screens are gathered on the "Công tác" page so the bar fits a laptop
screen and a phone.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

# The apps' nav items name these; the roles are defined once, in accounts.roles.
from dangvu.accounts.roles import EDITOR_ROLES  # noqa: F401
from dangvu.accounts.roles import SCOPED_ROLES as TREE_ROLES  # noqa: F401

TOP_BAR = ("dashboard:home", "organizations:tree", "members:list", "targets:terms", "reports:list")


def _items():
    collected = []
    for config in apps.get_app_configs():
        for item in getattr(config, "nav_items", []) or []:
            collected.append((*item, config.verbose_name))
    return sorted(collected, key=lambda item: item[3])


def _allowed(user, roles) -> bool:
    # roles: the roles that see the item, or a test of the user (e.g. a permission, which may cost a query).
    return roles(user) if callable(roles) else user.role in roles


def menu_for(user, *, top_only: bool = False) -> list[dict]:
    """Every menu item the user may see: url, label, whether it sits in the top bar, the app it belongs to."""
    if user is None or not user.is_authenticated:
        return []
    shown = []
    for url_name, label, roles, _order, app_label in _items():
        if top_only and url_name not in TOP_BAR:
            continue
        if not _allowed(user, roles):
            continue
        try:
            shown.append({"url": reverse(url_name), "label": label, "top": url_name in TOP_BAR, "app": app_label})
        except NoReverseMatch:
            continue
    return shown


def _has_more(user) -> bool:
    """Whether the user sees an item beyond the top bar; the items tested by role first, so a page costs no query."""
    if user is None or not user.is_authenticated:
        return False
    others = [item for item in _items() if item[0] not in TOP_BAR]
    by_role = any(not callable(roles) and user.role in roles for _url, _label, roles, _o, _a in others)
    return by_role or any(callable(roles) and roles(user) for _url, _label, roles, _o, _a in others)


def nav_items(request):
    user = getattr(request, "user", None)
    return {"nav_items": menu_for(user, top_only=True), "nav_has_more": _has_more(user)}
