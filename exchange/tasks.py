"""Background work of the exchange app, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task

from exchange.models import ImportJob


@task()
def run_import_job(job_id: int, commit: bool) -> None:
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    from exchange.jobs import import_job_run

    import_job_run(job=job, commit=commit)
