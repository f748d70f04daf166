"""Back up the database and the uploaded files into a new directory.

    python manage.py backup --output DIR [--no-media]

SQLite: online backup (the site keeps running); PostgreSQL: pg_dump. DIR gets a manifest with
each table's row count and digest, which `restore` checks.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (and uploaded files) into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="A new or empty directory.")
        parser.add_argument("--no-media", action="store_true", help="Leave the uploaded files out.")

    def handle(self, *args, output, no_media, **options):
        try:
            manifest = backup(Path(output), include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(f"{len(manifest['tables'])} tables, {rows} rows → {output}")
