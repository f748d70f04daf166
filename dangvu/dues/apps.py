from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class DuesConfig(AppConfig):
    name = "dangvu.dues"
    label = "dues"
    verbose_name = _("Party dues")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items = [
        ("dues:home", _("Party dues"), TREE_ROLES, 70),
        ("dues:arrears", _("Dues arrears"), TREE_ROLES, 71),
        ("dues:remittances", _("Dues kept and remitted"), TREE_ROLES, 72),
    ]
    # The portal's "more" menu: (URL name, label, for cell secretaries only, order).
    portal_nav = [("dues:mine", _("My party dues"), False, 30)]
