"""Screens of the exchange app: upload, column mapping, the check report, the import, and the exports."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.exchange import exporting, jobs
from dangvu.exchange.columns import COLUMN_SETS
from dangvu.exchange.forms import MappingForm, UploadForm
from dangvu.exchange.models import ImportJob, ImportKind, ImportState
from dangvu.lib.dates import format_short
from dangvu.lib.forms import apply_service_errors
from dangvu.members.forms import MemberFilterForm
from dangvu.members.selectors import member_list
from dangvu.organizations.forms import AsOfForm
from dangvu.organizations.selectors import organization_tree

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
RECENT_JOBS = 10


def _own_job_or_404(request, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, pk=pk, created_by=request.user)


@editor_required
def index(request):
    jobs.fail_stale_imports(ImportJob.objects.filter(created_by=request.user))
    recent = ImportJob.objects.filter(created_by=request.user)[:RECENT_JOBS]
    return render(request, "exchange/index.html", {"form": UploadForm(), "jobs": recent})


@require_POST
@editor_required
def upload(request):
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            job = jobs.import_job_create(
                by=request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if not jobs.mapping_complete(job):
                return redirect("exchange:mapping", pk=job.pk)
            jobs.import_job_start(job=job, commit=False)
            return redirect("exchange:job", pk=job.pk)
    recent = ImportJob.objects.filter(created_by=request.user)[:RECENT_JOBS]
    return render(request, "exchange/index.html", {"form": form, "jobs": recent}, status=400)


@editor_required
def mapping(request, pk: int):
    job = _own_job_or_404(request, pk)
    if job.state not in (ImportState.UPLOADED, ImportState.CHECKED, ImportState.FAILED):
        return redirect("exchange:job", pk=job.pk)
    form = MappingForm(request.POST or None, headers=job.headers, kind=job.kind, initial_mapping=job.mapping)
    if request.method == "POST" and form.is_valid():
        jobs.import_job_map(job=job, mapping=form.mapping())
        jobs.import_job_start(job=job, commit=False)
        return redirect("exchange:job", pk=job.pk)
    return render(request, "exchange/mapping.html", {"job": job, "form": form})


@editor_required
def job(request, pk: int):
    job = jobs.import_job_refresh(_own_job_or_404(request, pk))
    context = {"job": job, "report": job.report or {}}
    if request.htmx:
        return render(request, "exchange/_job_status.html", context)
    return render(request, "exchange/job.html", context)


@require_POST
@editor_required
def commit(request, pk: int):
    job = _own_job_or_404(request, pk)
    try:
        job = jobs.import_job_start(job=job, commit=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("exchange:job", pk=job.pk)
    if job.state == ImportState.DONE:
        messages.success(request, _("The file was imported."))
    return redirect("exchange:job", pk=job.pk)


@require_POST
@editor_required
def retry(request, pk: int):
    """Check again the file of a job whose background worker stopped."""
    job = jobs.import_job_refresh(_own_job_or_404(request, pk))
    try:
        jobs.import_job_retry(job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("exchange:job", pk=job.pk)


@editor_required
def template(request, kind: str):
    """An empty workbook with the column titles of the register, to fill in and import."""
    if kind not in COLUMN_SETS:
        raise Http404
    columns = [c for c in COLUMN_SETS[kind] if not c.export_only]
    title = exporting.member_title() if kind == ImportKind.MEMBERS else exporting.organization_title()
    out = io.BytesIO()
    exporting.write_xlsx(out, columns, [], title=title, subtitle=_("Template: fill in one row per record."))
    name = _("template-members") if kind == ImportKind.MEMBERS else _("template-organizations")
    return _download(out.getvalue(), f"{name}.xlsx", "xlsx")


def _download(data: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _format(request) -> str:
    fmt = request.GET.get("format", "xlsx")
    if fmt not in CONTENT_TYPES:
        raise Http404
    return fmt


@tree_user_required
def export_members(request):
    fmt = _format(request)
    filters = MemberFilterForm(request.GET or None, user=request.user).filters()
    members = member_list(user=request.user, filters=filters)
    query = request.GET.copy()
    query.pop("format", None)
    data = exporting.export_members_for(
        user=request.user, members=members, fmt=fmt, scope=query.urlencode(), organization=filters.organization
    )
    name = _("party-members")
    return _download(data, f"{name}-{timezone.localdate():%Y%m%d}.{fmt}", fmt)


@tree_user_required
def export_organizations(request):
    """The organization tree as the tree page shows it (as of a date when one is given)."""
    fmt = _format(request)
    on = AsOfForm(request.GET or None).day()
    out = io.BytesIO()
    columns = exporting.organization_columns()
    data = exporting.organization_rows(organization_tree(user=request.user, on=on))
    if fmt == "csv":
        exporting.write_csv(out, columns, data)
    else:
        subtitle = _("The tree as of %(date)s") % {"date": format_short(on)}
        exporting.write_xlsx(out, columns, data, title=exporting.organization_title(), subtitle=subtitle)
    name = _("party-organizations")
    return _download(out.getvalue(), f"{name}-{on:%Y%m%d}.{fmt}", fmt)
