from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class EducationConfig(AppConfig):
    name = "dangvu.education"
    verbose_name = _("Political education and training")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items = [
        ("education:session_list", _("Study sessions"), TREE_ROLES, 40),
        ("education:class_list", _("Training classes"), TREE_ROLES, 41),
    ]

    def ready(self):
        from dangvu.education.services import on_spells_rewritten
        from dangvu.members.signals import spells_rewritten

        spells_rewritten.connect(on_spells_rewritten, dispatch_uid="education.studied_years")
