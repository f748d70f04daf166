"""Cadre-work screens: conclusions on the political standard, committee appointments; lists, details,
delete and restore on the screen kit (lib.screens)."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.cadres import forms, selectors, services
from dangvu.candidates.models import OPEN_STAGES
from dangvu.candidates.selectors import visible_candidates
from dangvu.lib import screens
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.members.models import ACTIVE_STATUSES
from dangvu.members.selectors import members_in_scope
from dangvu.organizations.selectors import organization_list

CONCLUSION_EXPORT = Export(
    title=gettext_lazy("Political-standard conclusions"),
    columns=(
        ExportColumn("person_name", gettext_lazy("Person"), width=28),
        ExportColumn("candidate", gettext_lazy("Candidate"), value=lambda r: _yes_no(r.candidate_id), width=10),
        ExportColumn("purpose", gettext_lazy("Purpose"), value=lambda r: r.get_purpose_display(), width=20),
        ExportColumn("concluded_on", gettext_lazy("Date"), width=12),
        ExportColumn("verdict", gettext_lazy("Conclusion"), value=lambda r: r.get_verdict_display(), width=28),
        ExportColumn("organization.name", gettext_lazy("Organization"), width=32),
    ),
)
APPOINTMENT_EXPORT = Export(
    title=gettext_lazy("Committee appointments"),
    columns=(
        ExportColumn("member.full_name", gettext_lazy("Member"), width=28),
        ExportColumn("position", gettext_lazy("Post"), value=lambda r: r.get_position_display(), width=24),
        ExportColumn("kind", gettext_lazy("Kind"), value=lambda r: r.get_kind_display(), width=20),
        ExportColumn("organization.name", gettext_lazy("Organization"), width=32),
        ExportColumn("document_no", gettext_lazy("Decision number"), width=16),
        ExportColumn("decided_on", gettext_lazy("Decision date"), width=12),
        ExportColumn("decided_by", gettext_lazy("Decided by"), width=28),
        ExportColumn("ended_on", gettext_lazy("Ended on"), width=12),
    ),
)


def _yes_no(value) -> str:
    return _("Yes") if value else _("No")


DELETED = gettext_lazy("Deleted. It can be restored from the deleted records.")
RESTORED = gettext_lazy("Restored.")


def _screens(kind: str, *, get, deleted, delete, restore, list_selector, filter_form, export, title, create_label):
    """The list, detail, delete and restore views of one kind of cadre record ("conclusion", "appointment"): one
    shape for both. `delete`/`restore` are the services, taking the record as the keyword `kind`."""

    @tree_user_required
    def list_view(request):
        form = filter_form(request.GET or None, user=request.user)
        return render_list(
            request,
            rows=list_selector(user=request.user, filters=form.filters()),
            template="cadres/list.html",
            results_template="cadres/results.html",
            form=form,
            export=export,
            context={
                "kind": kind,
                "title": title,
                "create_url": reverse(f"cadres:{kind}_create"),
                "create_label": create_label,
            },
        )

    def live(request, pk: int):
        return object_or_404(get, user=request.user, pk=pk)

    def gone(request, pk: int):
        return object_or_404(deleted(user=request.user).get, pk=pk)

    @tree_user_required
    def detail_view(request, pk: int):
        record = live(request, pk)
        context = {"record": record, "can_edit": may_edit(request.user, record), "history": history_of(record)}
        return render(request, f"cadres/{kind}_detail.html", context)

    return (
        list_view,
        detail_view,
        delete_view(
            get=live,
            delete=lambda record, by: delete(**{kind: record}, by=by),
            message=DELETED,
            then=f"cadres:{kind}s",
        ),
        restore_view(
            get=gone,
            restore=lambda record, by: restore(**{kind: record}, by=by),
            message=RESTORED,
            refused="%(reason)s",
            then=f"cadres:{kind}_detail",
            refused_then="cadres:trash",
        ),
    )


conclusion_list, conclusion_detail, conclusion_delete, conclusion_restore = _screens(
    "conclusion",
    get=selectors.conclusion_get,
    deleted=selectors.deleted_conclusions,
    delete=services.conclusion_delete,
    restore=services.conclusion_restore,
    list_selector=selectors.conclusion_list,
    filter_form=forms.ConclusionFilterForm,
    export=CONCLUSION_EXPORT,
    title=gettext_lazy("Political-standard conclusions"),
    create_label=gettext_lazy("Record a political-standard conclusion"),
)
appointment_list, appointment_detail, appointment_delete, appointment_restore = _screens(
    "appointment",
    get=selectors.appointment_get,
    deleted=selectors.deleted_appointments,
    delete=services.appointment_delete,
    restore=services.appointment_restore,
    list_selector=selectors.appointment_list,
    filter_form=forms.AppointmentFilterForm,
    export=APPOINTMENT_EXPORT,
    title=gettext_lazy("Committee appointments"),
    create_label=gettext_lazy("Record a committee appointment"),
)


@editor_required
def conclusion_create(request):
    members = members_in_scope(user=request.user).filter(status__in=ACTIVE_STATUSES).order_by("sort_key")
    candidates = visible_candidates(user=request.user).filter(stage__in=OPEN_STAGES).order_by("full_name")
    form = forms.ConclusionForm(request.POST or None, members=members, candidates=candidates)
    record = services.conclusion_record
    saved = screens.save_form(
        request, form, lambda d: record(by=request.user, **d), message=_("Saved."), then="cadres:conclusion_detail"
    )
    return saved or render(
        request, "cadres/form.html", {"form": form, "title": _("Record a political-standard conclusion")}
    )


@editor_required
def appointment_create(request):
    organizations = organization_list(user=request.user, include_ended=False)
    members = members_in_scope(user=request.user).filter(status="full").order_by("sort_key")
    form = forms.AppointmentForm(request.POST or None, organizations=organizations, members=members)
    saved = screens.save_form(
        request,
        form,
        lambda d: services.appointment_record(by=request.user, **d),
        check=lambda d: ensure_may_edit(request.user, d["organization"]),
        message=_("Saved."),
        then="cadres:appointment_detail",
    )
    return saved or render(request, "cadres/form.html", {"form": form, "title": _("Record a committee appointment")})


@editor_required
def appointment_end(request, pk: int):
    record = object_or_404(selectors.appointment_get, user=request.user, pk=pk)
    ensure_may_edit(request.user, record)
    form = forms.EndForm(request.POST or None)
    saved = screens.save_form(
        request,
        form,
        lambda d: services.appointment_end(appointment=record, ended_on=d["ended_on"], by=request.user),
        message=_("Saved."),
        then="cadres:appointment_detail",
    )
    return saved or render(request, "cadres/form.html", {"form": form, "title": _("End of the post"), "record": record})


@editor_required
def trash(request):
    context = {
        "conclusions": selectors.deleted_conclusions(user=request.user)[: settings.PAGE_SIZE],
        "appointments": selectors.deleted_appointments(user=request.user)[: settings.PAGE_SIZE],
    }
    return render(request, "cadres/trash.html", context)
