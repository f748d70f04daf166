from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("Political education and training")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = []
