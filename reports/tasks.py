"""Background work of the reports app, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def run_compile_job(job_id: int) -> None:
    from reports.models import CompileJob
    from reports.services import compile_job_run

    compile_job_run(CompileJob.objects.select_related("round", "created_by").get(pk=job_id))
