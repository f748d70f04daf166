from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lib.nav import TREE_ROLES


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Dashboard")
    nav_items = [("dashboard:home", _("Dashboard"), TREE_ROLES, 5)]

    def ready(self):
        from dashboard.alerts import autodiscover

        autodiscover()
