from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.lib.commands import OneLineErrorCommand
from dangvu.organizations.models import Organization
from dangvu.reports.compile import compile_report
from dangvu.reports.docx_writer import write_docx
from dangvu.reports.pdf import PdfUnavailable, docx_to_pdf
from dangvu.reports.periods import Kind, PeriodError
from dangvu.reports.xlsx_writer import write_xlsx


class Command(OneLineErrorCommand):
    help = "Compile a report of the committee (or of an organization) to DOCX, XLSX (the appendix) or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=Kind.ALL)
        parser.add_argument("--org", help="code of the organization (the whole tree when omitted)")
        parser.add_argument("--period", required=True, help="2024-04 | 2024-Q2 | 2024-H1 | 2024-9M | 2024 | 2020-2025")
        parser.add_argument("--output", required=True, help="FILE.docx, FILE.xlsx or FILE.pdf")

    def handle(self, *args, kind, org, period, output, **options):
        path = Path(output)
        suffix = path.suffix.lower()
        if suffix not in (".docx", ".xlsx", ".pdf"):
            raise CommandError(_("The output must end in .docx, .xlsx or .pdf."), returncode=2)
        organization = None
        if org:
            organization = Organization.objects.filter(code=org, deleted_at__isnull=True).first()
            if organization is None:
                raise CommandError(_("No organization has the code %(code)s.") % {"code": org}, returncode=2)
        try:
            compiled = compile_report(kind=kind, period_key=period, organization=organization)
        except PeriodError:
            raise CommandError(
                _("The period %(period)s does not fit a report of this kind.") % {"period": period}, returncode=2
            ) from None
        if suffix == ".xlsx":
            if not compiled.appendix:
                raise CommandError(
                    _("Only mid-term and term-end reports of a term with targets have an appendix."), returncode=2
                )
            data = write_xlsx(compiled)
        else:
            data = write_docx(compiled)
            if suffix == ".pdf":
                try:
                    data = docx_to_pdf(data)
                except PdfUnavailable:
                    raise CommandError(_("LibreOffice is not installed; run make setup."), returncode=2) from None
        path.write_bytes(data)
        self.stdout.write(_("Written: %(path)s") % {"path": path})
