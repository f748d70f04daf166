"""Background work of the exchange app, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task

from dangvu.exchange.models import ImportJob, ImportState
from dangvu.lib.jobs import claim


@task()
def run_import_job(job_id: int, commit: bool) -> None:
    # Only a job still waiting is run: one failed as stale, retried or already taken by another worker is left.
    queued, running = (
        (ImportState.COMMIT_QUEUED, ImportState.COMMITTING) if commit else (ImportState.QUEUED, ImportState.CHECKING)
    )
    if not claim(ImportJob, job_id, from_state=queued, to_state=running):
        return
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    from dangvu.exchange.jobs import import_job_run

    import_job_run(job=job, commit=commit)
