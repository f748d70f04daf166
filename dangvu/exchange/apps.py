from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.lib.nav import EDITOR_ROLES


class ExchangeConfig(AppConfig):
    name = "dangvu.exchange"
    verbose_name = _("Import, export and backup")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("exchange:index", _("Import"), EDITOR_ROLES, 80)]
