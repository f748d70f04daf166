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


def _other_urls() -> list[str]:
    urls = []
    for url_name, *_rest in _items():
        if url_name in TOP_BAR:
            continue
        try:
            urls.append(reverse(url_name))
        except NoReverseMatch:
            continue
    return [url for url in urls if url != "/"]


def _mark_current(items: list[dict], path: str) -> str | None:
    """Mark the item whose address is the longest prefix of the page's path; return the URL marked (or None)."""
    matching = [item for item in items if path.startswith(item["url"]) and item["url"] != "/"]
    if not matching:
        return None
    current = max(matching, key=lambda item: len(item["url"]))
    current["current"] = True
    return current["url"]


def nav_items(request):
    user = getattr(request, "user", None)
    items = menu_for(user, top_only=True)
    path = getattr(request, "path", "")
    marked = _mark_current(items, path)
    # A work-record screen outside the top bar: the "Party work" entry that gathers them is the current one.
    # (The user is on the page, so no access test is needed, and none costs a query.)
    more_current = marked is None and bool(items) and any(path.startswith(url) for url in _other_urls())
    return {"nav_items": items, "nav_has_more": _has_more(user), "nav_more_current": more_current}
