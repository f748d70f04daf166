from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import EDITOR_ROLES, TREE_ROLES


class MembersConfig(AppConfig):
    name = "dangvu.members"
    verbose_name = _("Members")
    nav_items = [
        ("members:list", _("Members"), TREE_ROLES, 20),
        ("members:trash", _("Deleted records"), EDITOR_ROLES, 90),
    ]

    def ready(self):
        from dangvu.members import for_organizations
        from dangvu.organizations import membership

        membership.plug(for_organizations)
