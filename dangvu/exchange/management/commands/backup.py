"""Back up the database and the uploaded files into a new directory, readable by its owner only.

    python manage.py backup --output DIR [--no-media]

SQLite: online backup (the site keeps running); PostgreSQL: pg_dump of one snapshot. DIR gets a
signed manifest with the size and digest of every file and each table's row count and digest,
which `restore` checks before it replaces anything. Import uploads are not backed up.
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.exchange.backup import BackupError, backup
from dangvu.lib.commands import OneLineErrorCommand


class Command(OneLineErrorCommand):
    help = "Back up the database (and uploaded files) into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="A new or empty directory.")
        parser.add_argument("--no-media", action="store_true", help="Leave the uploaded files out.")

    def handle(self, *args, output, no_media, **options):
        try:
            manifest = backup(Path(output), include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from None
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            _("%(tables)s tables, %(rows)s rows, %(files)s files → %(dir)s")
            % {"tables": len(manifest["tables"]), "rows": rows, "files": len(manifest["files"]), "dir": output}
        )
