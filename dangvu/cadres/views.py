"""Cadre-work screens: conclusions on the political standard, committee appointments."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.cadres import forms, selectors, services
from dangvu.cadres.models import Position, Purpose
from dangvu.candidates.models import OPEN_STAGES
from dangvu.candidates.selectors import visible_candidates
from dangvu.lib.forms import apply_service_errors
from dangvu.members.models import ACTIVE_STATUSES
from dangvu.members.selectors import members_in_scope
from dangvu.organizations.selectors import organization_list


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _list(request, *, queryset_for, kinds, kind_label, years, template, title):
    organizations = organization_list(user=request.user, include_ended=False)
    form = forms.CadreFilterForm(
        request.GET or None, organizations=organizations, kinds=kinds, kind_label=kind_label, years=years
    )
    filters = selectors.CadreFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.CadreFilters(q=d["q"], organization=d["organization"], kind=d["kind"], year=d["year"])
    page = Paginator(queryset_for(filters), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": _query_without_page(request), "title": title}
    results = f"cadres/_{template}_results.html"
    return render(
        request, results if request.htmx and not request.htmx.boosted else f"cadres/{template}_list.html", context
    )


def _years(queryset, field):
    return sorted({d.year for d in queryset.dates(field, "year")}, reverse=True)


@tree_user_required
def conclusion_list(request):
    return _list(
        request,
        queryset_for=lambda f: selectors.conclusion_list(user=request.user, filters=f),
        kinds=Purpose.choices,
        kind_label=_("Purpose"),
        years=_years(selectors.visible_conclusions(user=request.user), "concluded_on"),
        template="conclusion",
        title=_("Political-standard conclusions"),
    )


@tree_user_required
def appointment_list(request):
    return _list(
        request,
        queryset_for=lambda f: selectors.appointment_list(user=request.user, filters=f),
        kinds=Position.choices,
        kind_label=_("Post"),
        years=_years(selectors.visible_appointments(user=request.user), "decided_on"),
        template="appointment",
        title=_("Committee appointments"),
    )


@editor_required
def conclusion_create(request):
    members = members_in_scope(user=request.user).filter(status__in=ACTIVE_STATUSES).order_by("sort_key")
    candidates = visible_candidates(user=request.user).filter(stage__in=OPEN_STAGES).order_by("full_name")
    form = forms.ConclusionForm(request.POST or None, members=members, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.conclusion_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("cadres:conclusion_detail", pk=record.pk)
    return render(request, "cadres/form.html", {"form": form, "title": _("Record a political-standard conclusion")})


@editor_required
def appointment_create(request):
    organizations = organization_list(user=request.user, include_ended=False)
    members = members_in_scope(user=request.user).filter(status="full").order_by("sort_key")
    form = forms.AppointmentForm(request.POST or None, organizations=organizations, members=members)
    if request.method == "POST" and form.is_valid():
        ensure_may_edit(request.user, form.cleaned_data["organization"])
        try:
            record = services.appointment_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("cadres:appointment_detail", pk=record.pk)
    return render(request, "cadres/form.html", {"form": form, "title": _("Record a committee appointment")})


def _get(queryset, pk):
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist as missing:
        raise Http404 from missing


@tree_user_required
def conclusion_detail(request, pk: int):
    record = _get(
        selectors.visible_conclusions(user=request.user).select_related("member", "candidate", "organization"), pk
    )
    context = {
        "record": record,
        "can_edit": may_edit(request.user, record.organization),
        "history": record.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, "cadres/conclusion_detail.html", context)


@tree_user_required
def appointment_detail(request, pk: int):
    record = _get(selectors.visible_appointments(user=request.user).select_related("member", "organization"), pk)
    can_edit = may_edit(request.user, record.organization)
    form = forms.EndForm()
    context = {
        "record": record,
        "can_edit": can_edit,
        "end_form": form,
        "history": record.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, "cadres/appointment_detail.html", context)


@editor_required
def appointment_end(request, pk: int):
    record = _get(selectors.visible_appointments(user=request.user).select_related("member", "organization"), pk)
    ensure_may_edit(request.user, record.organization)
    form = forms.EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_end(appointment=record, ended_on=form.cleaned_data["ended_on"], by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("cadres:appointment_detail", pk=record.pk)
    return render(request, "cadres/form.html", {"form": form, "title": _("End of the post"), "record": record})


@require_POST
@editor_required
def conclusion_delete(request, pk: int):
    record = _get(selectors.visible_conclusions(user=request.user), pk)
    ensure_may_edit(request.user, record.organization)
    services.conclusion_delete(conclusion=record, by=request.user)
    messages.success(request, _("Deleted. It can be restored from the deleted records."))
    return redirect("cadres:conclusions")


@require_POST
@editor_required
def appointment_delete(request, pk: int):
    record = _get(selectors.visible_appointments(user=request.user), pk)
    ensure_may_edit(request.user, record.organization)
    services.appointment_delete(appointment=record, by=request.user)
    messages.success(request, _("Deleted. It can be restored from the deleted records."))
    return redirect("cadres:appointments")


@require_POST
@editor_required
def conclusion_restore(request, pk: int):
    record = get_object_or_404(selectors.deleted_conclusions(user=request.user), pk=pk)
    services.conclusion_restore(conclusion=record, by=request.user)
    messages.success(request, _("Restored."))
    return redirect("cadres:conclusion_detail", pk=record.pk)


@require_POST
@editor_required
def appointment_restore(request, pk: int):
    record = get_object_or_404(selectors.deleted_appointments(user=request.user), pk=pk)
    try:
        services.appointment_restore(appointment=record, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cadres:trash")
    messages.success(request, _("Restored."))
    return redirect("cadres:appointment_detail", pk=record.pk)


@editor_required
def trash(request):
    context = {
        "conclusions": selectors.deleted_conclusions(user=request.user)[: settings.PAGE_SIZE],
        "appointments": selectors.deleted_appointments(user=request.user)[: settings.PAGE_SIZE],
    }
    return render(request, "cadres/trash.html", context)
