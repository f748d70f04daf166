import datetime as dt
import random

import pytest

from dangvu.demo.seed import DemoContext
from dangvu.notifications import demo_data
from dangvu.notifications.models import Notification
from dangvu.notifications.tests.conftest import occurrences_for, rule

pytestmark = pytest.mark.django_db


def test_the_demo_runs_the_rules_of_the_last_seven_days_without_real_mail(personas, register, settings):
    until = dt.date(2026, 10, 31)
    register("test.old", occurrences_for(personas.cell_a1, key="old", on_day=until - dt.timedelta(days=6)))
    register("test.new", occurrences_for(personas.cell_a1, key="new", on_day=until))
    register("test.before", occurrences_for(personas.cell_a1, key="before", on_day=until - dt.timedelta(days=7)))
    for code in ("test.old", "test.new", "test.before"):
        rule(code, "cell_secretary")
    personas.cell_secretary.email = "cuc@example.vn"
    personas.cell_secretary.save()
    real = "dangvu.notifications.tests.conftest.FailingBackend"  # stands for a real mail server
    settings.EMAIL_BACKEND = real
    counts = demo_data.seed(DemoContext(size="small", rng=random.Random(1), until=until, log=lambda m: None))
    assert counts["Notification"] == 2
    assert set(Notification.objects.values_list("occurrence_key", flat=True)) == {"old", "new"}
    assert Notification.objects.get(occurrence_key="old").read_at is not None
    assert Notification.objects.get(occurrence_key="new").read_at is None
    # the demo's mail went to the in-memory backend (sent), not to the configured server, which is restored
    assert set(Notification.objects.values_list("email_state", flat=True)) == {"sent"}
    assert settings.EMAIL_BACKEND == real
