"""Screens of the inspection work: lists with filters, forms and record pages for inspections and
supervisions, discipline decisions and letters, on the screen kit (lib.screens). Committee staff, inspection
staff and secretaries see the records of their subtree; who changes one is the body that owns it
(`accounts.policy`): an inspection committee's records are its inspection staff's. Member accounts are turned
away. The three kinds share one path (`Kind`); the inspection page (its members, paged) and the deleted
records are their own screens."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.decorators import tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.inspections import forms, selectors, services
from dangvu.inspections.models import Discipline, Inspection, Letter
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import (
    Export,
    ExportColumn,
    delete_view,
    history_of,
    object_or_404,
    render_list,
    restore_view,
)


def _yes_no(value: bool) -> str:
    return gettext("Yes") if value else gettext("No")


def _letter_days(request) -> dict:
    today = timezone.localdate()
    return {"today": today, "warn_from": selectors.warn_from(today)}


@dataclass(frozen=True)
class Kind:
    """One kind of record of this app and what its screens need."""

    tab: str  # the tab shown, "inspections"
    template: str  # stem of its templates: "<template>_results.html", "<template>_detail.html"
    names: str  # prefix of its URL names: "" (list, detail …) or "letter_" (letter_list …)
    model: type
    get: Callable  # (user, pk) → record the user sees
    list_selector: Callable  # (user, filters) → rows
    filter_form: type
    record_form: type
    export: Export
    delete: Callable  # (record, by)
    restore: Callable  # (record, by)
    heading: str
    create_label: str  # the list's button
    create_title: str  # the form's title
    created: str
    edit_title: str
    not_deleted: str = ""  # when the service may refuse a deletion
    days: Callable = field(default=lambda request: {})  # the dates a letter's deadline is shown against

    def url(self, part: str) -> str:
        return f"inspections:{self.names}{part}"


INSPECTIONS = Kind(
    tab="inspections",
    template="inspection",
    names="",
    model=Inspection,
    get=selectors.inspection_get,
    list_selector=selectors.inspection_list,
    filter_form=forms.InspectionFilterForm,
    record_form=forms.InspectionForm,
    export=Export(
        title=_("Inspections and supervisions"),
        columns=(
            ExportColumn("started_on", _("Start date"), width=12),
            ExportColumn("ended_on", _("End date"), width=12),
            ExportColumn("title", _("Content"), width=40),
            ExportColumn("body", _("Conducted by"), value=lambda r: r.get_body_display(), width=24),
            ExportColumn("organization.name", _("Conducting organization"), width=32),
            ExportColumn("kind", _("Kind"), value=lambda r: r.get_kind_display(), width=24),
            ExportColumn("organization_count", _("Organizations"), width=10),
            ExportColumn("member_count", _("Members"), width=10),
            ExportColumn("violation_found", _("Violation found"), value=lambda r: _yes_no(r.violation_found), width=10),
        ),
    ),
    delete=lambda record, by: services.inspection_delete(inspection=record, by=by),
    restore=lambda record, by: services.inspection_restore(inspection=record, by=by),
    heading=_("Inspections and supervisions"),
    create_label=_("Record an inspection"),
    create_title=_("Record an inspection or supervision"),
    created=_("The inspection was recorded."),
    edit_title=_("Edit the inspection"),
)
DISCIPLINES = Kind(
    tab="disciplines",
    template="discipline",
    names="discipline_",
    model=Discipline,
    get=selectors.discipline_get,
    list_selector=selectors.discipline_list,
    filter_form=forms.DisciplineFilterForm,
    record_form=forms.DisciplineDecisionForm,
    export=Export(
        title=_("Discipline decisions"),
        columns=(
            ExportColumn("decision_no", _("Decision number"), width=16),
            ExportColumn("decided_on", _("Decision date"), width=12),
            ExportColumn("subject_name", _("Disciplined"), width=32),
            ExportColumn("organization.name", _("Organization"), width=32),
            ExportColumn("on_committee", _("Member of a party committee"), value=lambda r: _yes_no(r.on_committee)),
            ExportColumn("form", _("Form of discipline"), value=lambda r: r.get_form_display(), width=20),
            ExportColumn("body", _("Decided by"), value=lambda r: r.get_body_display(), width=24),
            ExportColumn("deciding_organization.name", _("Of the organization"), width=32),
            ExportColumn(
                "violation_category", _("Violation category"), value=lambda r: r.get_violation_category_display()
            ),
        ),
    ),
    delete=lambda record, by: services.discipline_delete(discipline=record, by=by),
    restore=lambda record, by: services.discipline_restore(discipline=record, by=by),
    heading=_("Discipline decisions"),
    create_label=_("Record a discipline decision"),
    create_title=_("Record a discipline decision"),
    created=_("The discipline decision was recorded."),
    edit_title=_("Edit the discipline decision"),
    not_deleted=_("The record was not deleted: %(reason)s"),
)
LETTERS = Kind(
    tab="letters",
    template="letter",
    names="letter_",
    model=Letter,
    get=selectors.letter_get,
    list_selector=selectors.letter_list,
    filter_form=forms.LetterFilterForm,
    record_form=forms.LetterForm,
    # What the list shows; never the sender, whom the law on denunciations protects.
    export=Export(
        title=_("Complaint and denunciation letters"),
        columns=(
            ExportColumn("received_on", _("Received on"), width=12),
            ExportColumn("organization.name", _("Received by"), width=32),
            ExportColumn("kind", _("Kind"), value=lambda r: r.get_kind_display(), width=16),
            ExportColumn("signed", _("Signed"), value=lambda r: _yes_no(r.signed), width=8),
            ExportColumn("subject_name", _("Concerning"), width=32),
            ExportColumn("category", _("Handling"), value=lambda r: r.get_category_display(), width=24),
            ExportColumn("status", _("Status"), value=lambda r: r.get_status_display(), width=16),
            ExportColumn("due_on", _("Deadline"), width=12),
            ExportColumn("resolved_on", _("Resolved on"), width=12),
        ),
    ),
    delete=lambda record, by: services.letter_delete(letter=record, by=by),
    restore=lambda record, by: services.letter_restore(letter=record, by=by),
    heading=_("Complaint and denunciation letters"),
    create_label=_("Record a letter"),
    create_title=_("Record a letter"),
    created=_("The letter was recorded."),
    edit_title=_("Edit the letter"),
    days=_letter_days,
)
KINDS = (INSPECTIONS, DISCIPLINES, LETTERS)


def _record(kind: Kind, request, pk: int, deleted: bool = False):
    if deleted:
        return object_or_404(selectors.deleted_get, model=kind.model, user=request.user, pk=pk)
    return object_or_404(kind.get, user=request.user, pk=pk)


def list_view(kind: Kind):
    results = f"inspections/{kind.template}_results.html"

    @tree_user_required
    def view(request):
        form = kind.filter_form(request.GET or None, user=request.user)
        return render_list(
            request,
            rows=kind.list_selector(user=request.user, filters=form.filters()),
            template="inspections/list.html",
            results_template=results,
            form=form,
            export=kind.export,
            context={
                "kind": kind,
                "create_url": reverse(kind.url("create")),
                "tab": kind.tab,
                "warnings": selectors.letter_warnings(user=request.user),
                **kind.days(request),
            },
        )

    return view


def _form(kind: Kind, request, record):
    form = kind.record_form(
        request.POST or None, user=request.user, instance=record, initial=None if record else request.GET.dict()
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save(by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, gettext("Saved.") if record else kind.created)
            return redirect(kind.url("detail"), pk=saved.pk)
    cancel = reverse(kind.url("detail"), kwargs={"pk": record.pk}) if record else reverse(kind.url("list"))
    title = kind.edit_title if record else kind.create_title
    context = {"form": form, "title": title, "record": record, "tab": kind.tab, "cancel_url": cancel}
    return render(request, "inspections/form.html", context)


def create_view(kind: Kind):
    @tree_user_required
    def view(request):
        return _form(kind, request, None)

    return view


def edit_view(kind: Kind):
    @tree_user_required
    def view(request, pk: int):
        record = _record(kind, request, pk)
        ensure_may_edit(request.user, record)
        return _form(kind, request, record)

    return view


def _detail_context(kind: Kind, request, record) -> dict:
    return {
        "record": record,
        "history": history_of(record),
        "can_edit": may_edit(request.user, record),
        "tab": kind.tab,
        "edit_url": kind.url("edit"),
        "delete_url": kind.url("delete"),
        **kind.days(request),
    }


def detail_view(kind: Kind):
    @tree_user_required
    def view(request, pk: int):
        record = _record(kind, request, pk)
        return render(request, f"inspections/{kind.template}_detail.html", _detail_context(kind, request, record))

    return view


@tree_user_required
def inspection_detail(request, pk: int):
    """The inspection, and the members it covered a page at a time (the page alone for htmx)."""
    inspection = _record(INSPECTIONS, request, pk)
    return render_list(
        request,
        rows=selectors.inspection_subject_members(inspection=inspection),
        template="inspections/inspection_detail.html",
        results_template="inspections/inspection_members.html",
        context={
            **_detail_context(INSPECTIONS, request, inspection),
            "subject_organizations": inspection.subject_organizations.order_by("path"),
        },
    )


def urls(kind: Kind, prefix: str, detail=None) -> list:
    names = kind.names
    return [
        path(prefix, list_view(kind), name=f"{names}list"),
        path(f"{prefix}new/", create_view(kind), name=f"{names}create"),
        path(f"{prefix}<int:pk>/", detail or detail_view(kind), name=f"{names}detail"),
        path(f"{prefix}<int:pk>/edit/", edit_view(kind), name=f"{names}edit"),
        path(
            f"{prefix}<int:pk>/delete/",
            delete_view(
                get=lambda request, pk: _record(kind, request, pk),
                delete=kind.delete,
                message=_("The record was deleted. It can be restored from the deleted records."),
                then=kind.url("list"),
                refused=kind.not_deleted,
                refused_then=kind.url("detail"),
                guard=tree_user_required,
            ),
            name=f"{names}delete",
        ),
        path(
            f"{prefix}<int:pk>/restore/",
            restore_view(
                get=lambda request, pk: _record(kind, request, pk, deleted=True),
                restore=kind.restore,
                message=_("The record was restored."),
                refused=_("The record was not restored: %(reason)s"),
                then=kind.url("detail"),
                refused_then="inspections:trash",
                guard=tree_user_required,
            ),
            name=f"{names}restore",
        ),
    ]


@tree_user_required
def trash(request):
    records = selectors.deleted_records(user=request.user)
    return render(
        request,
        "inspections/trash.html",
        {
            "inspections": records["inspections"].order_by("-deleted_at")[:100],
            "disciplines": records["disciplines"].order_by("-deleted_at")[:100],
            "letters": records["letters"].order_by("-deleted_at")[:100],
            "tab": "trash",
            "warnings": selectors.letter_warnings(user=request.user),
        },
    )
