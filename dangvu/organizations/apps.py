from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class OrganizationsConfig(AppConfig):
    name = "dangvu.organizations"
    verbose_name = _("Organizations")
    nav_items = [
        ("organizations:tree", _("Organizations"), TREE_ROLES, 10),
    ]
