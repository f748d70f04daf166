from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class TargetsConfig(AppConfig):
    name = "dangvu.targets"
    verbose_name = _("Resolution targets")
    nav_items = [
        ("targets:terms", _("Targets"), TREE_ROLES, 40),
    ]
