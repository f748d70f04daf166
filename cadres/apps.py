from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CadresConfig(AppConfig):
    name = "cadres"
    verbose_name = _("Political standards and appointments")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = []
