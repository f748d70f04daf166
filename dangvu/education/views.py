"""Screens of study sessions and training classes: list, form, detail with history, delete and restore
(lib.screens), plus the participants of a class."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required
from dangvu.accounts.policy import ensure_may_edit
from dangvu.education import forms, selectors, services
from dangvu.education.models import TrainingParticipant
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import Export, ExportColumn, RecordScreens


def _session_context(request, session):
    return {"attendees": selectors.session_attendees(session=session)}


def _class_context(request, training_class):
    return {
        "participants": selectors.class_participants(training_class=training_class),
        "deleted_participants": selectors.deleted_participants(training_class=training_class),
    }


SESSION_EXPORT = Export(
    title=_("Study sessions on resolutions and directives"),
    columns=(
        ExportColumn("held_on", _("Date held"), width=12),
        ExportColumn("document_reference", _("Document studied"), width=40),
        ExportColumn("organization.name", _("Organization"), width=32),
        ExportColumn("members_present", _("Members present"), width=10),
        ExportColumn("non_members_present", _("Non-members present"), width=10),
    ),
)
CLASS_EXPORT = Export(
    title=_("Training classes"),
    columns=(
        ExportColumn("starts_on", _("Starts"), width=12),
        ExportColumn("ends_on", _("Ends"), width=12),
        ExportColumn("title", _("Title"), width=40),
        ExportColumn("kind", _("Kind of class"), value=lambda r: r.get_kind_display(), width=24),
        ExportColumn("organization.name", _("Organization"), width=32),
        ExportColumn("participant_count", _("Participants"), width=10),
        ExportColumn("completed_count", _("Completed"), width=10),
    ),
)

sessions = RecordScreens(
    namespace="education",
    name="session",
    get=selectors.study_session_get,
    list_selector=selectors.study_session_list,
    filter_form=forms.StudyFilterForm,
    record_form=forms.StudySessionForm,
    delete=lambda record, by: services.study_session_delete(session=record, by=by),
    restore=lambda record, by: services.study_session_restore(session=record, by=by),
    messages={
        "created": _("The study session was recorded."),
        "saved": _("Saved."),
        "deleted": _("The study session was deleted. It can be restored from the deleted records."),
        "restored": _("The study session was restored."),
        "not_restored": _("The study session was not restored: %(reason)s"),
    },
    detail_context=_session_context,
    export=SESSION_EXPORT,
)

classes = RecordScreens(
    namespace="education",
    name="class",
    get=selectors.training_class_get,
    list_selector=selectors.training_class_list,
    filter_form=forms.TrainingFilterForm,
    record_form=forms.TrainingClassForm,
    delete=lambda record, by: services.training_class_delete(training_class=record, by=by),
    restore=lambda record, by: services.training_class_restore(training_class=record, by=by),
    messages={
        "created": _("The class was recorded. Add its participants below."),
        "saved": _("Saved."),
        "deleted": _("The class was deleted. It can be restored from the deleted records."),
        "restored": _("The class was restored."),
        "not_restored": _("The class was not restored: %(reason)s"),
    },
    detail_context=_class_context,
    export=CLASS_EXPORT,
)


def _editable_class_or_404(request, pk: int):
    try:
        training_class = selectors.training_class_get(user=request.user, pk=pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    ensure_may_edit(request.user, training_class.organization)
    return training_class


def _editable_participant_or_404(request, pk: int, deleted: bool = False) -> TrainingParticipant:
    manager = TrainingParticipant.all_objects.deleted() if deleted else TrainingParticipant.objects
    participant = manager.select_related("training_class", "member").filter(pk=pk).first()
    if participant is None:
        raise Http404
    _editable_class_or_404(request, participant.training_class_id)
    return participant


@editor_required
def participants_add(request, pk: int):
    training_class = _editable_class_or_404(request, pk)
    form = forms.ParticipantsAddForm(request.POST or None, training_class=training_class, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            added = form.save(by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(count)s participants added.") % {"count": len(added)})
            return redirect("education:class_detail", pk=training_class.pk)
    return render(request, "education/participants_form.html", {"form": form, "record": training_class})


@editor_required
def participant_edit(request, pk: int):
    participant = _editable_participant_or_404(request, pk)
    form = forms.ParticipantForm(request.POST or None, participant=participant)
    if request.method == "POST" and form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("education:class_detail", pk=participant.training_class_id)
    context = {"form": form, "participant": participant, "record": participant.training_class}
    return render(request, "education/participant_form.html", context)


@require_POST
@editor_required
def participant_delete(request, pk: int):
    participant = _editable_participant_or_404(request, pk)
    services.participant_delete(participant=participant, by=request.user)
    messages.success(request, _("The participant was removed from the class. It can be restored below."))
    return redirect("education:class_detail", pk=participant.training_class_id)


@require_POST
@editor_required
def participant_restore(request, pk: int):
    participant = _editable_participant_or_404(request, pk, deleted=True)
    try:
        services.participant_restore(participant=participant, by=request.user)
    except ValidationError as error:
        reason = " ".join(error.messages)
        messages.error(request, _("The participant was not restored: %(reason)s") % {"reason": reason})
    else:
        messages.success(request, _("The participant was restored."))
    return redirect("education:class_detail", pk=participant.training_class_id)
