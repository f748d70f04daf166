"""Admission pipeline screens: the list with deadline warnings, the candidate page and one form per step."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.models import Purpose
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.accounts.services import sensitive_access_log, sensitive_fields, shows_sensitive
from dangvu.candidates import forms, selectors, services
from dangvu.candidates.models import Candidate, Introducer
from dangvu.lib import screens
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.lib.versioning import VERSION_FIELD, submitted_version
from dangvu.members.models import Member, Status
from dangvu.members.selectors import members_in_scope
from dangvu.organizations.selectors import member_holding_choices

STEPS = {
    "introducer": gettext_lazy("Add an introducer"),
    "cell_vote": gettext_lazy("Record the cell's resolution"),
    "committee_vote": gettext_lazy("Record the base committee's resolution"),
    "decision": gettext_lazy("Record the admission decision"),
    "admission": gettext_lazy("Record the admission ceremony"),
    "withdraw": gettext_lazy("Withdraw from the pipeline"),
}


EXPORT = Export(
    title=gettext_lazy("Admission candidates"),
    columns=(
        ExportColumn("full_name", gettext_lazy("Full name"), width=28),
        ExportColumn("date_of_birth", gettext_lazy("Date of birth"), width=12),
        ExportColumn("organization.name", gettext_lazy("Cell"), width=32),
        ExportColumn("stage", gettext_lazy("Stage"), value=lambda c: c.get_stage_display(), width=24),
        ExportColumn("decision_due_on", gettext_lazy("Decision due by"), width=12),
        ExportColumn("ceremony_due_on", gettext_lazy("Ceremony due by"), width=12),
    ),
)


def _candidate_or_404(request, pk: int, deleted: bool = False) -> Candidate:
    return object_or_404(selectors.candidate_get, user=request.user, pk=pk, deleted=deleted)


def _candidate_form(request, candidate: Candidate | None) -> forms.CandidateForm:
    """The candidate form, with ethnicity and religion only for those who may see them; showing them is logged."""
    form = forms.CandidateForm(
        request.POST or None, instance=candidate, organizations=member_holding_choices(user=request.user)
    )
    hidden = sensitive_fields(Candidate)
    if not shows_sensitive(request.user):
        for name in hidden:
            form.fields.pop(name, None)
    elif candidate is not None:
        shown = [name for name in hidden if name in form.fields]
        sensitive_access_log(user=request.user, purpose=Purpose.EDIT_FORM, candidate=candidate, fields=shown)
    return form


@tree_user_required
def candidate_list(request):
    today = timezone.localdate()
    form = forms.CandidateFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.candidate_list(user=request.user, filters=form.filters(), today=today),
        template="candidates/list.html",
        results_template="candidates/_results.html",
        form=form,
        export=EXPORT,
        load_page=lambda candidates: selectors.with_deadline_warnings(candidates, today),
        context={"warned": selectors.deadline_warned_count(user=request.user, today=today)},
    )


@editor_required
def candidate_create(request):
    form = _candidate_form(request, None)
    saved = screens.save_form(
        request,
        form,
        lambda d: services.candidate_create(by=request.user, data=d),
        check=lambda d: ensure_may_edit(request.user, d["organization"]),
        message=_("The candidate was added."),
        then="candidates:detail",
    )
    return saved or render(request, "candidates/form.html", {"form": form, "title": _("Add a candidate")})


@editor_required
def candidate_edit(request, pk: int):
    candidate = _candidate_or_404(request, pk)
    ensure_may_edit(request.user, candidate.organization)
    form = _candidate_form(request, candidate)

    def update(d):
        data = {name: value for name, value in d.items() if name != VERSION_FIELD}
        return services.candidate_update(
            candidate=candidate, by=request.user, data=data, version=submitted_version(form)
        )

    check = lambda d: ensure_may_edit(request.user, d["organization"])  # noqa: E731
    saved = screens.save_form(request, form, update, check=check, message=_("Saved."), then="candidates:detail")
    context = {"form": form, "candidate": candidate, "title": candidate.full_name}
    return saved or render(request, "candidates/form.html", context)


@tree_user_required
def candidate_detail(request, pk: int):
    candidate = _candidate_or_404(request, pk)
    can_edit = may_edit(request.user, candidate.organization)
    context = {
        "candidate": candidate,
        "can_edit": can_edit and candidate.is_open,
        "can_delete": can_edit and candidate.member_id is None,
        "introducers": selectors.candidate_introducers(candidate=candidate),
        "warning": selectors.deadline_warning(candidate, timezone.localdate()),
        "steps": STEPS,
        "history": history_of(candidate),
    }
    return render(request, "candidates/detail.html", context)


def _step_form(step: str, request, candidate: Candidate):
    data = request.POST or None
    if step == "introducer":
        members = (
            members_in_scope(user=request.user)
            .filter(status=Status.FULL, organization__isnull=False)
            .select_related("organization")
            .order_by("sort_key")
        )
        return forms.IntroducerForm(data, members=members)
    if step == "cell_vote":
        return forms.VoteForm(data, voters_label=_("Full members of the cell"))
    if step == "committee_vote":
        return forms.VoteForm(data, voters_label=_("Members of the base committee"))
    if step == "decision":
        return forms.DecisionForm(data)
    if step == "admission":
        return forms.AdmissionForm(data)
    return forms.WithdrawForm(data)


def _run_step(step: str, candidate: Candidate, d: dict, by):
    if step == "introducer":
        return services.introducer_add(candidate=candidate, by=by, **d)
    if step in ("cell_vote", "committee_vote"):
        service = services.candidate_cell_vote if step == "cell_vote" else services.candidate_committee_vote
        try:
            return service(candidate=candidate, by=by, on=d["on"], votes_for=d["votes_for"], voters=d["voters"])
        except ValidationError as error:
            # The vote fields are named per body in the service; the form has one set.
            prefix = "cell_" if step == "cell_vote" else "committee_"
            raise ValidationError(
                {k.removeprefix(prefix).replace("vote_on", "on"): v for k, v in error.error_dict.items()}
            ) from error
    if step == "decision":
        return services.candidate_decide(candidate=candidate, by=by, **d)
    if step == "admission":
        return services.candidate_admit(candidate=candidate, by=by, **d)
    return services.candidate_withdraw(candidate=candidate, by=by, on=d["on"], reason=d["reason"])


@editor_required
def candidate_step(request, pk: int, step: str):
    if step not in STEPS:
        raise Http404
    candidate = _candidate_or_404(request, pk)
    ensure_may_edit(request.user, candidate.organization)
    form = _step_form(step, request, candidate)
    if request.method == "POST" and form.is_valid():
        try:
            result = _run_step(step, candidate, form.cleaned_data, request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if isinstance(result, Member):
                messages.success(request, _("Admitted: the member record was created."))
            else:
                messages.success(request, _("Saved."))
            return redirect("candidates:detail", pk=candidate.pk)
    return render(
        request, "candidates/step.html", {"form": form, "candidate": candidate, "title": STEPS[step], "step": step}
    )


@require_POST
@editor_required
def introducer_remove(request, pk: int):
    introducer = get_object_or_404(Introducer, pk=pk)
    candidate = _candidate_or_404(request, introducer.candidate_id)
    ensure_may_edit(request.user, candidate.organization)
    try:
        services.introducer_remove(introducer=introducer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The introducer was removed."))
    return redirect("candidates:detail", pk=candidate.pk)


candidate_delete = delete_view(
    get=_candidate_or_404,
    delete=lambda candidate, by: services.candidate_delete(candidate=candidate, by=by),
    message=gettext_lazy("The candidate was deleted. It can be restored from the deleted candidates."),
    then="candidates:list",
    refused_then="candidates:detail",
)
candidate_restore = restore_view(
    get=lambda request, pk: _candidate_or_404(request, pk, deleted=True),
    restore=lambda candidate, by: services.candidate_restore(candidate=candidate, by=by),
    message=gettext_lazy("The candidate was restored."),
    refused="%(reason)s",
    then="candidates:detail",
    refused_then="candidates:trash",
)


@editor_required
def trash(request):
    return render_list(
        request,
        rows=selectors.deleted_candidates(user=request.user),
        template="candidates/trash.html",
        results_template="candidates/_trash_results.html",
    )
