from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class DashboardConfig(AppConfig):
    name = "dangvu.dashboard"
    verbose_name = _("Dashboard")
    nav_items = [("dashboard:home", _("Dashboard"), TREE_ROLES, 5)]

    def ready(self):
        from dangvu.dashboard.alerts import autodiscover

        autodiscover()
