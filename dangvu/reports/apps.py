from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class ReportsConfig(AppConfig):
    name = "dangvu.reports"
    verbose_name = _("Reports")
    nav_items = [
        ("reports:list", _("Reports"), TREE_ROLES, 50),
        ("reports:rounds", _("Reporting rounds"), TREE_ROLES, 51),
        ("reports:sentences", _("Report sentences"), ("committee_staff",), 52),
    ]
