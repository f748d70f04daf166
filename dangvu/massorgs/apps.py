from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import TREE_ROLES


class MassorgsConfig(AppConfig):
    name = "dangvu.massorgs"
    verbose_name = _("Mass organizations")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items = [
        ("massorgs:figures_list", _("Mass organizations"), TREE_ROLES, 60),
        ("massorgs:model_list", _("“Dân vận khéo”"), TREE_ROLES, 61),
        ("massorgs:registration_list", _("Emulation registrations"), TREE_ROLES, 62),
    ]
