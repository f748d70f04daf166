from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lib.nav import TREE_ROLES


class TargetsConfig(AppConfig):
    name = "targets"
    verbose_name = _("Resolution targets")
    nav_items = [
        ("targets:terms", _("Targets"), TREE_ROLES, 40),
    ]
