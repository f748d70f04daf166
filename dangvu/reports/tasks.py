"""Background work of the reports app, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def run_compile_job(job_id: int) -> None:
    from dangvu.reports.jobs import compile_job_run

    compile_job_run(job_id)
