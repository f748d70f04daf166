from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Admission candidates")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = []
