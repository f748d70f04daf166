"""Member screens: the list with search and filters, the member page, and the forms that record events."""

from functools import partial

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.accounts.decorators import editor_required, login_required, tree_user_required
from dangvu.accounts.models import Purpose
from dangvu.accounts.policy import ensure_may_edit, may_edit, may_view_dues
from dangvu.accounts.services import is_own_record, sensitive_access_log, sensitive_fields, shows_sensitive
from dangvu.exchange import exporting
from dangvu.lib import screens
from dangvu.lib.bounds import as_id
from dangvu.lib.screens import delete_view, history_of, object_or_404, query_without_page, render_list, restore_view
from dangvu.lib.versioning import VERSION_FIELD, submitted_version
from dangvu.members import forms, selectors, services
from dangvu.members.models import EventKind, Member
from dangvu.organizations.selectors import deleted_organizations, member_holding_choices, organization_list


def _visible_member_or_404(request, pk: int) -> Member:
    return object_or_404(selectors.member_get, user=request.user, pk=pk)


@tree_user_required
def member_list(request):
    form = forms.MemberFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    members = selectors.member_list(user=request.user, filters=filters)
    return render_list(
        request,
        # Page over the ids (read from the covering indexes, counted only when the first page is full),
        # then load the columns the rows show, for this page only.
        rows=members.values_list("pk", flat=True),
        template="members/list.html",
        results_template="members/_results.html",
        form=form,
        export=exporting.member_list_export(),
        count_key=partial(selectors.member_list_count_key, user=request.user, filters=filters),
        load_page=selectors.member_list_page,
        on_page=lambda page: services.log_list_filter(
            user=request.user, filters=filters, count=page.paginator.count, scope=query_without_page(request)
        ),
    )


def _dues_url(user, member) -> str | None:
    """The member's dues as the office sees them, or the member's own dues page, or nothing."""
    if may_view_dues(user, member.organization or member.last_organization):
        return reverse("dues:member", kwargs={"pk": member.pk})
    return reverse("dues:mine") if is_own_record(user, member) else None


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
        "dues_url": _dues_url(request.user, member),
        "event_kinds": EventKind.choices,
        "history": history_of(member),
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
    saved = screens.save_form(
        request,
        form,
        lambda d: services.member_create(by=request.user, data=form.personal_data(), first_event=form.first_event()),
        message=_("The member was added."),
        then="members:detail",
    )
    return saved or render(request, "members/create.html", {"form": form})


@editor_required
def member_edit(request, pk: int):
    member = _visible_member_or_404(request, pk)
    ensure_may_edit(request.user, member)
    show_sensitive = shows_sensitive(request.user, member)
    form = forms.MemberForm(request.POST or None, request.FILES or None, instance=member, show_sensitive=show_sensitive)
    if show_sensitive:
        # The form shows the fields (GET, or a POST shown again) or writes them: either way they were handled.
        shown = [name for name in sensitive_fields(Member) if name in form.fields]
        sensitive_access_log(user=request.user, purpose=Purpose.EDIT_FORM, member=member, fields=shown)

    def update(d):
        data = {name: d[name] for name in form.fields if name != VERSION_FIELD}
        return services.member_update(member=member, by=request.user, data=data, version=submitted_version(form))

    saved = screens.save_form(request, form, update, message=_("Saved."), then="members:detail")
    return saved or render(request, "members/edit.html", {"form": form, "member": member})


@editor_required
def event_create(request, pk: int, kind: str):
    if kind not in EventKind.values:
        raise Http404
    member = _visible_member_or_404(request, pk)
    ensure_may_edit(request.user, member)
    organizations = member_holding_choices(user=request.user)
    form = forms.EventForm(request.POST or None, kind=kind, organizations=organizations)
    saved = screens.save_form(
        request,
        form,
        lambda d: services.member_event_record(member=member, kind=kind, by=request.user, **form.event_fields()),
        message=_("%(event)s recorded.") % {"event": EventKind(kind).label},
        then=lambda _event: reverse("members:detail", args=[member.pk]),
    )
    return saved or render(
        request,
        "members/event_form.html",
        {"form": form, "member": member, "kind_label": EventKind(kind).label, "kind": kind},
    )


def _event_or_404(*, deleted: bool):
    return lambda request, pk: object_or_404(selectors.member_event_get, user=request.user, pk=pk, deleted=deleted)


def _member_page(record) -> str:
    return reverse("members:detail", kwargs={"pk": record.member_id})


# Whatever comes of it, a change to an event is shown on the member's page.
_BACK_TO_MEMBER = {"then": _member_page, "refused_then": _member_page}
event_delete = delete_view(
    get=_event_or_404(deleted=False),
    delete=lambda event, by: services.member_event_delete(event=event, by=by),
    message=gettext_lazy("The event was deleted. It can be restored below."),
    refused=gettext_lazy("The event was not deleted: %(reason)s"),
    **_BACK_TO_MEMBER,
)
event_restore = restore_view(
    get=_event_or_404(deleted=True),
    restore=lambda event, by: services.member_event_restore(event=event, by=by),
    message=gettext_lazy("The event was restored."),
    refused=gettext_lazy("The event was not restored: %(reason)s"),
    **_BACK_TO_MEMBER,
)
member_delete = delete_view(
    get=_visible_member_or_404,
    delete=lambda member, by: services.member_delete(member=member, by=by),
    message=gettext_lazy("The member record was deleted. It can be restored from the deleted records."),
    then="members:list",
)
member_restore = restore_view(
    get=lambda request, pk: object_or_404(selectors.deleted_members(user=request.user).get, pk=pk),
    restore=lambda member, by: services.member_restore(member=member, by=by),
    message=gettext_lazy("The member record was restored."),
    refused=gettext_lazy("The record was not restored: %(reason)s"),
    then="members:detail",
    refused_then="members:trash",
)


@editor_required
def trash(request):
    return render_list(
        request,
        rows=selectors.deleted_members(user=request.user),
        template="members/trash.html",
        results_template="members/trash_results.html",
        context={"organizations": deleted_organizations(user=request.user)},
    )
