from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dangvu.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from dangvu.middleware import mark_session_seen

        user_logged_in.connect(mark_session_seen, dispatch_uid="accounts.mark_session_seen")

    @property
    def nav_items(self):
        from dangvu.accounts.selectors import can_read_access_log

        # Entries of the main menu: (URL name, label, roles or a test of the user, order).
        return [("accounts:sensitive_log", _("Sensitive data access log"), can_read_access_log, 95)]
