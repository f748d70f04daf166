from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "dangvu.indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from dangvu.indicators.registry import autodiscover

        autodiscover()
