"""Document register screens: the list with filters, the issue and receive forms, the detail page, the file."""

import mimetypes
import os

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.documents import forms, selectors, services
from dangvu.documents.models import Direction, Document, IssuerSymbol
from dangvu.lib.forms import apply_service_errors
from dangvu.organizations.selectors import organization_list


def _document_or_404(request, pk: int) -> Document:
    try:
        return selectors.document_get(user=request.user, pk=pk)
    except Document.DoesNotExist as missing:
        raise Http404 from missing


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@tree_user_required
def document_list(request):
    organizations = organization_list(user=request.user, include_ended=False).exclude(kind="cell")
    years = sorted(
        set(selectors.visible_documents(user=request.user).values_list("year", flat=True).distinct()), reverse=True
    )
    form = forms.DocumentFilterForm(request.GET or None, organizations=organizations, years=years)
    filters = selectors.DocumentFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.DocumentFilters(
            q=d["q"], direction=d["direction"], type_code=d["type_code"], year=d["year"], organization=d["organization"]
        )
    page = Paginator(selectors.document_list(user=request.user, filters=filters), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "query": _query_without_page(request)}
    template = "documents/_results.html" if request.htmx and not request.htmx.boosted else "documents/list.html"
    return render(request, template, context)


@editor_required
def document_issue(request):
    organizations = organization_list(user=request.user, include_ended=False)
    initial = {"organization": request.user.organization}
    form = forms.DocumentIssueForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        received=selectors.received_document_choices(user=request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ensure_may_edit(request.user, d["organization"])
        try:
            document = services.document_issue(by=request.user, **d)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Document %(number)s registered.") % {"number": document.number_symbol})
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "title": _("Register an issued document")})


@editor_required
def document_receive(request):
    organizations = organization_list(user=request.user, include_ended=False)
    form = forms.DocumentReceiveForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        initial={"organization": request.user.organization},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ensure_may_edit(request.user, d["organization"])
        try:
            document = services.document_receive(by=request.user, **d)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Document %(number)s registered.") % {"number": document.number_symbol})
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "title": _("Register a received document")})


@tree_user_required
def document_detail(request, pk: int):
    document = _document_or_404(request, pk)
    can_edit = may_edit(request.user, document.organization)
    context = {
        "document": document,
        "can_edit": can_edit,
        "implemented_by": document.implemented_by.select_related("organization").order_by("issued_on"),
        "history": document.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, "documents/detail.html", context)


@editor_required
def document_edit(request, pk: int):
    document = _document_or_404(request, pk)
    ensure_may_edit(request.user, document.organization)
    initial = {
        "subject": document.subject,
        "signer": document.signer,
        "implements": document.implements,
        "implements_text": document.implements_text,
    }
    form = forms.DocumentEditForm(
        request.POST or None,
        request.FILES or None,
        received=selectors.received_document_choices(user=request.user).exclude(pk=document.pk),
        direction=document.direction,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "file"}
        try:
            services.document_update(document=document, by=request.user, data=data, file=form.cleaned_data["file"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "document": document, "title": document.number_symbol})


@tree_user_required
def document_file(request, pk: int):
    """The file, only to those who may see the document; never under a public media URL."""
    document = _document_or_404(request, pk)
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    name = os.path.basename(document.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


@require_POST
@editor_required
def document_delete(request, pk: int):
    document = _document_or_404(request, pk)
    ensure_may_edit(request.user, document.organization)
    try:
        services.document_delete(document=document, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The document was not deleted: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("documents:detail", pk=document.pk)
    messages.success(request, _("The document was deleted. It can be restored from the deleted documents."))
    return redirect("documents:list")


@require_POST
@editor_required
def document_restore(request, pk: int):
    document = get_object_or_404(selectors.deleted_documents(user=request.user), pk=pk)
    services.document_restore(document=document, by=request.user)
    messages.success(request, _("The document was restored."))
    return redirect("documents:detail", pk=document.pk)


@editor_required
def trash(request):
    page = Paginator(selectors.deleted_documents(user=request.user), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "documents/trash.html", {"page": page})


@editor_required
def symbols(request):
    """The symbol each issuing body signs its numbers with (ĐUK, ĐU, CB …)."""
    organizations = organization_list(user=request.user, include_ended=False).exclude(kind="cell")
    form = forms.SymbolForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.issuer_symbol_set(
                organization=form.cleaned_data["organization"], symbol=form.cleaned_data["symbol"], by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("documents:symbols")
    configured = IssuerSymbol.objects.filter(organization__in=organizations).select_related("organization")
    return render(
        request,
        "documents/symbols.html",
        {"form": form, "configured": configured.order_by("organization__path"), "direction": Direction},
    )
