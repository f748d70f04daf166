"""The life of an uploaded file: saved, columns mapped, checked (a dry run), then imported.

Small files are checked and imported during the request; larger ones go to the task queue
(`exchange.tasks.run_import_job`, run by `manage.py db_worker`) and the page polls the progress
that the run writes on the job row, with its heartbeat: a job whose worker died is marked failed
once its heartbeat is stale (`DANGVU_JOB_STALE_SECONDS`) and can be checked again (lib/jobs.py).
The uploaded file (personal data) is deleted once imported, and by `exchange.retention` after
`DANGVU_UPLOAD_RETENTION_DAYS`.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.exchange import services
from dangvu.exchange.columns import COLUMN_SETS
from dangvu.exchange.models import RUNNING_STATES, ImportJob, ImportState
from dangvu.exchange.reading import FileProblem, file_format, open_table
from dangvu.lib.errors import refuse
from dangvu.lib.jobs import Heartbeat, stale

logger = logging.getLogger(__name__)

# Files above this size are checked and imported in the background (roughly 1.000 member rows).
INLINE_LIMIT_BYTES = 300_000


def import_job_create(*, by: User, kind: str, upload: UploadedFile) -> ImportJob:
    """Keep the uploaded file and read its column titles; refuse a file that cannot be read at all."""
    try:
        fmt = file_format(upload.name)
    except FileProblem as problem:
        raise refuse("file", problem.message) from problem
    job = ImportJob(kind=kind, original_name=upload.name[:255], file_format=fmt, created_by=by)
    job.file.save(upload.name, upload, save=False)
    try:
        table = open_table(job.file.path, name=upload.name, columns=COLUMN_SETS[kind])
        table.close()
    except FileProblem as problem:
        job.file.delete(save=False)
        raise refuse("file", problem.message) from problem
    job.headers = table.headers
    job.mapping = {str(i): key for i, key in services.auto_mapping(table.headers, COLUMN_SETS[kind]).items()}
    job.save()
    return job


def mapping_complete(job: ImportJob) -> bool:
    """Whether the file's titles name every required column (else the user maps the columns by hand)."""
    mapped = set(job.mapping.values())
    return all(c.key in mapped for c in COLUMN_SETS[job.kind] if c.required)


def import_job_map(*, job: ImportJob, mapping: dict[int, str]) -> ImportJob:
    job.mapping = {str(i): key for i, key in mapping.items() if key}
    job.state = ImportState.UPLOADED
    job.report = None
    job.save(update_fields=["mapping", "state", "report"])
    return job


def import_job_start(*, job: ImportJob, commit: bool, background: bool | None = None) -> ImportJob:
    """Check (or import) now for a small file, through the task queue for a large one."""
    if commit and (job.state != ImportState.CHECKED or not (job.report or {}).get("ok", False)):
        raise ValidationError(_("Only a file checked without errors can be imported."))
    if not job.file:
        raise ValidationError(_("The uploaded file was deleted after a few days; upload it again."))
    if background is None:
        background = job.file.size > INLINE_LIMIT_BYTES
    if not background:
        import_job_run(job=job, commit=commit)
        job.refresh_from_db()
        return job
    from dangvu.exchange.tasks import run_import_job

    job.state = ImportState.COMMIT_QUEUED if commit else ImportState.QUEUED
    job.rows_done = 0
    job.heartbeat_at = timezone.now()  # a job no worker picks up goes stale too
    job.save(update_fields=["state", "rows_done", "heartbeat_at"])
    transaction.on_commit(lambda: run_import_job.enqueue(job.pk, commit))
    return job


def import_job_run(*, job: ImportJob, commit: bool) -> services.ImportReport:
    """Run the check or the import, writing the progress, the heartbeat and then the report on the job."""
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportState.COMMITTING if commit else ImportState.CHECKING, rows_done=0, rows_total=None
    )
    with Heartbeat(ImportJob, job.pk) as beat:
        report = _run(job, commit, progress=lambda done, total: beat(rows_done=done, rows_total=total))
    if beat.values:  # the last progress, if it was made inside a transaction
        ImportJob.objects.filter(pk=job.pk).update(**beat.values)
    return _finish(job, report)


def _run(job: ImportJob, commit: bool, *, progress) -> services.ImportReport:
    by = job.created_by
    if not job.file or not job.file.storage.exists(job.file.name):
        return services.ImportReport(
            kind=job.kind, problem=_("The uploaded file was deleted after a few days; upload it again.")
        )
    try:
        table = open_table(job.file.path, name=job.original_name, columns=COLUMN_SETS[job.kind])
    except FileProblem as problem:
        return services.ImportReport(kind=job.kind, problem=problem.message)
    mapping = {int(i): key for i, key in (job.mapping or {}).items()}
    try:
        return services.IMPORTERS[job.kind](table=table, by=by, commit=commit, mapping=mapping, progress=progress)
    except Exception:
        # Every write is in one transaction, so nothing was written; the user gets a message, not an error page.
        logger.exception("import %s failed", job.pk)
        return services.ImportReport(
            kind=job.kind, problem=_("The import stopped on an unexpected error; nothing was written.")
        )


def _finish(job: ImportJob, report: services.ImportReport) -> services.ImportReport:
    data = report.as_dict()
    data["ok"] = report.ok
    if report.committed:
        state = ImportState.DONE
    elif report.problem:
        state = ImportState.FAILED
    else:
        state = ImportState.CHECKED
    ImportJob.objects.filter(pk=job.pk).update(state=state, report=data, finished_at=timezone.now())
    if report.committed:
        # The records now hold the data; the uploaded copy of the personal data is not kept (Decree 13/2023).
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
    return report


def fail_stale_imports(jobs=None) -> int:
    """Mark failed the imports whose worker died (heartbeat stale); the count. `jobs` narrows the rows."""
    rows = (jobs if jobs is not None else ImportJob.objects.all()).filter(stale(RUNNING_STATES))
    problem = _("The background worker stopped before the job finished; nothing was written. Check the file again.")
    return rows.update(
        state=ImportState.FAILED, report={"ok": False, "stale": True, "problem": problem}, finished_at=timezone.now()
    )


def import_job_refresh(job: ImportJob) -> ImportJob:
    """The job as it is now, marked failed first when its worker died."""
    if job.is_running and fail_stale_imports(ImportJob.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    return job


def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Check the file of a job whose worker died again (an import that died wrote nothing: its transaction was
    rolled back). The person then imports it as after any check."""
    if not job.stale_failure:
        raise ValidationError(_("Only a job whose background worker stopped can be retried."))
    job.state = ImportState.UPLOADED
    job.report = None
    job.save(update_fields=["state", "report"])
    return import_job_start(job=job, commit=False)
