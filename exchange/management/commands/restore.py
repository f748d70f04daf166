"""Replace the database (and uploaded files) with a backup made by `backup`, then verify every table.

python manage.py restore DIR [--noinput] [--no-media]
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database (and uploaded files) from a backup directory."

    def add_arguments(self, parser):
        parser.add_argument("source")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--no-media", action="store_true", help="Leave the uploaded files as they are.")

    def handle(self, *args, source, interactive, no_media, **options):
        if interactive:
            answer = input(f"This replaces ALL current data with the backup in {source}. Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore(Path(source), include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables from the backup of {manifest['created_at']}; all identical."
        )
