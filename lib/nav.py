"""The main menu, assembled from the `nav_items` each app declares on its AppConfig.

An item is (URL name, label, roles that see it, order). Apps add their own screens to the
menu without touching the base template. The few screens used every day stay in the top bar;
the other work-record screens are gathered on the "Công tác" page so the bar fits a laptop
screen and a phone.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

# The apps' nav items name these; the roles are defined once, in accounts.roles.
from accounts.roles import EDITOR_ROLES  # noqa: F401
from accounts.roles import SCOPED_ROLES as TREE_ROLES  # noqa: F401

TOP_BAR = ("dashboard:home", "organizations:tree", "members:list", "targets:terms", "reports:list")


def _items():
    collected = []
    for config in apps.get_app_configs():
        for item in getattr(config, "nav_items", []) or []:
            collected.append((*item, config.verbose_name))
    return sorted(collected, key=lambda item: item[3])


def menu_for(user) -> list[dict]:
    """Every menu item the user may see: url, label, whether it sits in the top bar, the app it belongs to."""
    if user is None or not user.is_authenticated:
        return []
    shown = []
    for url_name, label, roles, _order, app_label in _items():
        if user.role not in roles:
            continue
        try:
            shown.append({"url": reverse(url_name), "label": label, "top": url_name in TOP_BAR, "app": app_label})
        except NoReverseMatch:
            continue
    return shown


def nav_items(request):
    menu = menu_for(getattr(request, "user", None))
    top = [item for item in menu if item["top"]]
    has_more = any(not item["top"] for item in menu)
    return {"nav_items": top, "nav_has_more": has_more}
