from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class CheckerConfig(AppConfig):
    name = "dangvu.checker"
    verbose_name = _("Report checker")
    nav_items = [
        ("checker:upload", _("Check a report"), TREE_ROLES, 80),
    ]
