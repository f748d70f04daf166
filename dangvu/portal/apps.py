from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import EDITOR_ROLES


class PortalConfig(AppConfig):
    name = "dangvu.portal"
    label = "portal"
    verbose_name = _("Member portal")
    # The office's menu (lib.nav): the correction requests of the members of the subtree.
    nav_items: list = [("portal:office_corrections", _("Correction requests"), EDITOR_ROLES, 46)]
    # The "more" menu of the portal's bottom bar (portal.templatetags.portal): (URL name, label, for cell
    # secretaries only, order). Any app may declare `portal_nav` on its AppConfig the same way.
    portal_nav: list = [
        ("portal:corrections", _("My correction requests"), False, 10),
        ("portal:cell_corrections", _("Correction requests of the cell"), True, 80),
    ]

    def ready(self):
        # Each app puts its cards on the portal's home page from `<app>/portal_cards.py` (see `portal.cards`).
        autodiscover_modules("portal_cards")
