from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class RatingsConfig(AppConfig):
    name = "dangvu.ratings"
    verbose_name = _("Quality ratings")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("ratings:seasons", _("Quality ratings"), TREE_ROLES, 40)]
