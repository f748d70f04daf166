from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.roles import Role


class ApiConfig(AppConfig):
    name = "dangvu.api"
    verbose_name = _("REST API")
    # Entries of the main menu: (URL name, label, roles that see it, order).
    nav_items: list = [("api:docs", _("API reference"), (Role.COMMITTEE_STAFF,), 95)]

    def ready(self):
        from dangvu.api import signals  # noqa: F401  (connects the receivers)
