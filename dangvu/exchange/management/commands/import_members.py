"""Import party members from an XLSX (register template) or CSV file, synchronously.

    python manage.py import_members FILE [--dry-run] [--user USERNAME]

Exits with status 1 when any row is bad (each reported as "dòng N"), and then writes nothing; with status 2
when the file itself is refused (unreadable, or beyond the limits of lib/untrusted_files.py).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from dangvu.accounts.models import User
from dangvu.exchange.columns import MEMBER_COLUMNS
from dangvu.exchange.reading import FileProblem, open_table
from dangvu.exchange.services import import_members


class Command(BaseCommand):
    help = "Import party members from an XLSX or CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")
        parser.add_argument(
            "--user", help="Act as this user (their part of the tree, recorded in the history); default: whole tree."
        )

    def handle(self, *args, file, dry_run, user=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        by = None
        if user:
            by = User.objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"No such user: {user}")
        with translation.override(settings.LANGUAGE_CODE):
            try:
                table = open_table(path, name=path.name, columns=MEMBER_COLUMNS)
            except FileProblem as problem:
                self.stderr.write(problem.message)
                raise SystemExit(2) from problem
            report = import_members(table=table, by=by, commit=not dry_run)
            for line in report.lines():
                self.stderr.write(line)
            summary = translation.gettext(
                "%(rows)s rows: %(created)s to create, %(updated)s to update, %(skipped)s unchanged, %(bad)s bad."
            ) % {
                "rows": report.rows,
                "created": report.created,
                "updated": report.updated,
                "skipped": report.skipped,
                "bad": report.bad_rows,
            }
            self.stdout.write(summary)
            if not report.ok:
                self.stderr.write(translation.gettext("Nothing was written."))
                raise SystemExit(1)
            if report.committed:
                self.stdout.write(translation.gettext("The file was imported."))
