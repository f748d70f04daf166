import datetime as dt

import pytest

from dangvu.dues import services

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _dues_today(monkeypatch):
    """The dues services' today is the suite's fixed day."""
    monkeypatch.setattr(services, "_today", lambda: TODAY)
