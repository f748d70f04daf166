from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class MeetingsConfig(AppConfig):
    name = "dangvu.meetings"
    verbose_name = _("Cell meetings")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("meetings:list", _("Cell meetings"), TREE_ROLES, 35)]
