"""The aggregate of a large reporting round, compiled in the background with progress and a heartbeat.

A compilation whose worker died stops beating; once its heartbeat is older than
`DANGVU_JOB_STALE_SECONDS` it is marked failed (when its page is read, and by `manage.py
purge_uploads`) and can be started again from its page. See lib/jobs.py.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.jobs import Heartbeat, claim, stale
from dangvu.reports.models import CompileJob, CompileState, Round

RUNNING = (CompileState.QUEUED, CompileState.RUNNING)


def compile_job_start(*, round_: Round, by: User | None) -> CompileJob:
    """Queue the aggregate of a large round for the worker; the page polls the job's progress."""
    from dangvu.reports.services import latest_submissions

    job = CompileJob.objects.create(
        round=round_, created_by=by, total=len(latest_submissions(round_)), heartbeat_at=timezone.now()
    )
    _enqueue(job)
    return job


def _enqueue(job: CompileJob) -> None:
    from dangvu.reports.tasks import run_compile_job

    transaction.on_commit(lambda: run_compile_job.enqueue(job.pk))


def compile_job_run(job_id: int) -> None:
    """Run a queued compilation (only if still queued: a job failed as stale or taken meanwhile is left)."""
    from dangvu.reports.services import round_compile

    if not claim(CompileJob, job_id, from_state=CompileState.QUEUED, to_state=CompileState.RUNNING):
        return
    job = CompileJob.objects.select_related("round", "created_by").get(pk=job_id)
    try:
        with Heartbeat(CompileJob, job.pk) as beat:
            report = round_compile(
                round_=job.round, by=job.created_by, progress=lambda done, total: beat(done=done, total=total)
            )
    except Exception as error:  # the job page shows the reason instead of waiting forever
        CompileJob.objects.filter(pk=job.pk).update(
            state=CompileState.FAILED, error=" ".join(getattr(error, "messages", [str(error)]))
        )
        raise
    CompileJob.objects.filter(pk=job.pk).update(state=CompileState.DONE, report=report, **beat.values)


def fail_stale_compile_jobs(jobs=None) -> int:
    """Mark failed the compilations whose worker died (heartbeat stale); the count. `jobs` narrows the rows."""
    rows = (jobs if jobs is not None else CompileJob.objects.all()).filter(stale(RUNNING))
    return rows.update(
        state=CompileState.FAILED,
        error=_("The background worker stopped before the compilation finished; nothing was saved. Start it again."),
    )


def compile_job_refresh(job: CompileJob) -> CompileJob:
    """The job as it is now, marked failed first when its worker died."""
    if job.is_running and fail_stale_compile_jobs(CompileJob.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    return job


def compile_job_retry(*, job: CompileJob) -> CompileJob:
    """Queue a failed compilation again (the aggregate is written in one transaction: a dead run saved nothing)."""
    if job.state != CompileState.FAILED:
        raise ValidationError(_("Only a failed compilation can be started again."))
    CompileJob.objects.filter(pk=job.pk).update(
        state=CompileState.QUEUED, done=0, error="", report=None, heartbeat_at=timezone.now()
    )
    job.refresh_from_db()
    _enqueue(job)
    return job
