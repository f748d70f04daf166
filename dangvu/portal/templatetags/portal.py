"""The portal's bottom navigation: three fixed places and a "more" menu that the apps add to."""

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse

from dangvu.accounts import policy

register = template.Library()


def _items():
    collected = [item for config in apps.get_app_configs() for item in getattr(config, "portal_nav", []) or []]
    return sorted(collected, key=lambda item: item[3])


@register.inclusion_tag("portal/_more.html", takes_context=True)
def portal_more(context):
    """The links of the "more" menu: each app declares `portal_nav = [(URL name, label, for cell secretaries
    only, order)]` on its AppConfig. No query is made."""
    request = context.get("request")
    user = getattr(request, "user", None)
    secretary = user is not None and policy.secretary_cell(user) is not None
    links = []
    for url_name, label, for_secretary, _order in _items():
        if for_secretary and not secretary:
            continue
        try:
            links.append((label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return {"links": links}
