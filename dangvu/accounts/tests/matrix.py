"""Pieces of the persona access matrix that the apps' `tests/access.py` rows use."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Post:
    """A real POST to a form URL: what a person would send (from the objects), and each persona's answer."""

    payload: Callable
    expected: dict


def from_form(overrides: Callable, *, owner: str = "staff"):
    """A payload read from the form at the URL as `owner` sees it (its current values), with
    `overrides(objects)` applied: a real edit, sent by each persona in turn."""

    def build(objects):
        def read(client, url, personas):
            client.force_login(getattr(personas, owner))
            response = client.get(url)
            assert response.status_code == 200, f"{owner} cannot open {url}"
            return form_data(response.context["form"]) | overrides(objects)

        return read

    return build


def form_data(form) -> dict:
    """What a browser would send for the form as shown: each field's current value, as text."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False or value == "":
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple) or hasattr(value, "model"):
            data[bound.html_name] = [getattr(v, "pk", v) for v in value]
        elif hasattr(value, "pk"):
            data[bound.html_name] = value.pk
        elif isinstance(value, dt.date):
            data[bound.html_name] = value.strftime("%d/%m/%Y")
        else:
            data[bound.html_name] = str(value)
    return data
