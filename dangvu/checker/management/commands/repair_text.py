from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from dangvu.checker.extract import UnreadableFile, read_document
from dangvu.checker.services import document_text, unreadable_message


class Command(BaseCommand):
    help = "Print the text of a report with legacy-font artifacts repaired; lines needing a person go to stderr."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            document = read_document(file)
        except (UnreadableFile, OSError) as error:
            self.stderr.write(unreadable_message(file, error))
            raise SystemExit(2) from None
        self.stdout.write(document_text(document), ending="")
        for flag in document.flags:
            self.stderr.write(
                _("Line %(line)s needs checking by hand: %(text)s") % {"line": flag.line, "text": flag.text}
            )
