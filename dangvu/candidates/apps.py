from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class CandidatesConfig(AppConfig):
    name = "dangvu.candidates"
    verbose_name = _("Admission candidates")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("candidates:list", _("Candidates"), TREE_ROLES, 25)]
