import logging

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.roles import Role

logger = logging.getLogger(__name__)


def _run_now(code, on):
    from dangvu.notifications.engine import run_trigger_now

    try:
        return run_trigger_now(code, on)
    except Exception:  # noqa: BLE001 - the caller's page must not fail; the daily run sends what is missing
        logger.exception("run_now(%s, %s) failed; the daily send_reminders will send it", code, on)
        return None


class NotificationsConfig(AppConfig):
    name = "dangvu.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    # The rules and the send log are the committee office's (the policy decides who edits which rule).
    nav_items: list = [
        ("notifications:rule_list", _("Notification rules"), (Role.COMMITTEE_STAFF,), 90),
        ("notifications:log", _("Send log"), (Role.COMMITTEE_STAFF,), 91),
    ]

    def ready(self):
        from dangvu.notifications import triggers

        # Each app declares what can trigger a notification in its own `<app>/reminders.py` (see `triggers`).
        autodiscover_modules("reminders")
        triggers.set_runner(_run_now)
