"""Member screens: the list with search and filters, the member page, and the forms that record events."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, login_required, tree_user_required
from dangvu.accounts.models import Purpose
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.accounts.services import is_own_record, sensitive_access_log, sensitive_fields, shows_sensitive
from dangvu.lib.bounds import as_id
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.paging import ProbingPaginator
from dangvu.lib.versioning import VERSION_FIELD, submitted_version
from dangvu.members import forms, selectors, services
from dangvu.members.models import EventKind, Member, MemberEvent
from dangvu.organizations.selectors import deleted_organizations, member_holding_choices, organization_list


def _visible_member_or_404(request, pk: int) -> Member:
    try:
        return selectors.member_get(user=request.user, pk=pk)
    except Member.DoesNotExist as missing:
        raise Http404 from missing


def _ensure_can_edit_member(user, member: Member) -> None:
    ensure_may_edit(user, member)


# What a row of the member list shows (members/_results.html).
LIST_COLUMNS = (
    "full_name",
    "date_of_birth",
    "status",
    "card_number",
    "sort_key",
    "organization__name",
    "last_organization__name",
)


@tree_user_required
def member_list(request):
    visible_orgs = organization_list(user=request.user)
    root_depth = request.user.organization.depth
    form = forms.MemberFilterForm(
        request.GET or None,
        organizations=visible_orgs,
        top_organizations=visible_orgs.filter(depth__lte=root_depth + 1),
        show_sensitive_filters=request.user.can_view_sensitive,
    )
    filters = selectors.MemberFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.MemberFilters(
            q=d["q"],
            organization=d["organization"],
            status=d["status"] or "active",
            sex=d["sex"],
            ethnic_minority=d.get("ethnic_minority"),
            probationary=d["probationary"],
            due_full=d["due_full"],
            due_badge=d["due_badge"],
        )
    members = selectors.member_list(user=request.user, filters=filters)
    # Page over the ids (read from the covering indexes, counted only when the first page is full), then load
    # the columns the rows show, for this page only.
    ids = members.values_list("pk", flat=True)
    count_key = partial(selectors.member_list_count_key, user=request.user, filters=filters)
    page = ProbingPaginator(ids, settings.PAGE_SIZE, count_key=count_key).get_page(request.GET.get("page"))
    page.object_list = (
        Member.objects.filter(pk__in=list(page.object_list))
        .select_related("organization", "last_organization")
        .only(*LIST_COLUMNS)
        .order_by("sort_key", "pk")
    )
    if filters.ethnic_minority is not None:
        # A list of members picked by ethnicity shows who belongs to a minority: logged like an export.
        sensitive_access_log(
            user=request.user,
            purpose=Purpose.LIST_FILTER,
            fields=["is_ethnic_minority"],
            count=page.paginator.count,
            scope=_query_without_page(request),
            organization=filters.organization,
        )
    swapped = bool(request.htmx and not request.htmx.boosted)
    context = {"form": form, "page": page, "query": _query_without_page(request), "partial": swapped}
    template = "members/_results.html" if swapped else "members/list.html"
    return render(request, template, context)


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def member_detail(request, pk: int):
    member = _visible_member_or_404(request, pk)
    timeline = selectors.member_timeline(member=member)
    today = timezone.localdate()
    show_sensitive = shows_sensitive(request.user, member)
    if show_sensitive and not is_own_record(request.user, member):
        sensitive_access_log(
            user=request.user, purpose=Purpose.MEMBER_DETAIL, member=member, fields=_shown_on_page(member)
        )
    can_edit = may_edit(request.user, member)
    years, months = timeline.seniority_years_months(today)
    context = {
        "member": member,
        "events": selectors.member_events(member=member),
        "deleted_events": selectors.deleted_member_events(member=member) if can_edit else [],
        "timeline": timeline,
        "seniority_years": years,
        "seniority_months": months,
        "badges": sorted(timeline.badges),
        "show_sensitive": show_sensitive,
        "can_edit": can_edit,
        "event_kinds": EventKind.choices,
        "history": member.history.select_related("history_user").order_by("-history_date")[:50],
        "temporary_org": (
            organization_list(user=request.user).filter(pk=timeline.temporary_organization_id).first()
            if timeline.temporary_organization_id and request.user.is_scoped
            else None
        ),
    }
    return render(request, "members/detail.html", context)


def _shown_on_page(member: Member) -> list[str]:
    """The sensitive fields the record page shows (members/detail.html: the notes only when filled in)."""
    return [
        name
        for name in ("ethnicity", "religion", "family_background", "political_history_notes")
        if name in ("ethnicity", "religion") or getattr(member, name)
    ]


@login_required
def member_photo(request, pk: int):
    """The photo, served only to those who may see the member (photos are personal data)."""
    member = _visible_member_or_404(request, pk)
    if not member.photo:
        raise Http404
    try:
        handle = member.photo.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle, content_type="image/jpeg" if member.photo.name.lower().endswith((".jpg", ".jpeg")) else "image/png"
    )


@editor_required
def member_create(request):
    organizations = member_holding_choices(user=request.user)
    initial = {}
    if as_id(request.GET.get("organization")) is not None:
        initial["organization"] = organizations.filter(pk=as_id(request.GET["organization"])).first()
    form = forms.MemberCreateForm(
        request.POST or None, request.FILES or None, organizations=organizations, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_create(by=request.user, data=form.personal_data(), first_event=form.first_event())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The member was added."))
            return redirect("members:detail", pk=member.pk)
    return render(request, "members/create.html", {"form": form})


@editor_required
def member_edit(request, pk: int):
    member = _visible_member_or_404(request, pk)
    _ensure_can_edit_member(request.user, member)
    show_sensitive = shows_sensitive(request.user, member)
    form = forms.MemberForm(request.POST or None, request.FILES or None, instance=member, show_sensitive=show_sensitive)
    if show_sensitive:
        # The form shows the fields (GET, or a POST shown again) or writes them: either way they were handled.
        shown = [name for name in sensitive_fields(Member) if name in form.fields]
        sensitive_access_log(user=request.user, purpose=Purpose.EDIT_FORM, member=member, fields=shown)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.fields if name != VERSION_FIELD}
        try:
            services.member_update(member=member, by=request.user, data=data, version=submitted_version(form))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("members:detail", pk=member.pk)
    return render(request, "members/edit.html", {"form": form, "member": member})


@editor_required
def event_create(request, pk: int, kind: str):
    if kind not in EventKind.values:
        raise Http404
    member = _visible_member_or_404(request, pk)
    _ensure_can_edit_member(request.user, member)
    organizations = member_holding_choices(user=request.user)
    form = forms.EventForm(request.POST or None, kind=kind, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_event_record(member=member, kind=kind, by=request.user, **form.event_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(event)s recorded.") % {"event": EventKind(kind).label})
            return redirect("members:detail", pk=member.pk)
    return render(
        request,
        "members/event_form.html",
        {"form": form, "member": member, "kind_label": EventKind(kind).label, "kind": kind},
    )


@require_POST
@editor_required
def event_delete(request, pk: int):
    event = get_object_or_404(MemberEvent, pk=pk)
    member = _visible_member_or_404(request, event.member_id)
    _ensure_can_edit_member(request.user, member)
    try:
        services.member_event_delete(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The event was not deleted: %(reason)s") % {"reason": " ".join(error.messages)})
    else:
        messages.success(request, _("The event was deleted. It can be restored below."))
    return redirect("members:detail", pk=member.pk)


@require_POST
@editor_required
def event_restore(request, pk: int):
    event = get_object_or_404(MemberEvent.all_objects.deleted(), pk=pk)
    member = _visible_member_or_404(request, event.member_id)
    _ensure_can_edit_member(request.user, member)
    try:
        services.member_event_restore(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The event was not restored: %(reason)s") % {"reason": " ".join(error.messages)})
    else:
        messages.success(request, _("The event was restored."))
    return redirect("members:detail", pk=member.pk)


@require_POST
@editor_required
def member_delete(request, pk: int):
    member = _visible_member_or_404(request, pk)
    _ensure_can_edit_member(request.user, member)
    services.member_delete(member=member, by=request.user)
    messages.success(request, _("The member record was deleted. It can be restored from the deleted records."))
    return redirect("members:list")


@require_POST
@editor_required
def member_restore(request, pk: int):
    member = get_object_or_404(selectors.deleted_members(user=request.user), pk=pk)
    try:
        services.member_restore(member=member, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The record was not restored: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("members:trash")
    messages.success(request, _("The member record was restored."))
    return redirect("members:detail", pk=member.pk)


@editor_required
def trash(request):
    page = Paginator(selectors.deleted_members(user=request.user), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "members/trash.html", {"page": page, "organizations": deleted_organizations(user=request.user)}
    )
