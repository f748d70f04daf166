from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class VotesConfig(AppConfig):
    name = "dangvu.votes"
    label = "votes"
    verbose_name = _("Confidence votes and elections")
    nav_items = [
        ("votes:congress_list", _("Congresses"), TREE_ROLES, 56),
    ]

    def ready(self):
        # The congress indicators live beside the confidence ones (votes/indicators.py) in their own module.
        from dangvu.votes import indicators_congress  # noqa: F401
