"""Uploaded import files hold personal data: they are kept only while their job may still need them.

A file is deleted as soon as it is imported (exchange/jobs.py); `purge_uploads` deletes the rest once
older than `DANGVU_UPLOAD_RETENTION_DAYS`, and any file under `MEDIA_ROOT/imports` that no job
refers to (left by a crash or a restore) once as old. Import uploads are never copied into a backup.
"""

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from dangvu.exchange.models import RUNNING_STATES, ImportJob, ImportState

UPLOAD_DIR = "imports"


@dataclass
class Purged:
    stale_jobs: int = 0
    files: int = 0
    orphans: int = 0


def purge_uploads(*, now: dt.datetime | None = None) -> Purged:
    """Safe to run at any time and as often as wanted (cron): it only deletes what no live job needs."""
    from dangvu.exchange.jobs import fail_stale_imports

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.DANGVU_UPLOAD_RETENTION_DAYS)
    purged = Purged(stale_jobs=fail_stale_imports())
    ended = Q(state=ImportState.DONE) | (~Q(state__in=RUNNING_STATES) & Q(created_at__lt=cutoff))
    expired = ImportJob.objects.exclude(file="").filter(ended)
    for job in list(expired):
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
        purged.files += 1
    root = Path(settings.MEDIA_ROOT) / UPLOAD_DIR
    if root.is_dir():
        referenced = {
            Path(settings.MEDIA_ROOT, name)
            for name in ImportJob.objects.exclude(file="").values_list("file", flat=True)
        }
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in referenced and path.stat().st_mtime < cutoff.timestamp():
                path.unlink()
                purged.orphans += 1
            elif path.is_dir() and not any(path.iterdir()):
                os.rmdir(path)
    return purged
