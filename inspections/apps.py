from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = _("Inspection and discipline")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = []
