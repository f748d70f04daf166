"""Management commands whose refusals are one Vietnamese line on stderr with the command's exit status."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class OneLineErrorCommand(BaseCommand):
    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if options.get("traceback"):
                raise
            sys.stderr.write(_("Error: %(message)s") % {"message": error} + "\n")
            sys.exit(error.returncode)
