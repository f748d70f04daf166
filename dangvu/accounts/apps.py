from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dangvu.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from dangvu.middleware import mark_session_seen

        user_logged_in.connect(mark_session_seen, dispatch_uid="accounts.mark_session_seen")

        from dangvu.accounts.member_status import on_spells_rewritten
        from dangvu.members.signals import spells_rewritten

        # Accounts follow their member's record: suspended when the member leaves, back when they return.
        spells_rewritten.connect(on_spells_rewritten, dispatch_uid="accounts.follow_member_status")

    @property
    def nav_items(self):
        # Entries of the main menu: (URL name, label, roles or a test of the user, order).
        from dangvu.accounts.policy import keeps_registry
        from dangvu.accounts.selectors import can_read_access_log

        return [
            ("accounts:sensitive_log", _("Sensitive data access log"), can_read_access_log, 95),
            ("accounts:member_accounts", _("Member accounts"), keeps_registry, 60),
        ]
