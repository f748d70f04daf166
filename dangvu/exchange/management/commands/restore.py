"""Replace the database (and uploaded files) with a backup made by `backup`, after verifying all of it.

python manage.py restore DIR [--noinput] [--no-media]

Nothing live is touched until the whole backup has been checked against its signed manifest
(see exchange/backup.py). A backup that cannot be read or differs from its manifest is refused with
one line on stderr and exit status 2; the live database and files stay exactly as they were.
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.exchange.backup import BackupError, restore
from dangvu.lib.commands import OneLineErrorCommand


class Command(OneLineErrorCommand):
    help = "Restore the database (and uploaded files) from a backup directory, after verifying all of it."

    def add_arguments(self, parser):
        parser.add_argument("source")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--no-media", action="store_true", help="Leave the uploaded files as they are.")

    def handle(self, *args, source, interactive, no_media, **options):
        if interactive:
            answer = input(
                _("This replaces ALL current data with the backup in %(dir)s. Type 'yes' to continue: ")
                % {"dir": source}
            )
            if answer.strip().lower() != "yes":
                raise CommandError(_("Restore cancelled."), returncode=2)
        try:
            manifest = restore(Path(source), include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(
            _("Restored %(tables)s tables from the backup of %(created)s; every table and file was verified.")
            % {"tables": len(manifest["tables"]), "created": manifest["created_at"]}
        )
