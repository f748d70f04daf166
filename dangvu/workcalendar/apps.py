from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "dangvu.workcalendar"
    verbose_name = _("Working calendar")
    nav_items = [
        ("workcalendar:list", _("Holidays"), ("committee_staff",), 95),
    ]
