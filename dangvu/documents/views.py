"""Document register screens: the list with filters (lib.screens), the issue and receive forms, the detail page,
the file, delete and restore."""

import mimetypes
import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import (
    cell_secretary_required,
    editor_required,
    portal_account_required,
    tree_user_required,
)
from dangvu.accounts.policy import (
    ensure_may_edit,
    may_edit,
    may_send_document,
    may_send_document_to,
    portal_member,
    secretary_cell,
)
from dangvu.documents import forms, selectors, services
from dangvu.documents.models import Direction, IssuerSymbol, Receipt
from dangvu.lib import screens
from dangvu.lib.numbers import format_int
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.organizations.selectors import organization_list

EXPORT = Export(
    title=gettext_lazy("Documents issued and received"),
    columns=(
        ExportColumn("number_symbol", gettext_lazy("Number and symbol"), width=20),
        ExportColumn("issued_on", gettext_lazy("Date issued"), width=12),
        ExportColumn("subject", gettext_lazy("Subject line"), width=50),
        ExportColumn("organization.name", gettext_lazy("Organization"), width=32),
        ExportColumn("sender", gettext_lazy("Issued by"), width=24),
        ExportColumn("direction", gettext_lazy("Direction"), value=lambda d: d.get_direction_display(), width=12),
    ),
)


@tree_user_required
def document_list(request):
    form = forms.DocumentFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.document_list(user=request.user, filters=form.filters()),
        template="documents/list.html",
        results_template="documents/_results.html",
        form=form,
        export=EXPORT,
    )


def _register(request, form_class, register, title, **form_kwargs):
    """An issued or received document's registration form: the same screen for both directions."""
    form = form_class(
        request.POST or None,
        request.FILES or None,
        organizations=organization_list(user=request.user, include_ended=False),
        initial={"organization": request.user.organization},
        **form_kwargs,
    )
    saved = screens.save_form(
        request,
        form,
        lambda d: register(by=request.user, **d),
        check=lambda d: ensure_may_edit(request.user, d["organization"]),
        message=lambda document: _("Document %(number)s registered.") % {"number": document.number_symbol},
        then="documents:detail",
    )
    return saved or render(request, "documents/form.html", {"form": form, "title": title})


@editor_required
def document_issue(request):
    received = selectors.received_document_choices(user=request.user)
    title = _("Register an issued document")
    return _register(request, forms.DocumentIssueForm, services.document_issue, title, received=received)


@editor_required
def document_receive(request):
    return _register(request, forms.DocumentReceiveForm, services.document_receive, _("Register a received document"))


@tree_user_required
def document_detail(request, pk: int):
    document = object_or_404(selectors.document_get, user=request.user, pk=pk)
    can_edit = may_edit(request.user, document)
    shares = selectors.read_shares(user=request.user, document=document)
    context = {
        "document": document,
        "can_edit": can_edit,
        "can_send": may_send_document(request.user, document),
        "distributions": selectors.distributions_of(document=document),
        "shares": shares,
        "total_share": selectors.ReadShare(None, sum(s.sent for s in shares), sum(s.read for s in shares)),
        "implemented_by": document.implemented_by.select_related("organization").order_by("issued_on"),
        "history": history_of(document),
    }
    return render(request, "documents/detail.html", context)


@editor_required
def document_edit(request, pk: int):
    document = object_or_404(selectors.document_get, user=request.user, pk=pk)
    ensure_may_edit(request.user, document)
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
    saved = screens.save_form(
        request,
        form,
        lambda d: services.document_update(
            document=document, by=request.user, data={k: v for k, v in d.items() if k != "file"}, file=d["file"]
        ),
        message=_("Saved."),
        then="documents:detail",
    )
    context = {"form": form, "document": document, "title": document.number_symbol}
    return saved or render(request, "documents/form.html", context)


@tree_user_required
def document_file(request, pk: int):
    """The file, only to those who may see the document; never under a public media URL."""
    document = object_or_404(selectors.document_get, user=request.user, pk=pk)
    return _file_response(document)


def _file_response(document):
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    name = os.path.basename(document.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


document_delete = delete_view(
    get=lambda request, pk: object_or_404(selectors.document_get, user=request.user, pk=pk),
    delete=lambda document, by: services.document_delete(document=document, by=by),
    message=gettext_lazy("The document was deleted. It can be restored from the deleted documents."),
    then="documents:list",
    refused=gettext_lazy("The document was not deleted: %(reason)s"),
    refused_then="documents:detail",
)
document_restore = restore_view(
    get=lambda request, pk: object_or_404(selectors.deleted_document_get, user=request.user, pk=pk),
    restore=lambda document, by: services.document_restore(document=document, by=by),
    message=gettext_lazy("The document was restored."),
    refused=gettext_lazy("The document was not restored: %(reason)s"),
    then="documents:detail",
    refused_then="documents:trash",
)


@editor_required
def trash(request):
    rows = selectors.deleted_documents(user=request.user)
    return render_list(request, rows=rows, template="documents/trash.html", results_template="documents/_trash.html")


@editor_required
def symbols(request):
    """The symbol each issuing body signs its numbers with (ĐUK, ĐU, CB …)."""
    organizations = organization_list(user=request.user, include_ended=False).exclude(kind="cell")
    form = forms.SymbolForm(request.POST or None, organizations=organizations)
    saved = screens.save_form(
        request,
        form,
        lambda d: services.issuer_symbol_set(organization=d["organization"], symbol=d["symbol"], by=request.user),
        message=_("Saved."),
        then=lambda _symbol: "documents:symbols",
    )
    if saved:
        return saved
    configured = IssuerSymbol.objects.filter(organization__in=organizations).select_related("organization")
    return render(
        request,
        "documents/symbols.html",
        {"form": form, "configured": configured.order_by("organization__path"), "direction": Direction},
    )


# Documents sent to members, read receipts (issue 17 point 4) ---------------------------------------------------

UNREAD_EXPORT = Export(
    title=gettext_lazy("Members who have not read the document"),
    columns=(
        ExportColumn("member.full_name", gettext_lazy("Full name"), width=30),
        ExportColumn("organization.name", gettext_lazy("Cell"), width=36),
        ExportColumn("sent_on", gettext_lazy("Date sent"), width=12),
    ),
)


@editor_required
def document_send(request, pk: int):
    """The office sends the document to the members of organizations of its subtree."""
    document = object_or_404(selectors.document_get, user=request.user, pk=pk)
    if not may_send_document(request.user, document):
        raise PermissionDenied
    form = forms.SendForm(request.POST or None, user=request.user)

    def check(data):
        if not all(may_send_document_to(request.user, o) for o in data["organizations"]):
            raise PermissionDenied

    def send(data):
        return services.document_send(
            document=document,
            organizations=data["organizations"],
            include_subtree=data["include_subtree"],
            sender=document.organization,
            by=request.user,
        )

    saved = screens.save_form(
        request,
        form,
        send,
        check=check,
        message=lambda d: _("Sent to %(count)s members.") % {"count": format_int(d.readers)},
        then=lambda d: reverse("documents:detail", kwargs={"pk": document.pk}),
    )
    context = {"form": form, "document": document, "title": _("Send to members")}
    return saved or render(request, "documents/send.html", context)


@tree_user_required
def document_unread(request, pk: int):
    """Who was sent the document and has not read it yet (the office's list, exportable)."""
    document = object_or_404(selectors.document_get, user=request.user, pk=pk)
    return render_list(
        request,
        rows=selectors.unread_receipts(user=request.user, document=document),
        template="documents/unread.html",
        results_template="documents/_unread.html",
        export=UNREAD_EXPORT,
        context={"document": document},
    )


def _my_receipt(request, pk: int):
    try:
        return selectors.my_receipt_get(member=portal_member(request.user), document_pk=pk)
    except Receipt.DoesNotExist as missing:
        raise Http404 from missing


@portal_account_required
def my_documents(request):
    """The documents sent to me, unread first."""
    member = portal_member(request.user)
    receipts = selectors.my_receipts(member=member)
    page = Paginator(receipts, 25).get_page(request.GET.get("page"))
    return render(request, "documents/portal/list.html", {"page": page})


@portal_account_required
def my_document(request, pk: int):
    receipt = _my_receipt(request, pk)
    cell = secretary_cell(request.user)
    context = {"receipt": receipt, "document": receipt.document, "cell": cell}
    return render(request, "documents/portal/detail.html", context)


@portal_account_required
def my_document_file(request, pk: int):
    """The file of a document sent to THIS member; any other document answers 404."""
    return _file_response(_my_receipt(request, pk).document)


@require_POST
@portal_account_required
def my_document_read(request, pk: int):
    """ "Tôi đã đọc": the receipt records the first tap; a second changes nothing."""
    receipt = _my_receipt(request, pk)
    was_unread = receipt.read_at is None
    services.receipt_mark_read(receipt=receipt)
    if was_unread:
        messages.success(request, _("Thank you: your reading is recorded."))
    return redirect("documents:my_detail", pk=pk)


@require_POST
@cell_secretary_required
def my_document_send_to_cell(request, pk: int):
    """A cell secretary forwards a document they were sent to the members of their cell."""
    receipt = _my_receipt(request, pk)
    cell = secretary_cell(request.user)
    if not (may_send_document(request.user, receipt.document) and may_send_document_to(request.user, cell)):
        raise PermissionDenied
    try:
        distribution = services.document_send(
            document=receipt.document, organizations=[cell], include_subtree=False, sender=cell, by=request.user
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Sent to %(count)s members.") % {"count": format_int(distribution.readers)})
    return redirect("documents:my_detail", pk=pk)
