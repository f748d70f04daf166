"""The main menu, assembled from the `nav_items` each app declares on its AppConfig.

An item is (URL name, label, roles that see it, order). Apps add their own screens to the
menu without touching the base template.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

TREE_ROLES = ("committee_staff", "inspection_staff", "secretary")
EDITOR_ROLES = ("committee_staff", "secretary")


def _items():
    collected = []
    for config in apps.get_app_configs():
        collected.extend(getattr(config, "nav_items", []) or [])
    return sorted(collected, key=lambda item: item[3])


def nav_items(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    shown = []
    for url_name, label, roles, _order in _items():
        if user.role not in roles:
            continue
        try:
            shown.append({"url": reverse(url_name), "label": label})
        except NoReverseMatch:
            continue
    return {"nav_items": shown}
