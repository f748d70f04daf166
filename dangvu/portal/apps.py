from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "dangvu.portal"
    label = "portal"
    verbose_name = _("Member portal")
    nav_items: list = []

    def ready(self):
        # Each app puts its cards on the portal's home page from `<app>/portal_cards.py` (see `portal.cards`).
        autodiscover_modules("portal_cards")
