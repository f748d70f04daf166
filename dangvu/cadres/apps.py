from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class CadresConfig(AppConfig):
    name = "dangvu.cadres"
    verbose_name = _("Political standards and appointments")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [
        ("cadres:conclusions", _("Political standards"), TREE_ROLES, 62),
        ("cadres:appointments", _("Committee appointments"), TREE_ROLES, 64),
    ]
