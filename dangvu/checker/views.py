import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from dangvu.accounts.policy import works_on_tree
from dangvu.checker.forms import ReportUploadForm
from dangvu.checker.presentation import document_view
from dangvu.checker.services import UnreadableFile, check_report_file, unreadable_message


def ensure_can_check(user) -> None:
    """Everyone who works on a subtree; not member accounts (their pages have no report work)."""
    if not works_on_tree(user):
        raise PermissionDenied


@login_required
@require_GET
def upload(request):
    ensure_can_check(request.user)
    return render(request, "checker/upload.html", {"form": ReportUploadForm()})


@login_required
@require_POST
def check(request):
    ensure_can_check(request.user)
    form = ReportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "checker/upload.html", {"form": form}, status=400)
    upload_file = form.cleaned_data["report"]
    suffix = Path(upload_file.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload_file.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            result = check_report_file(path=handle.name, name=upload_file.name)
        except UnreadableFile as error:
            form.add_error("report", unreadable_message(upload_file.name, error))
            return render(request, "checker/upload.html", {"form": form}, status=400)
    context = {"form": ReportUploadForm(), "result": result, "view": document_view(result)}
    return render(request, "checker/upload.html", context)
