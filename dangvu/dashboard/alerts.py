"""Warnings the rules raise, collected from every app's `alerts.py` for the dashboard.

A provider is a function (user, organization, today) -> list[Alert] registered with
`@alert_provider`; it must use the app's scoped selectors and a constant number of queries.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

from dangvu.lib.numbers import house_format

PROVIDERS: list[Callable] = []


@dataclass
class Alert:
    message: str
    count: int
    url: str = ""
    level: str = "warning"  # "warning" or "danger" (a deadline already passed)


def counted(template: str, **values) -> str:
    """A warning's sentence with its figures in the house style: counts grouped (8.180), years as they are."""
    return house_format(template, values)


def alert_provider(func: Callable) -> Callable:
    PROVIDERS.append(func)
    return func


def collect(*, user, organization, today: dt.date) -> list[Alert]:
    alerts: list[Alert] = []
    for provider in PROVIDERS:
        alerts.extend(a for a in provider(user=user, organization=organization, today=today) if a.count)
    return sorted(alerts, key=lambda a: (a.level != "danger", a.message))


def autodiscover() -> None:
    autodiscover_modules("alerts")
