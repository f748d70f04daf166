"""Report screens: drafts pre-filled with figures, section editing with autosave, downloads, reporting rounds."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import committee_staff_required, editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, in_scope, keeps_registry, may_edit, may_open_reporting_round
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, save_form
from dangvu.organizations.models import BASE_KINDS
from dangvu.organizations.selectors import organization_list
from dangvu.reports import selectors, services
from dangvu.reports.compile import compiled_from_report
from dangvu.reports.docx_writer import write_docx
from dangvu.reports.forms import ReportCreateForm, ReportHeaderForm, RoundBoardFilterForm, RoundForm
from dangvu.reports.models import Report, ReportSection, ReportStatus, Round
from dangvu.reports.pdf import PdfUnavailable, docx_to_pdf
from dangvu.reports.xlsx_writer import write_xlsx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_or_404(request, pk: int) -> Report:
    return object_or_404(selectors.report_get, user=request.user, pk=pk)


def _warn(request, report: Report) -> None:
    """The standard sentences that failed while the draft was pre-filled (their default was used)."""
    for warning in getattr(report, "compile_warnings", []):
        messages.warning(request, warning)


@tree_user_required
def report_list(request):
    return render_list(
        request,
        rows=selectors.report_list(user=request.user),
        template="reports/list.html",
        results_template="reports/_results.html",
    )


@editor_required
def report_create(request):
    organizations = organization_list(user=request.user, include_ended=False).exclude(kind="cell")
    form = ReportCreateForm(
        request.POST or None, organizations=organizations, initial={"organization": request.user.organization}
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                organization=form.cleaned_data["organization"],
                kind=form.cleaned_data["kind"],
                period_key=form.cleaned_data["period_key"],
                by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The draft was created and pre-filled with the period's figures."))
            _warn(request, report)
            return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/form.html", {"form": form, "title": _("New report")})


@tree_user_required
def report_detail(request, pk: int):
    report = _report_or_404(request, pk)
    can_edit = report.status == ReportStatus.DRAFT and may_edit(request.user, report.organization)
    header = ReportHeaderForm(initial={f: getattr(report, f) for f in ReportHeaderForm.base_fields})
    sections = list(report.sections.all())
    history = selectors.section_history(report=report)
    empty = [s for s in sections if s.writable and not s.text.strip()] if report.status == ReportStatus.DRAFT else []
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "sections": sections,
            "header": header,
            "can_edit": can_edit,
            "history": history,
            "empty_sections": empty,
        },
    )


@require_POST
@editor_required
def section_save(request, pk: int, key: str):
    report = _report_or_404(request, pk)
    ensure_may_edit(request.user, report.organization)
    section = get_object_or_404(ReportSection, report=report, key=key, writable=True)
    try:
        services.section_save(section=section, text=request.POST.get("text", ""), by=request.user)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400 if not request.htmx else 200)
    stamp = timezone.localtime().strftime("%H:%M:%S")
    if request.htmx:
        return HttpResponse(_("Saved at %(time)s") % {"time": stamp})
    messages.success(request, _("Saved."))
    return redirect("reports:detail", pk=report.pk)


@require_POST
@editor_required
def header_save(request, pk: int):
    report = _report_or_404(request, pk)
    ensure_may_edit(request.user, report.organization)
    form = ReportHeaderForm(request.POST)
    if form.is_valid():
        try:
            services.report_update_header(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
    else:
        messages.error(request, " ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()))
    return redirect("reports:detail", pk=report.pk)


@tree_user_required
def download(request, pk: int, fmt: str):
    report = _report_or_404(request, pk)
    compiled = compiled_from_report(report)
    name = f"bao-cao-{report.kind}-{report.period_key}"
    if fmt == "xlsx":
        if not compiled.appendix:
            raise Http404
        response = HttpResponse(write_xlsx(compiled), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}-phu-luc.xlsx"'
        return response
    data = write_docx(compiled)
    if fmt == "pdf":
        try:
            data = docx_to_pdf(data)
        except PdfUnavailable:
            messages.error(request, _("PDF needs LibreOffice on the server; download the DOCX instead."))
            return redirect("reports:detail", pk=report.pk)
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    if fmt != "docx":
        raise Http404
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


@require_POST
@editor_required
def submit(request, pk: int):
    report = _report_or_404(request, pk)
    ensure_may_edit(request.user, report.organization)
    empty = report.empty_sections()
    if empty and report.status == ReportStatus.DRAFT and request.POST.get("confirm") != "1":
        return render(request, "reports/submit_confirm.html", {"report": report, "empty": empty})
    try:
        services.report_submit(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report was submitted; its figures are frozen."))
    return redirect("reports:detail", pk=report.pk)


@require_POST
@editor_required
def new_version(request, pk: int):
    report = _report_or_404(request, pk)
    ensure_may_edit(request.user, report.organization)
    copy = services.report_new_version(report=report, by=request.user)
    messages.success(request, _("Version %(n)d was started from the submitted report.") % {"n": copy.version})
    return redirect("reports:detail", pk=copy.pk)


delete = delete_view(
    get=_report_or_404,
    delete=lambda report, by: services.report_delete(report=report, by=by),
    message=gettext_lazy("The draft was deleted."),
    then="reports:list",
    refused_then="reports:detail",
)


# --- reporting rounds -----------------------------------------------------------------------------------------


def _round_or_404(request, pk: int) -> Round:
    return object_or_404(selectors.round_get, user=request.user, pk=pk)


@tree_user_required
def round_list(request):
    context = {
        "rounds": selectors.round_list(user=request.user),
        "can_open_round": may_open_reporting_round(request.user),
    }
    return render(request, "reports/rounds.html", context)


@editor_required
def round_create(request):
    base = organization_list(user=request.user, include_ended=False).filter(kind__in=BASE_KINDS)
    form = RoundForm(request.POST or None, organizations=base, initial={"participants": list(base)})

    def open_round(d):
        return services.round_open(organization=request.user.organization, by=request.user, **d)

    saved = save_form(request, form, open_round, message=_("The reporting round was opened."), then="reports:round")
    return saved or render(request, "reports/form.html", {"form": form, "title": _("Open a reporting round")})


@tree_user_required
def round_detail(request, pk: int):
    round_ = _round_or_404(request, pk)
    board = selectors.round_board(round_=round_, user=request.user, today=timezone.localdate())
    form = RoundBoardFilterForm(request.GET or None, user=request.user)
    rows = selectors.filter_board(board, form.filters())
    is_owner = in_scope(request.user, round_.organization)
    return render_list(
        request,
        rows=rows,
        template="reports/round.html",
        results_template="reports/_round_results.html",
        form=form,
        export=ROUND_BOARD_EXPORT,
        context={
            "round": round_,
            "rows": rows,
            "counts": selectors.board_counts(board),
            "is_owner": is_owner,
            "submitted": sum(1 for r in board if r["state"] == "submitted"),
            "asked": round_.participants.count(),
            "shown_of": len(board),
            "can_compile": is_owner and keeps_registry(request.user),
        },
    )


ROUND_BOARD_EXPORT = Export(
    title=_("Reporting round"),
    filename="dot-bao-cao",
    columns=(
        ExportColumn("organization", _("Base organization"), value=lambda r: r["organization"].name, width=48),
        ExportColumn("code", _("Code"), value=lambda r: r["organization"].code, width=12),
        ExportColumn("state", _("Status"), value=lambda r: r["label"], width=16),
    ),
)


@require_POST
@editor_required
def round_start(request, pk: int, org_pk: int):
    """A secretary starts their organization's report for the round, pre-filled with their own figures."""
    round_ = _round_or_404(request, pk)
    organization = get_object_or_404(round_.participants, pk=org_pk)
    ensure_may_edit(request.user, organization)
    existing = round_.reports.filter(organization=organization, deleted_at__isnull=True).order_by("-version").first()
    if existing:
        return redirect("reports:detail", pk=existing.pk)
    report = services.report_create(
        organization=organization, kind=round_.kind, period_key=round_.period_key, by=request.user, round=round_
    )
    _warn(request, report)
    return redirect("reports:detail", pk=report.pk)


@require_POST
@editor_required
def round_compile(request, pk: int):
    round_ = _round_or_404(request, pk)
    if not in_scope(request.user, round_.organization):
        raise PermissionDenied
    submitted, asked = services.round_progress(round_)
    if 0 < submitted < asked and request.POST.get("confirm") != "1":
        # Figures summed from some reports only read as the committee's: the clerk decides knowingly.
        return render(
            request, "reports/compile_confirm.html", {"round": round_, "submitted": submitted, "asked": asked}
        )
    if submitted > services.BACKGROUND_THRESHOLD:
        from dangvu.reports.jobs import compile_job_start

        job = compile_job_start(round_=round_, by=request.user)
        return redirect("reports:compile_job", pk=job.pk)
    try:
        report = services.round_compile(round_=round_, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:round", pk=round_.pk)
    messages.success(request, _("The aggregate report was compiled from the submitted reports."))
    _warn(request, report)
    return redirect("reports:detail", pk=report.pk)


def _compile_job_or_404(request, pk: int):
    from dangvu.reports.models import CompileJob

    job = get_object_or_404(CompileJob.objects.select_related("round"), pk=pk)
    if not in_scope(request.user, job.round.organization):
        raise Http404
    return job


@tree_user_required
def compile_job(request, pk: int):
    from dangvu.reports.jobs import compile_job_refresh

    job = compile_job_refresh(_compile_job_or_404(request, pk))
    template = "reports/_job.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": job})


@require_POST
@editor_required
def compile_job_retry(request, pk: int):
    """Start again a compilation whose worker stopped (or that failed)."""
    from dangvu.reports.jobs import compile_job_refresh, compile_job_retry

    job = compile_job_refresh(_compile_job_or_404(request, pk))
    try:
        compile_job_retry(job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:compile_job", pk=job.pk)


# --- sentence templates -----------------------------------------------------------------------------------------


@committee_staff_required
def sentences(request):
    from dangvu.reports.models import SentenceTemplate
    from dangvu.reports.sentence_labels import kinds_label, section_label, sentence_label

    rows = [
        {
            "sentence": s,
            "label": sentence_label(s.key),
            "section": section_label(s.section),
            "kinds": kinds_label(s.kinds),
        }
        for s in SentenceTemplate.objects.order_by("section", "order")
    ]
    return render(request, "reports/sentences.html", {"rows": rows})


@committee_staff_required
def sentence_edit(request, pk: int):
    from dangvu.reports.forms import SentenceForm
    from dangvu.reports.models import SentenceTemplate
    from dangvu.reports.sentence_labels import section_label, sentence_label

    sentence = get_object_or_404(SentenceTemplate, pk=pk)
    form = SentenceForm(request.POST or None, initial={"text": sentence.text, "kinds": sentence.kinds})
    saved = save_form(
        request,
        form,
        lambda d: services.sentence_save(sentence=sentence, by=request.user, **d),
        message=_("Saved."),
        then=lambda _sentence: reverse("reports:sentences"),
    )
    return saved or render(
        request,
        "reports/sentence_form.html",
        {
            "form": form,
            "sentence": sentence,
            "label": sentence_label(sentence.key),
            "section": section_label(sentence.section),
            "history": history_of(sentence),
        },
    )


@require_POST
@committee_staff_required
def sentence_reset(request, pk: int):
    from dangvu.reports.models import SentenceTemplate

    sentence = get_object_or_404(SentenceTemplate, pk=pk)
    services.sentence_reset(sentence=sentence, by=request.user)
    messages.success(request, _("The default sentence was restored."))
    return redirect("reports:sentence_edit", pk=sentence.pk)


@require_POST
@editor_required
def take_number(request, pk: int):
    report = _report_or_404(request, pk)
    ensure_may_edit(request.user, report.organization)
    try:
        services.report_take_number(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report was registered as %(number)s.") % {"number": report.number})
    return redirect("reports:detail", pk=report.pk)
