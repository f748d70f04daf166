from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class WorkprogrammeConfig(AppConfig):
    name = "dangvu.workprogramme"
    verbose_name = _("Work programme")
    nav_items = [("workprogramme:item_list", _("Work programme"), TREE_ROLES, 63)]
