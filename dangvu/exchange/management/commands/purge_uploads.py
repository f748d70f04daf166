"""Delete the uploaded import files (personal data) that are no longer needed; mark dead jobs failed.

    python manage.py purge_uploads

Run it daily from cron; it is safe at any time and as often as wanted. Imported files are deleted at
once by the import itself; this deletes the others after DANGVU_UPLOAD_RETENTION_DAYS (default 7).
"""

from django.utils.translation import gettext as _

from dangvu.exchange.retention import purge_uploads
from dangvu.lib.commands import OneLineErrorCommand


class Command(OneLineErrorCommand):
    help = "Delete uploaded import files older than DANGVU_UPLOAD_RETENTION_DAYS; mark dead background jobs failed."

    def handle(self, *args, **options):
        from dangvu.reports.jobs import fail_stale_compile_jobs

        compile_jobs = fail_stale_compile_jobs()
        purged = purge_uploads()
        self.stdout.write(
            _("%(jobs)s stopped jobs marked failed, %(files)s uploaded files deleted.")
            % {"jobs": purged.stale_jobs + compile_jobs, "files": purged.files + purged.orphans}
        )
