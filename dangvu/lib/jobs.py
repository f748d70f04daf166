"""Background jobs that die are seen: a heartbeat while they run, and failed once the heartbeat goes stale.

A job row (an import, a report compilation) carries `heartbeat_at`. The run writes it when it starts,
with each progress step, and every `DANGVU_JOB_HEARTBEAT_SECONDS` from a thread of its own. The thread
has its own database connection, outside the run's transaction, so the beats (and the progress) are
visible while the run writes in one long transaction (PostgreSQL). On SQLite the run's write
transaction locks the whole database and the thread's beats wait; hence the generous default of
`DANGVU_JOB_STALE_SECONDS`. A job whose worker was killed stops beating; once the heartbeat is older
than the limit, the job is marked failed (on reading it, and by `manage.py purge_uploads`) and can be
retried. A run only starts from the queued state (`claim`), so a retried job is never run twice at once.
"""

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)


def stale_cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.DANGVU_JOB_STALE_SECONDS)


def stale(running_states) -> Q:
    """The jobs of a model that say they are running but whose heartbeat (or creation, for none) is too old."""
    cutoff = stale_cutoff()
    return Q(state__in=running_states) & (
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )


def claim(model: type[models.Model], pk: int, *, from_state: str, to_state: str, **values) -> bool:
    """Move a queued job to running, unless it was already taken, failed as stale or retried meanwhile."""
    now = timezone.now()
    return bool(model.objects.filter(pk=pk, state=from_state).update(state=to_state, heartbeat_at=now, **values))


class Heartbeat:
    """`with Heartbeat(Job, pk) as beat:` beats while the block runs; `beat(done=…)` records progress."""

    def __init__(self, model: type[models.Model], pk: int, *, interval: float | None = None):
        self.model = model
        self.pk = pk
        self.interval = settings.DANGVU_JOB_HEARTBEAT_SECONDS if interval is None else interval
        self.values: dict = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self._depth = len(connection.atomic_blocks)  # transactions opened by the run are deeper than this
        self._write()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def __call__(self, **values) -> None:
        """Progress: written at once outside the run's transactions; inside one, the thread writes it on its next
        beat (an update inside the run's transaction would be invisible and would lock the row against the beats)."""
        with self._lock:
            self.values.update(values)
        if len(connection.atomic_blocks) <= self._depth:
            self._write()

    def _write(self) -> None:
        with self._lock:
            values = dict(self.values)
        self.model.objects.filter(pk=self.pk).update(heartbeat_at=timezone.now(), **values)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self.beat()
        finally:
            connection.close()  # this thread's own connection

    def beat(self) -> None:
        """One beat of the thread: the heartbeat and the progress so far."""
        try:
            self._write()
        except DatabaseError:  # SQLite: locked by the run's own write transaction; beat again later
            logger.debug("heartbeat of %s %s skipped", self.model.__name__, self.pk, exc_info=True)
