"""Meeting screens: the list with the monthly warnings, recording a meeting with its attendance (phone
friendly), the meeting page with warnings, self-rating and history, and the minutes as DOCX."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.lib import screens
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.meetings import forms, selectors, services
from dangvu.meetings.cell_views import minutes_docx_response
from dangvu.meetings.models import ScoringSheet

EXPORT = Export(
    title=gettext_lazy("Cell meetings"),
    columns=(
        ExportColumn("held_on", gettext_lazy("Date"), width=12),
        ExportColumn("organization.name", gettext_lazy("Cell"), width=32),
        ExportColumn("kind", gettext_lazy("Kind"), value=lambda m: m.get_kind_display(), width=14),
        ExportColumn("online", gettext_lazy("Online"), value=lambda m: _("yes") if m.online else "", width=8),
        ExportColumn("attendance_present", gettext_lazy("Present"), width=10),
        ExportColumn("attendance_expected", gettext_lazy("Members of the cell"), width=10),
        ExportColumn("duration_minutes", gettext_lazy("Minutes"), width=10),
        ExportColumn("self_rating", gettext_lazy("Self-rating"), value=lambda m: m.get_self_rating_quality_display()),
    ),
)


def _meeting(request, pk: int, deleted: bool = False):
    return object_or_404(selectors.meeting_get, user=request.user, pk=pk, deleted=deleted)


@tree_user_required
def meeting_list(request):
    form = forms.MeetingFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    missing = selectors.missing_meetings(user=request.user, filters=filters, today=timezone.localdate())
    return render_list(
        request,
        rows=selectors.meeting_list(user=request.user, filters=filters),
        template="meetings/list.html",
        results_template="meetings/_results.html",
        form=form,
        export=EXPORT,
        context={"missing": missing},
    )


def _meeting_form(request, form, meeting=None):
    message = _("Saved.") if meeting else _("The meeting was recorded.")
    saved = screens.save_form(
        request, form, lambda d: form.save(by=request.user), message=message, then="meetings:detail"
    )
    context = {"form": form, "organization": form.organization, "held_on": form.held_on, "meeting": meeting}
    return saved or render(request, "meetings/form.html", context)


@editor_required
def meeting_create(request):
    start = forms.MeetingStartForm(request.GET or None, user=request.user)
    if not start.is_valid():
        return render(request, "meetings/start.html", {"form": start})
    ensure_may_edit(request.user, start.cleaned_data["organization"])
    return _meeting_form(request, forms.MeetingForm(request.POST or None, **start.cleaned_data))


@editor_required
def meeting_edit(request, pk: int):
    meeting = _meeting(request, pk)
    ensure_may_edit(request.user, meeting)
    return _meeting_form(request, forms.MeetingForm(request.POST or None, instance=meeting), meeting)


@tree_user_required
def meeting_detail(request, pk: int):
    meeting = _meeting(request, pk)
    attendance = selectors.meeting_attendance(meeting=meeting)
    present, present_pct = selectors.attendance_present(attendance)
    context = {
        "meeting": meeting,
        "record": meeting,
        "attendance": attendance,
        "present": present,
        "present_pct": present_pct,
        "warnings": selectors.meeting_warnings(meeting=meeting, attendance=attendance),
        "scores": list(meeting.scores.select_related("criterion")),
        "can_edit": may_edit(request.user, meeting),
        "history": history_of(meeting),
    }
    return render(request, "meetings/detail.html", context)


@editor_required
def meeting_self_rate(request, pk: int):
    meeting = _meeting(request, pk)
    ensure_may_edit(request.user, meeting)
    form = forms.SelfRatingForm(request.POST or None, meeting=meeting)
    saved = screens.save_form(
        request,
        form,
        lambda d: form.save(by=request.user),
        message=_("The self-rating was saved."),
        then=lambda _rating: reverse("meetings:detail", args=[meeting.pk]),
    )
    return saved or render(request, "meetings/self_rate.html", {"form": form, "meeting": meeting, "sheet": form.sheet})


@tree_user_required
def meeting_minutes(request, pk: int):
    return minutes_docx_response(_meeting(request, pk))


meeting_delete = delete_view(
    get=_meeting,
    delete=lambda meeting, by: services.meeting_delete(meeting=meeting, by=by),
    message=gettext_lazy("The meeting was deleted. It can be restored from the deleted meetings."),
    then="meetings:trash",
)
meeting_restore = restore_view(
    get=lambda request, pk: _meeting(request, pk, deleted=True),
    restore=lambda meeting, by: services.meeting_restore(meeting=meeting, by=by),
    message=gettext_lazy("The meeting was restored."),
    refused=gettext_lazy("The meeting was not restored: %(reason)s"),
    then="meetings:detail",
    refused_then="meetings:trash",
)


@editor_required
def trash(request):
    return render_list(
        request,
        rows=selectors.deleted_meetings(user=request.user),
        template="meetings/trash.html",
        results_template="meetings/_trash_results.html",
    )


@tree_user_required
def sheets(request):
    rows = ScoringSheet.objects.prefetch_related("criteria").order_by("province", "-valid_from")
    return render(request, "meetings/sheets.html", {"sheets": rows})
