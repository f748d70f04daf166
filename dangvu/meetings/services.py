"""Writes of cell meetings: record or change a meeting with its attendance, the monthly self-rating,
soft delete and restore. Each refuses the whole change with a Vietnamese message naming the rule."""

import datetime as dt
import os
import tempfile
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.untrusted_files import FileRefused, inspect_image, inspect_pdf
from dangvu.lib.versioning import ensure_current
from dangvu.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CriterionScore,
    Excuse,
    Meeting,
    MeetingKind,
    MeetingNotice,
    MinutesItem,
    NoticeKind,
    NoticeMaterial,
    NoticeState,
    ScoringSheet,
    Speech,
    Vote,
    VoteMethod,
)
from dangvu.meetings.rules import meeting_rules_on, min_duration, minutes_between, notice_is_late
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization

MEETING_FIELDS = (
    "kind",
    "online",
    "held_on",
    "duration_minutes",
    "venue",
    "locality",
    "topic",
    "content",
    "chaired_by",
    "minutes_by",
)
MAX_DURATION_MINUTES = 600


def members_of_cell_on(organization: Organization, on: dt.date) -> list[Member]:
    """Members counted in the cell on the meeting day (temporarily transferred members stay at home)."""
    ids = MembershipSpell.objects.open_on(on).filter(organization=organization).values("member_id")
    return list(Member.objects.filter(pk__in=ids).order_by("sort_key", "pk"))


def sheet_for(on: dt.date, province: str | None = None) -> ScoringSheet | None:
    """The scoring sheet in force on `on` for the province (`settings.DANGVU_PROVINCE`), else the default sheet."""
    province = getattr(settings, "DANGVU_PROVINCE", "") if province is None else province
    in_force = ScoringSheet.objects.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return (
        in_force.filter(province=province).order_by("-valid_from").first()
        or in_force.filter(province="").order_by("-valid_from").first()
    )


def _validate(organization: Organization, values: dict, *, today: dt.date, meeting: Meeting | None) -> None:
    held_on = values["held_on"]
    if organization.kind not in MEMBER_HOLDING_KINDS:
        raise refuse("organization", _("Meetings are recorded for cells and base cells."))
    if organization.deleted_at is not None or (organization.founded_on and organization.founded_on > held_on):
        raise refuse(
            "held_on",
            _("%(name)s did not exist on %(day)s.") % {"name": organization.name, "day": format_short(held_on)},
        )
    if organization.ended_on is not None and organization.ended_on <= held_on:
        raise refuse(
            "held_on", _("%(name)s had ended by %(day)s.") % {"name": organization.name, "day": format_short(held_on)}
        )
    if held_on > today:
        raise refuse("held_on", _("A meeting is recorded after it is held; the date is in the future."))
    if values["kind"] not in MeetingKind.values:
        raise refuse("kind", _("Choose regular or thematic."))
    duration = values["duration_minutes"] or 0
    if not 0 < duration <= MAX_DURATION_MINUTES:
        raise refuse("duration_minutes", _("Enter the duration in minutes, from 1 to 600."))
    if not (values["content"] or "").strip():
        raise refuse("content", _("HD 12-HD/BTCTW 2018: the minutes are kept in full; enter the content."))
    for field, message in (
        ("chaired_by", _("Enter who chaired the meeting.")),
        ("minutes_by", _("Enter who took the minutes.")),
    ):
        if not (values[field] or "").strip():
            raise refuse(field, message)
    if not (values["locality"] or "").strip():
        raise refuse("locality", _("Enter the place for the date line of the minutes."))
    if values["kind"] == MeetingKind.THEMATIC and not (values["topic"] or "").strip():
        raise refuse("topic", _("A thematic meeting has a topic."))
    if values["kind"] == MeetingKind.REGULAR:
        same_month = Meeting.objects.filter(
            organization=organization,
            kind=MeetingKind.REGULAR,
            held_on__year=held_on.year,
            held_on__month=held_on.month,
        )
        if meeting is not None:
            same_month = same_month.exclude(pk=meeting.pk)
        other = same_month.first()
        if other is not None:
            raise refuse(
                "held_on",
                _("%(source)s: one regular meeting a month; %(name)s already held it on %(day)s.")
                % {
                    "source": meeting_rules_on(held_on).source,
                    "name": organization.name,
                    "day": format_short(other.held_on),
                },
            )


@transaction.atomic
def meeting_record(
    *,
    organization: Organization,
    data: dict,
    attendance: dict[int, tuple[str, str]],
    by: User | None,
    meeting: Meeting | None = None,
    version: int | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """Create (or change) a meeting and its attendance: one row per member of the cell on the day.

    A change locks the meeting first (its attendance counts derive from the rows written here) and refuses
    a form opened on an older `version` that would undo a change made since (lib.versioning)."""
    today = today or timezone.localdate()
    caller = meeting
    if meeting is not None:
        meeting = Meeting.all_objects.select_for_update().get(pk=meeting.pk)
        ensure_current(meeting, version=version, data={k: v for k, v in data.items() if k in MEETING_FIELDS})
    values = {name: data.get(name) for name in MEETING_FIELDS}
    if values["held_on"] is None:
        raise refuse("held_on", _("Enter the date of the meeting."))
    _validate(organization, values, today=today, meeting=meeting)
    members = members_of_cell_on(organization, values["held_on"])
    expected = {m.pk for m in members}
    if set(attendance) != expected:
        raise refuse(
            "attendance",
            _("Attendance is recorded for every member of the cell on %(day)s (%(count)s members); reload the form.")
            % {"day": format_short(values["held_on"]), "count": len(expected)},
        )
    names = {m.pk: m.full_name for m in members}
    for member_id, (status, _note) in attendance.items():
        if status not in AttendanceStatus.values:
            raise refuse(
                "attendance", _("Choose present, excused or unexcused for %(name)s.") % {"name": names[member_id]}
            )
    if meeting is None:
        meeting = Meeting(organization=organization)
    for name in MEETING_FIELDS:
        setattr(meeting, name, values[name] if values[name] is not None else "")
    meeting.online = bool(values["online"])
    meeting.topic = meeting.topic if meeting.kind == MeetingKind.THEMATIC else ""
    meeting.attendance_expected = len(attendance)
    meeting.attendance_present = sum(1 for status, _note in attendance.values() if status == AttendanceStatus.PRESENT)
    meeting._history_user = by
    meeting.save()
    existing = {a.member_id: a for a in meeting.attendance.all()}
    for member_id, row in existing.items():
        if member_id not in attendance:
            row.delete()
    for member_id, (status, note) in attendance.items():
        row = existing.get(member_id) or Attendance(meeting=meeting, member_id=member_id)
        if row.pk and row.status == status and row.note == (note or ""):
            continue
        row.status, row.note = status, note or ""
        row._history_user = by
        row.save()
    if caller is not None:
        caller.refresh_from_db()
    return meeting


@transaction.atomic
def meeting_self_rate(*, meeting: Meeting, points: dict[int, Decimal], by: User | None) -> Meeting:
    """The monthly quality self-rating of a regular meeting against the sheet in force on its date."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.kind != MeetingKind.REGULAR:
        raise refuse("sheet", _("The monthly quality self-rating is for regular meetings."))
    sheet = meeting.sheet or sheet_for(meeting.held_on)
    if sheet is None:
        raise refuse("sheet", _("No scoring sheet is in force on the meeting date."))
    criteria = list(sheet.criteria.all())
    total = Decimal(0)
    for criterion in criteria:
        value = points.get(criterion.pk)
        if value is None:
            raise refuse(f"c{criterion.pk}", _("Enter the points for every criterion."))
        if not Decimal(0) <= value <= criterion.max_points:
            raise refuse(
                f"c{criterion.pk}",
                _("Points are from 0 to %(max)s for this criterion.") % {"max": criterion.max_points.normalize()},
            )
        total += value
    existing = {s.criterion_id: s for s in meeting.scores.all()}
    for criterion in criteria:
        score = existing.get(criterion.pk) or CriterionScore(meeting=meeting, criterion=criterion)
        score.points = points[criterion.pk]
        score._history_user = by
        score.save()
    meeting.sheet = sheet
    meeting.self_rating_points = total
    meeting.self_rating_quality = sheet.quality_for(total)
    meeting._history_user = by
    meeting.save()
    return meeting


def meeting_delete(*, meeting: Meeting, by: User | None) -> None:
    soft_delete(meeting, by=by)


def meeting_restore(*, meeting: Meeting, by: User | None) -> None:
    restore(meeting, by=by, check=_one_regular_a_month)


def _one_regular_a_month(meeting: Meeting) -> None:
    if meeting.kind == MeetingKind.REGULAR:
        clash = Meeting.objects.filter(
            organization_id=meeting.organization_id,
            kind=MeetingKind.REGULAR,
            held_on__year=meeting.held_on.year,
            held_on__month=meeting.held_on.month,
        ).first()
        if clash is not None:
            raise refuse(
                "held_on",
                _("%(source)s: one regular meeting a month; the meeting of %(day)s is recorded for that month.")
                % {"source": meeting_rules_on(meeting.held_on).source, "day": format_short(clash.held_on)},
            )


# --- Issue 17: notices, excuses, the meeting on the day and its minutes (the cell's own pages) --------------

NOTICE_FIELDS = ("kind", "topic", "held_on", "starts_at", "place", "online", "link")


def _notice_trigger(code: str, on: dt.date) -> None:
    from dangvu.notifications.triggers import run_now

    transaction.on_commit(lambda: run_now(code, on=on))


@transaction.atomic
def notice_save(
    *,
    organization: Organization,
    data: dict,
    agenda: list[tuple[str, bool, bool]],
    by: User | None,
    notice: MeetingNotice | None = None,
    today: dt.date | None = None,
) -> MeetingNotice:
    """Write a draft notice with its agenda (in order: title, discussed, voted)."""
    today = today or timezone.localdate()
    if organization.kind not in MEMBER_HOLDING_KINDS or organization.deleted_at is not None:
        raise refuse("organization", _("Meetings are recorded for cells and base cells."))
    if notice is not None and notice.state != NoticeState.DRAFT:
        raise refuse("state", _("Only a draft notice can be changed."))
    values = {name: data.get(name) for name in NOTICE_FIELDS}
    if values["held_on"] is None:
        raise refuse("held_on", _("Enter the date of the meeting."))
    if values["held_on"] < today:
        raise refuse("held_on", _("The meeting date is in the past."))
    if values["starts_at"] is None:
        raise refuse("starts_at", _("Enter the start time, e.g. 14:00."))
    if values["kind"] not in NoticeKind.values:
        raise refuse("kind", _("Choose regular, thematic or both."))
    if values["kind"] != NoticeKind.REGULAR and not (values["topic"] or "").strip():
        raise refuse("topic", _("A thematic meeting has a topic."))
    if values["online"] and not (values["link"] or "").strip():
        raise refuse("link", _("Enter the link of the online meeting."))
    if not values["online"] and not (values["place"] or "").strip():
        raise refuse("place", _("Enter the place of the meeting."))
    items = [(title.strip(), discussed, voted) for title, discussed, voted in agenda if (title or "").strip()]
    if not items:
        raise refuse("agenda", _("Enter at least one agenda item."))
    notice = notice or MeetingNotice(organization=organization)
    for name in NOTICE_FIELDS:
        setattr(notice, name, values[name] if values[name] is not None else "")
    notice.online = bool(values["online"])
    notice.topic = notice.topic.strip() if notice.kind != NoticeKind.REGULAR else ""
    notice._history_user = by
    notice.save()
    notice.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(notice=notice, order=index, title=title, discussed=bool(discussed), voted=bool(voted))
        for index, (title, discussed, voted) in enumerate(items, start=1)
    )
    return notice


MATERIAL_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".jpg", ".jpeg", ".png", ".odt")


@transaction.atomic
def material_add(*, notice: MeetingNotice, title: str, upload=None, document=None, by: User | None) -> NoticeMaterial:
    """A material of the meeting: an uploaded file (inspected as every attachment) or a registered document."""
    from dangvu.documents.services import validate_file

    if notice.state not in (NoticeState.DRAFT, NoticeState.SENT):
        raise refuse("state", _("Materials are added to a notice before the meeting."))
    if upload is None and document is None:
        raise refuse("file", _("Choose a file or a document."))
    if upload is not None:
        validate_file(upload)
    title = (title or "").strip() or (str(document.subject) if document is not None else os.path.basename(upload.name))
    material = NoticeMaterial(notice=notice, title=title[:255], document=document)
    if upload is not None:
        material.file = upload
    material._history_user = by
    material.save()
    return material


@transaction.atomic
def notice_send(*, notice: MeetingNotice, by: User | None, now=None) -> MeetingNotice:
    """Send a draft notice to the members of the cell and the higher committee (the notifications app
    delivers). HD 42-HD/BTCTW 2025: sent later than a day before, it is flagged late and the higher committee
    is told."""
    now = now or timezone.now()
    notice = MeetingNotice.objects.select_for_update().get(pk=notice.pk)
    if notice.state != NoticeState.DRAFT:
        raise refuse("state", _("Only a draft notice can be sent."))
    sent_on = timezone.localdate(now)
    if notice.held_on < sent_on:
        raise refuse("held_on", _("The meeting date is in the past."))
    notice.state, notice.sent_at, notice.sent_on, notice.sent_by = NoticeState.SENT, now, sent_on, by
    notice.late = notice_is_late(held_on=notice.held_on, sent_on=sent_on)
    notice._history_user = by
    notice.save()
    _notice_trigger("meetings.notice_sent", sent_on)
    if notice.late:
        _notice_trigger("meetings.notice_late", sent_on)
    return notice


@transaction.atomic
def notice_cancel(*, notice: MeetingNotice, by: User | None) -> MeetingNotice:
    notice = MeetingNotice.objects.select_for_update().get(pk=notice.pk)
    if notice.state not in (NoticeState.DRAFT, NoticeState.SENT):
        raise refuse("state", _("A meeting already held cannot be cancelled."))
    notice.state = NoticeState.CANCELLED
    notice._history_user = by
    notice.save()
    return notice


def meeting_begins(notice: MeetingNotice) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(notice.held_on, notice.starts_at))


def _ensure_before_meeting(notice: MeetingNotice, now) -> None:
    if notice.state != NoticeState.SENT:
        raise refuse("notice", _("This meeting is not announced."))
    if (now or timezone.now()) >= meeting_begins(notice):
        raise refuse("reason", _("The meeting has begun; an absence is excused before it."))


@transaction.atomic
def excuse_give(*, notice: MeetingNotice, member: Member, reason: str, by: User | None, now=None) -> Excuse:
    """A member's "I cannot attend" with a reason, before the meeting; given again, the reason is replaced."""
    _ensure_before_meeting(notice, now)
    reason = (reason or "").strip()
    if not reason:
        raise refuse("reason", _("Say why you cannot attend."))
    if (
        not MembershipSpell.objects.open_on(notice.held_on)
        .filter(organization=notice.organization, member=member)
        .exists()
    ):
        raise refuse("notice", _("You are not a member of this cell on the meeting day."))
    excuse = Excuse.objects.filter(notice=notice, member=member).first() or Excuse(notice=notice, member=member)
    excuse.reason = reason[:255]
    excuse._history_user = by
    excuse.save()
    return excuse


@transaction.atomic
def excuse_withdraw(*, notice: MeetingNotice, member: Member, by: User | None, now=None) -> None:
    _ensure_before_meeting(notice, now)
    excuse = Excuse.objects.filter(notice=notice, member=member).first()
    if excuse is not None:
        excuse._history_user = by
        excuse.delete()


def _notice_content(notice: MeetingNotice) -> str:
    return "\n".join(f"{item.order}. {item.title}" for item in notice.agenda.all())


@transaction.atomic
def meeting_start(*, notice: MeetingNotice, by: User | None, now=None) -> Meeting:
    """On the day: record the meeting from its notice, everyone present but those who excused themselves
    (with their reasons), and one item of the minutes per agenda item. A notice of both kinds records a
    regular and a thematic meeting (the indicators count each); the regular one carries the minutes."""
    now = now or timezone.now()
    notice = MeetingNotice.objects.select_for_update().get(pk=notice.pk)
    if notice.state != NoticeState.SENT:
        raise refuse("state", _("Only a sent notice starts a meeting."))
    today = timezone.localdate(now)
    if notice.held_on != today:
        raise refuse(
            "held_on", _("The meeting is started on its day, %(day)s.") % {"day": format_short(notice.held_on)}
        )
    members = members_of_cell_on(notice.organization, notice.held_on)
    excuses = dict(notice.excuses.values_list("member_id", "reason"))
    attendance = {
        m.pk: (AttendanceStatus.EXCUSED, excuses[m.pk]) if m.pk in excuses else (AttendanceStatus.PRESENT, "")
        for m in members
    }
    name = by.member.full_name if by is not None and by.member_id else (by.get_full_name() if by else "")
    kinds = [MeetingKind.REGULAR, MeetingKind.THEMATIC] if notice.is_combined else [notice.kind]
    minimum, _source = min_duration(notice.held_on, combined=notice.is_combined)
    meetings = []
    for kind in kinds:
        data = {
            "kind": kind,
            "online": notice.online,
            "held_on": notice.held_on,
            "duration_minutes": minimum,
            "venue": notice.place if not notice.online else (notice.place or notice.link)[:255],
            "locality": getattr(settings, "DANGVU_DOCUMENT_PLACE", "Kiên Giang"),
            "topic": notice.topic,
            "content": _notice_content(notice) or "-",
            "chaired_by": name or "-",
            "minutes_by": name or "-",
        }
        meeting = meeting_record(organization=notice.organization, data=data, attendance=attendance, by=by, today=today)
        meeting.notice, meeting.combined = notice, notice.is_combined
        meeting.started_at = timezone.localtime(now).time().replace(second=0, microsecond=0)
        meeting._history_user = by
        meeting.save()
        meetings.append(meeting)
    MinutesItem.objects.bulk_create(
        MinutesItem(meeting=meetings[0], order=item.order, title=item.title) for item in notice.agenda.all()
    )
    notice.state = NoticeState.HELD
    notice._history_user = by
    notice.save()
    return meetings[0]


def _meetings_of(meeting: Meeting) -> list[Meeting]:
    """The meeting and, for a notice of both kinds, its twin: attendance and times are written to both."""
    if meeting.notice_id is None:
        return [Meeting.objects.select_for_update().get(pk=meeting.pk)]
    return list(Meeting.objects.select_for_update().filter(notice_id=meeting.notice_id).order_by("pk"))


@transaction.atomic
def attendance_mark(*, meeting: Meeting, member_id: int, status: str, note: str = "", by: User | None) -> Attendance:
    """One tap on the attendance sheet: a member's status (and reason), the meeting's counts kept right."""
    if status not in AttendanceStatus.values:
        raise refuse("status", _("Choose present, excused or unexcused."))
    marked = None
    for each in _meetings_of(meeting):
        row = each.attendance.filter(member_id=member_id).first()
        if row is None:
            raise refuse("member", _("This member is not on the attendance sheet."))
        row.status = status
        row.note = "" if status == AttendanceStatus.PRESENT else (note or row.note or "")[:255]
        row._history_user = by
        row.save()
        each.attendance_present = each.attendance.filter(status=AttendanceStatus.PRESENT).count()
        each.attendance_expected = each.attendance.count()
        each._history_user = by
        each.save(update_fields=["attendance_present", "attendance_expected"])
        marked = marked or row
    return marked


@transaction.atomic
def meeting_times(*, meeting: Meeting, started_at: dt.time, ended_at: dt.time | None, by: User | None) -> Meeting:
    """The start and end time; the duration follows from them."""
    if started_at is None:
        raise refuse("started_at", _("Enter the start time, e.g. 14:00."))
    duration = minutes_between(started_at, ended_at) if ended_at is not None else None
    if duration is not None and not 0 < duration <= MAX_DURATION_MINUTES:
        raise refuse("ended_at", _("Enter the duration in minutes, from 1 to 600."))
    for each in _meetings_of(meeting):
        each.started_at, each.ended_at = started_at, ended_at
        if duration is not None:
            each.duration_minutes = duration
        each._history_user = by
        each.save()
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    chaired_by: str,
    minutes_by: str,
    approved_at: dt.time | None,
    exempted: str = "",
    by: User | None,
) -> Meeting:
    """Who chaired and took the minutes, the members exempted from party life, and when the minutes were read
    back and approved."""
    for field, value, message in (
        ("chaired_by", chaired_by, _("Enter who chaired the meeting.")),
        ("minutes_by", minutes_by, _("Enter who took the minutes.")),
    ):
        if not (value or "").strip():
            raise refuse(field, message)
    for each in _meetings_of(meeting):
        each.chaired_by, each.minutes_by = chaired_by.strip(), minutes_by.strip()
        each.approved_at = approved_at
        each.exempted = (exempted or "").strip()[:500]
        each._history_user = by
        each.save()
    meeting.refresh_from_db()
    return meeting


def minutes_item_conclude(*, item: MinutesItem, conclusion: str, by: User | None) -> MinutesItem:
    item.conclusion = (conclusion or "").strip()
    item._history_user = by
    item.save()
    return item


def speech_add(*, item: MinutesItem, speaker: str, summary: str, by: User | None) -> Speech:
    if not (speaker or "").strip():
        raise refuse("speaker", _("Enter who spoke."))
    if not (summary or "").strip():
        raise refuse("summary", _("Enter a short summary of what was said."))
    speech = Speech(item=item, speaker=speaker.strip()[:120], summary=summary.strip())
    speech._history_user = by
    speech.save()
    return speech


def vote_add(
    *,
    item: MinutesItem,
    method: str,
    votes_for: int,
    votes_against: int,
    abstentions: int,
    result: str,
    subject: str = "",
    by: User | None,
) -> Vote:
    if method not in VoteMethod.values:
        raise refuse("method", _("Choose a show of hands or a secret ballot."))
    counts = (votes_for, votes_against, abstentions)
    if any(c is None or c < 0 for c in counts):
        raise refuse("votes_for", _("Enter the votes for, against and abstaining (0 or more)."))
    present = item.meeting.attendance_present
    if sum(counts) > present:
        raise refuse(
            "votes_for",
            _("%(votes)s votes, but only %(present)s members are present.")
            % {"votes": sum(counts), "present": present},
        )
    if not (result or "").strip():
        raise refuse("result", _("Enter the result, e.g. “Thông qua”."))
    vote = Vote(
        item=item,
        subject=(subject or "").strip()[:500],
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        result=result.strip()[:255],
    )
    vote._history_user = by
    vote.save()
    return vote


SCAN_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")


def check_scan(upload) -> None:
    """The signed minutes: a PDF or a photo, inspected before anything reads it (lib.untrusted_files)."""
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in SCAN_EXTENSIONS:
        raise refuse("scan", _("Attach the signed minutes as a PDF, JPG or PNG file."))
    try:
        if extension == ".pdf":
            upload.seek(0)
            if upload.read(4) != b"%PDF":
                raise FileRefused(_("The file's content is not a %(kind)s file.") % {"kind": "pdf"})
            with tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
                upload.seek(0)
                for chunk in upload.chunks():
                    copy.write(chunk)
                copy.flush()
                inspect_pdf(copy.name)
        else:
            inspect_image(upload)
    except FileRefused as refused:
        raise refuse("scan", refused.message) from refused
    finally:
        upload.seek(0)


@transaction.atomic
def scan_attach(*, meeting: Meeting, upload, by: User | None) -> Meeting:
    check_scan(upload)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.signed_scan = upload
    meeting._history_user = by
    meeting.save()
    return meeting
