from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class InspectionsConfig(AppConfig):
    name = "dangvu.inspections"
    verbose_name = _("Inspection and discipline")
    # Entries of the main menu: (URL name, label, roles that see it, order). The three lists share tabs.
    nav_items = [
        ("inspections:list", _("Inspection and discipline"), TREE_ROLES, 50),
    ]

    def ready(self):
        from dangvu.inspections.services import on_spells_rewritten
        from dangvu.members.signals import spells_rewritten

        spells_rewritten.connect(on_spells_rewritten, dispatch_uid="inspections.inspected_years")
