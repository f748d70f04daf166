"""A compilation whose worker died is seen: shown failed once its heartbeat is stale, and started again."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dangvu.reports.jobs import compile_job_start
from dangvu.reports.models import CompileJob, CompileState
from dangvu.reports.tasks import run_compile_job
from dangvu.reports.tests.test_rounds import _submit, round_  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_job(personas, round_, django_capture_on_commit_callbacks):  # noqa: F811
    _submit(personas.org_a, round_, "Một.")
    _submit(personas.org_b, round_, "Hai.")
    with django_capture_on_commit_callbacks(execute=False):
        job = compile_job_start(round_=round_, by=personas.staff)
    # The worker took the job, then was killed: the job says "running" and beats no more.
    CompileJob.objects.filter(pk=job.pk).update(
        state=CompileState.RUNNING, done=1, heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    return job


def test_a_compilation_whose_heartbeat_is_stale_is_shown_failed_and_can_be_started_again(
    client, personas, dead_job, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.force_login(personas.staff)
    page = client.get(reverse("reports:compile_job", kwargs={"pk": dead_job.pk})).content.decode()
    dead_job.refresh_from_db()
    assert dead_job.state == CompileState.FAILED
    assert "Tiến trình chạy nền đã dừng" in page
    assert reverse("reports:compile_job_retry", kwargs={"pk": dead_job.pk}) in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:compile_job_retry", kwargs={"pk": dead_job.pk}))
    dead_job.refresh_from_db()
    assert dead_job.state == CompileState.DONE and dead_job.done == dead_job.total == 2 and dead_job.report


def test_a_running_compilation_that_still_beats_is_not_started_twice(client, personas, dead_job):
    CompileJob.objects.filter(pk=dead_job.pk).update(heartbeat_at=timezone.now())
    client.force_login(personas.staff)
    response = client.post(reverse("reports:compile_job_retry", kwargs={"pk": dead_job.pk}), follow=True)
    dead_job.refresh_from_db()
    assert dead_job.state == CompileState.RUNNING
    assert "Chỉ tổng hợp lại được" in response.content.decode()
    run_compile_job.call(dead_job.pk)  # an old task of the same job: not queued any more, so not run
    dead_job.refresh_from_db()
    assert dead_job.state == CompileState.RUNNING and dead_job.report is None


def test_the_periodic_command_fails_dead_compilations(dead_job):
    call_command("purge_uploads")
    dead_job.refresh_from_db()
    assert dead_job.state == CompileState.FAILED and "dừng" in dead_job.error
