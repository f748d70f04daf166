from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class VotesConfig(AppConfig):
    name = "dangvu.votes"
    label = "votes"
    verbose_name = _("Confidence votes and elections")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items = [
        ("votes:congress_list", _("Congresses"), TREE_ROLES, 56),
        ("votes:confidence_list", _("Confidence votes"), TREE_ROLES, 65),
    ]

    def ready(self):
        # The congress indicators live beside the confidence ones (votes/indicators.py) in their own module.
        from dangvu.votes import indicators_congress  # noqa: F401
