from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "dangvu.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    nav_items: list = []

    def ready(self):
        # Each app declares what can trigger a notification in its own `<app>/reminders.py` (see `triggers`).
        autodiscover_modules("reminders")
