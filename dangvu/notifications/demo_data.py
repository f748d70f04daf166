"""Demo notifications: the engine run for the last 7 days up to the demo's date, with the in-memory mail backend
(no real mail), so that the demo logins (`dangvien`, `bithuchibo`) have an inbox. Runs last (DEMO_ORDER): the
other apps' records (meetings, documents, members on probation...) are what the triggers find."""

import datetime as dt
import time
from collections import Counter

from django.test.utils import override_settings
from django.utils import timezone

from dangvu.notifications.engine import run_day
from dangvu.notifications.models import Notification

DAYS = 7


def seed(context) -> Counter:
    started = time.monotonic()
    counts: Counter = Counter()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for back in range(DAYS - 1, -1, -1):
            report = run_day(context.until - dt.timedelta(days=back))
            counts["Notification"] += report.created
    # Some already read, as in a real inbox: those of the first days.
    first_days = context.until - dt.timedelta(days=DAYS - 3)
    Notification.objects.filter(run_on__lt=first_days, read_at__isnull=True).update(read_at=timezone.now())
    context.log(f"notifications: {counts['Notification']} in {time.monotonic() - started:.1f} s")
    return counts
