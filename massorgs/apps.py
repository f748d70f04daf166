from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MassorgsConfig(AppConfig):
    name = "massorgs"
    verbose_name = _("Mass organizations")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = []
