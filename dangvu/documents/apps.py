from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class DocumentsConfig(AppConfig):
    name = "dangvu.documents"
    verbose_name = _("Documents")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("documents:list", _("Documents"), TREE_ROLES, 60)]
