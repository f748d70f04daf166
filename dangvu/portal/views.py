"""The member portal's own pages: home, my record with correction requests, my party life, and the handling of
correction requests by the cell secretary (phone) and the office (screen kit list)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts import policy
from dangvu.accounts.decorators import (
    cell_secretary_required,
    editor_required,
    login_required,
    portal_account_required,
)
from dangvu.accounts.models import Purpose
from dangvu.accounts.services import sensitive_access_log
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import Export, ExportColumn, object_or_404, render_list
from dangvu.members.forms import SENSITIVE_FIELDS
from dangvu.portal import forms, record, selectors, services
from dangvu.portal.cards import cards_for
from dangvu.portal.models import CORRECTABLE_FIELDS, CorrectionState


def _me(request):
    """The member behind the portal account (404 if their record was deleted as entered by mistake)."""
    return object_or_404(selectors.my_member, user=request.user)


@portal_account_required
def home(request):
    member = _me(request)
    cards = cards_for(request.user)
    return render(
        request,
        "portal/home.html",
        {
            "member": member,
            "cell": policy.secretary_cell(request.user),
            "member_cards": [c for c in cards if not c.for_secretary],
            "secretary_cards": [c for c in cards if c.for_secretary],
        },
    )


# My record ---------------------------------------------------------------------------------------------------


@portal_account_required
def my_record(request):
    member = _me(request)
    events = selectors.record_events(member=member)
    corrections = selectors.my_corrections(member=member)
    pending = {c.field for c in corrections if c.is_pending}
    return render(
        request,
        "portal/record.html",
        {
            "member": member,
            "sections": record.sections(member, events=events, pending=pending),
            "posts": selectors.current_posts(member=member),
            "events": [record.event_line(e) for e in events],
            "open_corrections": [c for c in corrections if c.is_pending],
            "correction_count": len(corrections),
        },
    )


@portal_account_required
def correction_create(request, field: str):
    if field not in CORRECTABLE_FIELDS:
        raise Http404
    member = _me(request)
    form = forms.CorrectionForm(request.POST or None, member=member, field=field)
    if request.method == "POST" and form.is_valid():
        try:
            services.correction_request(
                member=member,
                field=field,
                proposed_value=form.cleaned_data["proposed_value"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your request was sent to your cell's secretary."))
            return redirect("portal:corrections")
    return render(
        request,
        "portal/correction_form.html",
        {
            "form": form,
            "label": services.field_label(field),
            "current": services.display_value(field, services.stored_text(member, field)),
        },
    )


@portal_account_required
def my_corrections(request):
    member = _me(request)
    return render(
        request,
        "portal/corrections.html",
        {"rows": [record.correction_row(c) for c in selectors.my_corrections(member=member)]},
    )


@require_POST
@portal_account_required
def correction_withdraw(request, pk: int):
    correction = object_or_404(selectors.my_correction_get, user=request.user, pk=pk)
    if not policy.may_withdraw_correction(request.user, correction):
        messages.error(request, _("This request is no longer pending."))
        return redirect("portal:corrections")
    try:
        services.correction_withdraw(correction=correction, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request was withdrawn."))
    return redirect("portal:corrections")


# My party life -------------------------------------------------------------------------------------------------


@portal_account_required
def party_life(request):
    member = _me(request)
    today = timezone.localdate()
    life = selectors.party_life(member=member, today=today)
    context = {"member": member, "life": life, "today": today, "badge_soon": selectors.badge_soon(member, today)}
    return render(request, "portal/party_life.html", context)


# Handling: the cell secretary on a phone, the office on the screen kit --------------------------------------------


@cell_secretary_required
def cell_corrections(request):
    rows = selectors.corrections_to_handle(user=request.user).select_related("handled_by")
    pending = [record.correction_row(c) for c in rows.filter(state=CorrectionState.PENDING).order_by("created_at")]
    handled = [record.correction_row(c) for c in rows.exclude(state=CorrectionState.PENDING)[:20]]
    return render(
        request,
        "portal/cell_corrections.html",
        {"pending": pending, "handled": handled, "cell": policy.secretary_cell(request.user)},
    )


def _handler(user) -> bool:
    return policy.secretary_cell(user) is not None or policy.keeps_registry(user)


@login_required
def correction_handle(request, pk: int):
    if not _handler(request.user):
        raise PermissionDenied
    correction = object_or_404(selectors.correction_to_handle, user=request.user, pk=pk)
    if not policy.may_handle_correction(request.user, correction):
        raise PermissionDenied
    on_phone = policy.secretary_cell(request.user) is not None
    back = "portal:cell_corrections" if on_phone else "portal:office_corrections"
    form = forms.HandleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "accept":
                services.correction_accept(
                    correction=correction, by=request.user, response=form.cleaned_data["response"]
                )
                messages.success(request, _("The correction was written to the member's record."))
            elif action == "reject":
                services.correction_reject(
                    correction=correction, by=request.user, response=form.cleaned_data["response"]
                )
                messages.success(request, _("The request was rejected; the member sees your answer."))
            else:
                raise ValidationError(_("Choose to accept or to reject the request."))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(back)
    if correction.field in SENSITIVE_FIELDS:
        sensitive_access_log(
            user=request.user, purpose=Purpose.MEMBER_DETAIL, fields=[correction.field], member=correction.member
        )
    context = {"form": form, "row": record.correction_row(correction), "correction": correction, "back": back}
    template = "portal/correction_handle.html" if on_phone else "portal/office_correction.html"
    return render(request, template, context)


CORRECTION_EXPORT = Export(
    title=gettext_lazy("Correction requests of members' records"),
    columns=(
        ExportColumn("created_at", gettext_lazy("Sent on"), value=lambda r: timezone.localdate(r.created_at), width=12),
        ExportColumn("member.full_name", gettext_lazy("Member"), width=28),
        ExportColumn("cell", gettext_lazy("Cell"), value=lambda r: str(r.member.last_organization or ""), width=28),
        ExportColumn(
            "field", gettext_lazy("Field of the record"), value=lambda r: services.field_label(r.field), width=22
        ),
        ExportColumn(
            "current_value",
            gettext_lazy("Value recorded"),
            value=lambda r: services.display_value(r.field, r.current_value),
            width=24,
            sensitive=True,  # may be an ethnicity or a religion
        ),
        ExportColumn(
            "proposed_value",
            gettext_lazy("Proposed value"),
            value=lambda r: services.display_value(r.field, r.proposed_value),
            width=24,
            sensitive=True,
        ),
        ExportColumn("state", gettext_lazy("State"), value=lambda r: r.get_state_display(), width=12),
        ExportColumn("handled_by", gettext_lazy("Handled by"), value=lambda r: str(r.handled_by or ""), width=18),
        ExportColumn("response", gettext_lazy("Answer"), width=30),
    ),
)


@editor_required
def office_corrections(request):
    form = forms.CorrectionFilterForm(request.GET or None, user=request.user)
    rows = selectors.correction_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        rows=rows,
        template="portal/office_corrections.html",
        results_template="portal/office_corrections_results.html",
        form=form,
        export=CORRECTION_EXPORT,
        load_page=lambda page_rows: [record.correction_row(c) for c in page_rows],
    )
