"""The phone pages of issue 17: a member's next meeting ("I cannot attend"), and the cell's own pages for its
secretary (the office may use them for a cell of its subtree): notices, the meeting on the day (attendance with
one tap, times), the minutes as the rules ask, the self-rating, the signed scan and the DOCX."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts import policy
from dangvu.accounts.decorators import portal_account_required, tree_user_required
from dangvu.lib import screens
from dangvu.lib.screens import object_or_404
from dangvu.meetings import forms, selectors, services
from dangvu.meetings.minutes import meeting_minutes_docx
from dangvu.meetings.models import AttendanceStatus, NoticeState
from dangvu.meetings.rules import NOTICE_RULE_SOURCE, min_duration


def _keeps_some_cell(user) -> bool:
    return policy.secretary_cell(user) is not None or policy.keeps_registry(user)


def cell_keeper_required(view):
    """A cell secretary, or the office (registry keepers); which cell is checked per record (`keeps_cell`)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not _keeps_some_cell(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.access_guard = "_keeps_some_cell"
    return wrapper


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- The member's pages ---------------------------------------------------------------------------------


def _member_notice_page(request, notice):
    member = policy.portal_member(request.user)
    excuse = notice.excuses.filter(member=member).first() if notice is not None else None
    before = (
        notice is not None and notice.state == NoticeState.SENT and timezone.now() < services.meeting_begins(notice)
    )
    context = {
        "notice": notice,
        "agenda": list(notice.agenda.all()) if notice else [],
        "materials": selectors.notice_materials(notice) if notice else [],
        "excuse": excuse,
        "may_excuse": before,
        "form": forms.ExcuseForm(initial={"reason": excuse.reason} if excuse else None),
    }
    return render(request, "meetings/portal/next.html", context)


@portal_account_required
def my_next(request):
    return _member_notice_page(request, selectors.next_notice(user=request.user, today=timezone.localdate()))


@portal_account_required
def my_notice(request, pk: int):
    return _member_notice_page(request, object_or_404(selectors.member_notice_get, user=request.user, pk=pk))


@portal_account_required
@require_POST
def excuse(request, pk: int):
    notice = object_or_404(selectors.member_notice_get, user=request.user, pk=pk)
    member = policy.portal_member(request.user)
    try:
        if request.POST.get("action") == "withdraw":
            services.excuse_withdraw(notice=notice, member=member, by=request.user)
            messages.success(request, _("Your excuse was withdrawn: you are expected at the meeting."))
        else:
            form = forms.ExcuseForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say why you cannot attend."))
            services.excuse_give(notice=notice, member=member, reason=form.cleaned_data["reason"], by=request.user)
            messages.success(request, _("The secretary will see your excuse on the attendance sheet."))
    except ValidationError as error:
        _refused(request, error)
    return redirect("meetings:my_notice", pk=notice.pk)


def material(request, pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    item = object_or_404(selectors.material_get, user=request.user, pk=pk)
    stored = item.file or (item.document.file if item.document_id else None)
    if not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1])


# --- The cell's pages -------------------------------------------------------------------------------------


def _cell(request, cell: int):
    return object_or_404(selectors.cell_for_keeper, user=request.user, pk=cell)


def _notice(request, pk: int):
    return object_or_404(selectors.notice_for_keeper, user=request.user, pk=pk)


def _meeting(request, pk: int):
    return object_or_404(selectors.meeting_for_keeper, user=request.user, pk=pk)


@cell_keeper_required
def cell_home(request, cell: int):
    organization = _cell(request, cell)
    context = {
        "cell": organization,
        "notices": selectors.cell_notices(cell=organization),
        "meetings": selectors.cell_meetings(cell=organization),
    }
    return render(request, "meetings/portal/cell.html", context)


def _notice_form(request, form, organization):
    saved = screens.save_form(
        request,
        form,
        lambda d: form.save(by=request.user),
        message=_("The notice was saved as a draft; send it when it is ready."),
        then="meetings:notice",
    )
    return saved or render(request, "meetings/portal/notice_form.html", {"form": form, "cell": organization})


@cell_keeper_required
def notice_create(request, cell: int):
    organization = _cell(request, cell)
    return _notice_form(request, forms.NoticeForm(request.POST or None, organization=organization), organization)


@cell_keeper_required
def notice_edit(request, pk: int):
    notice = _notice(request, pk)
    if notice.state != NoticeState.DRAFT:
        messages.error(request, _("Only a draft notice can be changed."))
        return redirect("meetings:notice", pk=notice.pk)
    form = forms.NoticeForm(request.POST or None, organization=notice.organization, notice=notice)
    return _notice_form(request, form, notice.organization)


@cell_keeper_required
def notice_detail(request, pk: int):
    notice = _notice(request, pk)
    today = timezone.localdate()
    context = {
        "notice": notice,
        "agenda": list(notice.agenda.all()),
        "materials": selectors.notice_materials(notice),
        "excuses": list(notice.excuses.select_related("member").order_by("member__sort_key")),
        "meeting": notice.meetings.order_by("pk").first(),
        "material_form": forms.MaterialForm(notice=notice),
        "may_start": notice.state == NoticeState.SENT and notice.held_on == today,
        "rule_source": NOTICE_RULE_SOURCE,
    }
    return render(request, "meetings/portal/notice.html", context)


def _notice_action(action, message):
    @cell_keeper_required
    @require_POST
    def view(request, pk: int):
        notice = _notice(request, pk)
        try:
            result = action(notice=notice, by=request.user)
        except ValidationError as error:
            _refused(request, error)
            return redirect("meetings:notice", pk=notice.pk)
        late = action is services.notice_send and result.late
        (messages.warning if late else messages.success)(request, message(result) if callable(message) else message)
        if action is services.meeting_start:
            return redirect("meetings:sheet", pk=result.pk)
        return redirect("meetings:notice", pk=notice.pk)

    return view


def _sent_message(notice):
    if notice.late:
        return _(
            "The notice was sent, late: %(source)s asks for it at least one day before; the higher committee is told."
        ) % {"source": NOTICE_RULE_SOURCE}
    return _("The notice was sent to the members of the cell and the higher committee.")


notice_send = _notice_action(services.notice_send, _sent_message)
notice_cancel = _notice_action(services.notice_cancel, _("The meeting was cancelled."))
notice_start = _notice_action(services.meeting_start, _("The meeting has started: take the attendance."))


@cell_keeper_required
@require_POST
def material_add(request, pk: int):
    notice = _notice(request, pk)
    form = forms.MaterialForm(request.POST, request.FILES, notice=notice)
    if form.is_valid():
        try:
            form.save(by=request.user)
            messages.success(request, _("The material was added."))
        except ValidationError as error:
            _refused(request, error)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("meetings:notice", pk=notice.pk)


def _duration_note(meeting):
    minimum, source = min_duration(meeting.held_on, combined=meeting.combined)
    return {
        "minimum": minimum,
        "source": source,
        "short": meeting.ended_at is not None and meeting.duration_minutes < minimum,
    }


@cell_keeper_required
def sheet(request, pk: int):
    meeting = _meeting(request, pk)
    rows = selectors.attendance_sheet(meeting)
    context = {
        "meeting": meeting,
        "rows": rows,
        "statuses": AttendanceStatus.choices,
        "times_form": forms.TimesForm(initial={"started_at": meeting.started_at, "ended_at": meeting.ended_at}),
        "duration": _duration_note(meeting),
    }
    return render(request, "meetings/portal/sheet.html", context)


@cell_keeper_required
@require_POST
def mark(request, pk: int, member: int):
    meeting = _meeting(request, pk)
    try:
        services.attendance_mark(
            meeting=meeting,
            member_id=member,
            status=request.POST.get("status", ""),
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as error:
        if not request.htmx:
            _refused(request, error)
            return redirect("meetings:sheet", pk=meeting.pk)
        return HttpResponse(" ".join(error.messages), status=400)
    if request.htmx:
        meeting.refresh_from_db()
        row = next(r for r in selectors.attendance_sheet(meeting) if r.attendance.member_id == member)
        context = {"meeting": meeting, "row": row, "statuses": AttendanceStatus.choices, "oob": True}
        return render(request, "meetings/portal/_sheet_row.html", context)
    return redirect("meetings:sheet", pk=meeting.pk)


@cell_keeper_required
@require_POST
def times(request, pk: int):
    meeting = _meeting(request, pk)
    form = forms.TimesForm(request.POST)
    if form.is_valid():
        try:
            meeting = services.meeting_times(
                meeting=meeting,
                started_at=form.cleaned_data["started_at"],
                ended_at=form.cleaned_data["ended_at"],
                by=request.user,
            )
            note = _duration_note(meeting)
            if note["short"]:
                messages.warning(
                    request,
                    _("%(source)s: the meeting lasted %(minutes)s minutes, under %(min)s.")
                    % {"source": note["source"], "minutes": meeting.duration_minutes, "min": note["minimum"]},
                )
            else:
                messages.success(request, _("Saved."))
        except ValidationError as error:
            _refused(request, error)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("meetings:sheet", pk=meeting.pk)


@cell_keeper_required
def minutes(request, pk: int):
    meeting = _meeting(request, pk)
    form = forms.MinutesForm(
        request.POST or None,
        initial={
            "chaired_by": meeting.chaired_by,
            "minutes_by": meeting.minutes_by,
            "exempted": meeting.exempted,
            "approved_at": meeting.approved_at,
        },
    )
    saved = screens.save_form(
        request,
        form,
        lambda d: services.minutes_save(meeting=meeting, by=request.user, **d),
        message=_("Saved."),
        then=lambda m: reverse("meetings:cell_minutes", args=[m.pk]),
    )
    if saved:
        return saved
    attendance = selectors.meeting_attendance(meeting=meeting)
    context = {
        "meeting": meeting,
        "form": form,
        "items": selectors.minutes_items(meeting),
        "totals": selectors.member_totals(meeting, attendance),
        "excused": [a for a in attendance if a.status == AttendanceStatus.EXCUSED],
        "unexcused": [a for a in attendance if a.status == AttendanceStatus.UNEXCUSED],
        "present": sum(1 for a in attendance if a.status == AttendanceStatus.PRESENT),
        "speech_form": forms.SpeechForm(),
        "vote_form": forms.VoteForm(),
    }
    return render(request, "meetings/portal/minutes.html", context)


def _item_action(form_class, save):
    @cell_keeper_required
    @require_POST
    def view(request, pk: int):
        item = object_or_404(selectors.minutes_item_for_keeper, user=request.user, pk=pk)
        form = form_class(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError([m for errors in form.errors.values() for m in errors])
            save(item=item, by=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
        except ValidationError as error:
            _refused(request, error)
        return redirect(reverse("meetings:cell_minutes", args=[item.meeting_id]) + f"#item-{item.pk}")

    return view


item_conclusion = _item_action(forms.ConclusionForm, services.minutes_item_conclude)
item_speech = _item_action(forms.SpeechForm, services.speech_add)
item_vote = _item_action(forms.VoteForm, services.vote_add)


@cell_keeper_required
def rate(request, pk: int):
    meeting = _meeting(request, pk)
    form = forms.SelfRatingForm(request.POST or None, meeting=meeting)
    saved = screens.save_form(
        request,
        form,
        lambda d: form.save(by=request.user),
        message=_("The self-rating was saved."),
        then=lambda m: reverse("meetings:sheet", args=[m.pk]),
    )
    return saved or render(request, "meetings/portal/rate.html", {"form": form, "meeting": meeting})


@cell_keeper_required
@require_POST
def scan(request, pk: int):
    meeting = _meeting(request, pk)
    form = forms.ScanForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(_("Attach the signed minutes as a PDF, JPG or PNG file."))
        services.scan_attach(meeting=meeting, upload=form.cleaned_data["scan"], by=request.user)
        messages.success(request, _("The signed minutes were attached."))
    except ValidationError as error:
        _refused(request, error)
    return redirect(reverse("meetings:cell_minutes", args=[meeting.pk]))


@cell_keeper_required
def scan_file(request, pk: int):
    meeting = _meeting(request, pk)
    if not meeting.signed_scan:
        raise Http404
    return FileResponse(
        meeting.signed_scan.open("rb"), as_attachment=True, filename=meeting.signed_scan.name.rsplit("/", 1)[-1]
    )


def minutes_docx_response(meeting) -> HttpResponse:
    parent = selectors.superior_of(meeting.organization)
    attendance = selectors.meeting_attendance(meeting=meeting)
    items = selectors.minutes_items(meeting)
    content = meeting_minutes_docx(
        meeting,
        attendance,
        parent.name if parent else "",
        totals=selectors.member_totals(meeting, attendance) if meeting.notice_id else None,
        items=items or None,
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="bien-ban-{meeting.held_on:%Y-%m-%d}-{meeting.pk}.docx"'
    return response


@cell_keeper_required
def minutes_docx(request, pk: int):
    return minutes_docx_response(_meeting(request, pk))


# --- The office: notices sent late (the dashboard's warning leads here) --------------------------------------


@tree_user_required
def late_notices(request):
    organization = None
    if request.GET.get("organization", "").isdigit():
        organization = policy.organizations_to_view(request.user).filter(pk=request.GET["organization"]).first()
    rows = selectors.late_notices(user=request.user, organization=organization, today=timezone.localdate())
    context = {
        "rows": list(rows[:500]),
        "count": rows.count(),
        "organization": organization,
        "source": NOTICE_RULE_SOURCE,
    }
    return render(request, "meetings/late_notices.html", context)
