from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.checker.extract import SUPPORTED_EXTENSIONS
from dangvu.lib.numbers import format_decimal, format_int

MB = 1024 * 1024
DEFAULT_MAX_UPLOAD_BYTES = 20 * MB


def _megabytes(size: int) -> str:
    return format_int(size // MB) if size % MB == 0 else format_decimal(size / MB, 1)


def max_upload_bytes() -> int:
    return getattr(settings, "CHECKER_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label=gettext_lazy("Report file"),
        help_text=gettext_lazy("A .docx, .txt or .pdf file of at most 20 MB."),
        error_messages={"required": gettext_lazy("Choose a report file to check.")},
    )

    def clean_report(self):
        upload = self.cleaned_data["report"]
        if Path(upload.name).suffix.lower() not in SUPPORTED_EXTENSIONS:
            raise forms.ValidationError(_("Only .docx, .txt and .pdf files can be checked."))
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
                % {"size": format_decimal(upload.size / MB, 1), "limit": _megabytes(limit)}
            )
        return upload
