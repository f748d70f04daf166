"""Meeting screens: the list with the monthly warnings, recording a meeting with its attendance (phone
friendly), the meeting page with warnings, self-rating and history, and the minutes as DOCX."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.lib.dates import add_months
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.versioning import submitted_version
from dangvu.meetings import forms, selectors, services
from dangvu.meetings.minutes import meeting_minutes_docx
from dangvu.meetings.models import Meeting, MeetingKind, ScoringSheet
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import member_holding_choices, organization_list

WARNINGS_SHOWN = 30


def _meeting_or_404(request, pk: int) -> Meeting:
    try:
        return selectors.meeting_get(user=request.user, pk=pk)
    except Meeting.DoesNotExist as missing:
        raise Http404 from missing


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@tree_user_required
def meeting_list(request):
    form = forms.MeetingFilterForm(request.GET or None, organizations=organization_list(user=request.user))
    filters = selectors.MeetingFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.MeetingFilters(
            organization=d["organization"], kind=d["kind"], month=d["month"], low_attendance=d["low_attendance"]
        )
    today = timezone.localdate()
    month = filters.month or add_months(today.replace(day=1), -1)
    quarter = dt.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)
    missing = selectors.cells_without_regular_meeting(user=request.user, month=month)
    missing_thematic = selectors.cells_without_thematic_meeting(user=request.user, quarter_start=quarter)
    if filters.organization is not None:
        missing = missing.filter(path__startswith=filters.organization.path)
        missing_thematic = missing_thematic.filter(path__startswith=filters.organization.path)
    page = Paginator(selectors.meeting_list(user=request.user, filters=filters), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "query": _query_without_page(request),
        "month": month,
        "quarter": (quarter.month - 1) // 3 + 1,
        "missing": missing[:WARNINGS_SHOWN],
        "missing_count": missing.count(),
        "missing_thematic_count": missing_thematic.count(),
    }
    template = "meetings/_results.html" if request.htmx and not request.htmx.boosted else "meetings/list.html"
    return render(request, template, context)


@editor_required
def meeting_create(request):
    cells = member_holding_choices(user=request.user)
    start = forms.MeetingStartForm(request.GET or None, cells=cells)
    if not start.is_valid():
        return render(request, "meetings/start.html", {"form": start})
    organization, held_on = start.cleaned_data["organization"], start.cleaned_data["held_on"]
    ensure_may_edit(request.user, organization)
    members = services.members_of_cell_on(organization, held_on)
    form = forms.MeetingForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_record(
                organization=organization,
                data={**form.service_data(), "held_on": held_on},
                attendance=form.attendance(),
                by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting was recorded."))
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "organization": organization, "held_on": held_on}
    return render(request, "meetings/form.html", context, status=400 if form.errors else 200)


@editor_required
def meeting_edit(request, pk: int):
    meeting = _meeting_or_404(request, pk)
    ensure_may_edit(request.user, meeting.organization)
    members = services.members_of_cell_on(meeting.organization, meeting.held_on)
    form = forms.MeetingForm(request.POST or None, instance=meeting, members=members)
    if request.method == "POST" and form.is_valid():
        meeting.refresh_from_db()
        try:
            services.meeting_record(
                organization=meeting.organization,
                data={**form.service_data(), "held_on": meeting.held_on},
                attendance=form.attendance(),
                by=request.user,
                meeting=meeting,
                version=submitted_version(form),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "organization": meeting.organization, "held_on": meeting.held_on, "meeting": meeting}
    return render(request, "meetings/form.html", context, status=400 if form.errors else 200)


@tree_user_required
def meeting_detail(request, pk: int):
    meeting = _meeting_or_404(request, pk)
    attendance = selectors.meeting_attendance(meeting=meeting)
    present = sum(1 for a in attendance if a.status == "present")
    can_edit = may_edit(request.user, meeting.organization)
    context = {
        "meeting": meeting,
        "attendance": attendance,
        "present": present,
        "present_pct": 100 * present / len(attendance) if attendance else None,
        "warnings": selectors.meeting_warnings(meeting=meeting, attendance=attendance),
        "scores": list(meeting.scores.select_related("criterion")),
        "can_edit": can_edit,
        "history": meeting.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, "meetings/detail.html", context)


@editor_required
def meeting_self_rate(request, pk: int):
    meeting = _meeting_or_404(request, pk)
    ensure_may_edit(request.user, meeting.organization)
    sheet = meeting.sheet or services.sheet_for(meeting.held_on)
    criteria = list(sheet.criteria.all()) if sheet else []
    current = {s.criterion_id: s.points for s in meeting.scores.all()}
    form = forms.SelfRatingForm(request.POST or None, criteria=criteria, current=current)
    if meeting.kind != MeetingKind.REGULAR or sheet is None:
        form.add_error(
            None,
            _("The monthly quality self-rating is for regular meetings.")
            if meeting.kind != MeetingKind.REGULAR
            else _("No scoring sheet is in force on the meeting date."),
        )
    elif request.method == "POST" and form.is_valid():
        try:
            services.meeting_self_rate(meeting=meeting, points=form.points(), by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The self-rating was saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/self_rate.html",
        {"form": form, "meeting": meeting, "sheet": sheet},
        status=400 if form.errors else 200,
    )


@tree_user_required
def meeting_minutes(request, pk: int):
    meeting = _meeting_or_404(request, pk)
    attendance = selectors.meeting_attendance(meeting=meeting)
    organization = meeting.organization
    parent = Organization.objects.filter(path=organization.path[: -Organization.steplen]).first()
    content = meeting_minutes_docx(meeting, attendance, parent.name if parent else "")
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="bien-ban-{meeting.held_on:%Y-%m-%d}-{meeting.pk}.docx"'
    return response


@require_POST
@editor_required
def meeting_delete(request, pk: int):
    meeting = _meeting_or_404(request, pk)
    ensure_may_edit(request.user, meeting.organization)
    services.meeting_delete(meeting=meeting, by=request.user)
    messages.success(request, _("The meeting was deleted. It can be restored from the deleted meetings."))
    return redirect("meetings:trash")


@require_POST
@editor_required
def meeting_restore(request, pk: int):
    meeting = get_object_or_404(selectors.deleted_meetings(user=request.user), pk=pk)
    ensure_may_edit(request.user, meeting.organization)
    try:
        services.meeting_restore(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The meeting was not restored: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("meetings:trash")
    messages.success(request, _("The meeting was restored."))
    return redirect("meetings:detail", pk=meeting.pk)


@editor_required
def trash(request):
    page = Paginator(selectors.deleted_meetings(user=request.user), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "meetings/trash.html", {"page": page})


@tree_user_required
def sheets(request):
    rows = ScoringSheet.objects.prefetch_related("criteria").order_by("province", "-valid_from")
    return render(request, "meetings/sheets.html", {"sheets": rows})
