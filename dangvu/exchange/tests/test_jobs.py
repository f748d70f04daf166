"""Jobs that die are seen: a stale heartbeat fails the job, which can be retried; import uploads are purged."""

import datetime as dt
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dangvu.exchange import jobs
from dangvu.exchange.models import ImportJob, ImportState
from dangvu.exchange.retention import purge_uploads
from dangvu.exchange.tasks import run_import_job
from dangvu.exchange.tests.files import member_row, xlsx_bytes
from dangvu.exchange.tests.test_screens import upload
from dangvu.lib.jobs import Heartbeat

pytestmark = pytest.mark.django_db


def _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks) -> ImportJob:
    """A large file handed to the task queue, which has not run it (yet)."""
    monkeypatch.setattr(jobs, "INLINE_LIMIT_BYTES", 10)
    client.force_login(personas.staff)
    rows = [member_row(national_id=f"0010900{n:05d}", full_name=f"Người Thứ {n}") for n in range(5)]
    with django_capture_on_commit_callbacks(execute=False):
        upload(client, "dv.xlsx", xlsx_bytes(rows))
    job = ImportJob.objects.get()
    assert job.state == ImportState.QUEUED and job.heartbeat_at is not None
    return job


def _worker_died(job: ImportJob, *, state=ImportState.COMMITTING, minutes=30) -> None:
    ImportJob.objects.filter(pk=job.pk).update(state=state, heartbeat_at=timezone.now() - dt.timedelta(minutes=minutes))


def test_a_job_whose_heartbeat_is_stale_is_shown_failed_and_can_be_retried(
    client, personas, monkeypatch, immediate_tasks, django_capture_on_commit_callbacks
):
    job = _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks)
    _worker_died(job)
    page = client.get(reverse("exchange:job", kwargs={"pk": job.pk})).content.decode()
    job.refresh_from_db()
    assert job.state == ImportState.FAILED and job.stale_failure
    assert "Tiến trình chạy nền đã dừng" in page
    assert reverse("exchange:retry", kwargs={"pk": job.pk}) in page
    assert job.file  # kept for the retry

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exchange:retry", kwargs={"pk": job.pk}))
    assert response.url == reverse("exchange:job", kwargs={"pk": job.pk})
    job.refresh_from_db()
    assert job.state == ImportState.CHECKED and job.report["ok"] and job.rows_done == 5


def test_a_job_with_a_fresh_heartbeat_is_left_running(
    client, personas, monkeypatch, django_capture_on_commit_callbacks
):
    job = _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks)
    _worker_died(job, minutes=1)
    client.get(reverse("exchange:job", kwargs={"pk": job.pk}))
    client.get(reverse("exchange:index"))
    job.refresh_from_db()
    assert job.state == ImportState.COMMITTING
    response = client.post(reverse("exchange:retry", kwargs={"pk": job.pk}), follow=True)
    assert "Chỉ chạy lại được việc mà tiến trình chạy nền đã dừng." in response.content.decode()


def test_a_queued_job_no_worker_picks_up_goes_stale_too(
    client, personas, monkeypatch, django_capture_on_commit_callbacks, settings
):
    job = _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks)
    settings.DANGVU_JOB_STALE_SECONDS = 0
    client.get(reverse("exchange:index"))
    job.refresh_from_db()
    assert job.state == ImportState.FAILED


def test_a_task_left_in_the_queue_does_not_run_a_job_failed_as_stale(
    client, personas, monkeypatch, django_capture_on_commit_callbacks
):
    job = _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks)
    _worker_died(job, state=ImportState.QUEUED)
    assert jobs.fail_stale_imports() == 1
    run_import_job.call(job.pk, False)  # the worker comes back and finds the old task
    job.refresh_from_db()
    assert job.state == ImportState.FAILED and job.rows_done == 0


def test_progress_inside_the_run_s_transaction_is_left_to_the_heartbeat_thread(
    client, personas, monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    job = _queued_job(client, personas, monkeypatch, django_capture_on_commit_callbacks)
    beat = Heartbeat(ImportJob, job.pk, interval=3600)
    with beat:
        beat(rows_done=2)
        assert ImportJob.objects.get(pk=job.pk).rows_done == 2  # outside the run's transactions: at once
        with transaction.atomic():
            beat(rows_done=4)
            assert ImportJob.objects.get(pk=job.pk).rows_done == 2  # not inside the run's transaction
        old = timezone.now() - dt.timedelta(hours=1)
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=old)
        beat.beat()  # what the thread does every DANGVU_JOB_HEARTBEAT_SECONDS, from its own connection
    job.refresh_from_db()
    assert job.rows_done == 4 and job.heartbeat_at > old


def _upload_file(personas, *, days_old: int, state=ImportState.CHECKED) -> ImportJob:
    from django.core.files.base import ContentFile

    job = ImportJob(kind="members", original_name="a.csv", file_format="csv", created_by=personas.staff, state=state)
    job.file.save("a.csv", ContentFile(b"ho_ten\nNguyen Van A\n"), save=False)
    job.save()
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_old), heartbeat_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def test_uploads_are_purged_after_the_retention_days(personas, settings):
    settings.DANGVU_UPLOAD_RETENTION_DAYS = 7
    old = _upload_file(personas, days_old=8)
    recent = _upload_file(personas, days_old=2)
    running = _upload_file(personas, days_old=8, state=ImportState.CHECKING)  # its worker still beats
    old_path, recent_path = old.file.path, recent.file.path
    orphan = os.path.join(settings.MEDIA_ROOT, "imports", "2020", "01", "left.xlsx")
    os.makedirs(os.path.dirname(orphan))
    with open(orphan, "wb") as f:
        f.write(b"x")
    os.utime(orphan, (0, 0))

    purged = purge_uploads()
    assert (purged.files, purged.orphans) == (1, 1)
    assert not os.path.exists(old_path) and not os.path.exists(orphan)
    assert not os.path.exists(os.path.dirname(orphan))
    assert os.path.exists(recent_path) and os.path.exists(running.file.path)
    old.refresh_from_db()
    assert not old.file
    assert purge_uploads().files == 0  # safe to run again

    response_job = jobs.import_job_refresh(old)
    with pytest.raises(ValidationError, match="tải lên lại"):
        jobs.import_job_start(job=response_job, commit=False)


def test_the_purge_command_fails_dead_jobs_and_deletes_their_files_later(personas, settings, capsys):
    settings.DANGVU_UPLOAD_RETENTION_DAYS = 7
    dead = _upload_file(personas, days_old=8, state=ImportState.COMMITTING)
    ImportJob.objects.filter(pk=dead.pk).update(heartbeat_at=timezone.now() - dt.timedelta(days=8))
    path = dead.file.path
    call_command("purge_uploads")
    dead.refresh_from_db()
    assert dead.state == ImportState.FAILED and not dead.file and not os.path.exists(path)
    assert "1" in capsys.readouterr().out
