import json

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from dangvu.checker.services import UnreadableFile, check_report_file, findings_as_text, unreadable_message


class Command(BaseCommand):
    help = "Check a report (.docx, .txt, .pdf): totals, percentages, figures quoted twice, impossible dates."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, file, format, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            result = check_report_file(path=file)
        except (UnreadableFile, OSError) as error:
            self.stderr.write(unreadable_message(file, error))
            raise SystemExit(2) from None
        if format == "json":
            payload = [finding.as_dict() for finding in result.findings]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(findings_as_text(result), ending="")
