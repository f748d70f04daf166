from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lib.nav import TREE_ROLES


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = _("Inspection and discipline")
    # Entries of the main menu: (URL name, label, roles that see it, order). The three lists share tabs.
    nav_items = [
        ("inspections:list", _("Inspection and discipline"), TREE_ROLES, 50),
    ]
