"""Demo cell meetings for the last 24 months at the rates of the example reports.

A regular meeting in nearly every cell every month (98%), a thematic meeting in most cells every
quarter (90%), attendance around 96% (present 96%, excused 3.5%, unexcused 0.5%), and the
monthly self-rating on the default scoring sheet. Kept to 24 months so the bloc seed stays fast.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.lib import bulk
from dangvu.lib.dates import add_months
from dangvu.meetings.models import (
    AgendaItem,
    Attendance,
    CriterionScore,
    Excuse,
    Meeting,
    MeetingKind,
    MeetingNotice,
    MinutesItem,
    NoticeKind,
    NoticeState,
    ScoringSheet,
    Speech,
    Vote,
    VoteMethod,
)
from dangvu.meetings.rules import notice_is_late
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization
from dangvu.ratings.demo_data import Row

MONTHS = 24
REGULAR_HELD, THEMATIC_HELD = 0.98, 0.90
PRESENT, EXCUSED = 0.96, 0.035
TOPICS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Đẩy mạnh cải cách hành chính, chuyển đổi số",
    "Phòng, chống tham nhũng, tiêu cực",
    "Bảo vệ nền tảng tư tưởng của Đảng",
]
CONTENT = (
    "Đồng chí bí thư chi bộ thông báo tình hình thời sự, nhiệm vụ chính trị của cơ quan, đơn vị.\n"
    "Chi bộ đánh giá kết quả thực hiện nhiệm vụ tháng qua; đảng viên phát biểu ý kiến.\n"
    "Chi bộ thống nhất phương hướng, nhiệm vụ tháng tới và phân công đảng viên thực hiện."
)
REASONS = ["Đi công tác", "Nghỉ ốm", "Việc gia đình", "Đi học"]


def seed(context) -> dict[str, int]:
    rng = context.rng
    first_month = add_months(context.until.replace(day=1), -(MONTHS - 1))  # the last month included
    cells = list(Organization.objects.filter(kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True).order_by("path"))
    names = dict(Member.objects.values_list("pk", "full_name"))
    spells_by_cell: dict[int, list] = defaultdict(list)
    for member_id, org_id, start, end in MembershipSpell.objects.filter(start__lt=context.until).values_list(
        "member_id", "organization_id", "start", "end"
    ):
        if end is None or end > first_month:
            spells_by_cell[org_id].append((member_id, start, end))
    sheet = ScoringSheet.objects.filter(province="").order_by("valid_from").first()
    criteria = list(sheet.criteria.all()) if sheet else []
    meetings, plans = [], []
    for cell in cells:
        for index in range(MONTHS):
            month = add_months(first_month, index)
            kinds = []
            if rng.random() < REGULAR_HELD:
                kinds.append(MeetingKind.REGULAR)
            if month.month % 3 == 0 and rng.random() < THEMATIC_HELD:
                kinds.append(MeetingKind.THEMATIC)
            for kind in kinds:
                day = month.replace(day=rng.randint(3, 25) if kind == MeetingKind.REGULAR else rng.randint(26, 28))
                if day >= context.until or (cell.founded_on and cell.founded_on > day):
                    continue
                if cell.ended_on and cell.ended_on <= day:
                    continue
                present = [m for m, s, e in spells_by_cell.get(cell.pk, ()) if s <= day and (e is None or e > day)]
                if not present:
                    continue
                secretary = names[present[0]]
                meetings.append(
                    Meeting(
                        organization=cell,
                        kind=kind,
                        online=rng.random() < 0.02,
                        held_on=day,
                        duration_minutes=rng.choice([90, 90, 100, 120, 120, 150]),
                        locality="Kiên Giang",
                        topic=rng.choice(TOPICS) if kind == MeetingKind.THEMATIC else "",
                        content=CONTENT,
                        chaired_by=secretary,
                        minutes_by=names[present[-1]],
                    )
                )
                plans.append(present)
    points_by_meeting = []
    for meeting in meetings:
        points = []
        if meeting.kind == MeetingKind.REGULAR and criteria:
            points = [max(Decimal(0), c.max_points - rng.choice([0, 0, 0, 1, 1, 2])) for c in criteria]
            meeting.sheet, meeting.self_rating_points = sheet, sum(points, Decimal(0))
            meeting.self_rating_quality = sheet.quality_for(meeting.self_rating_points)
        points_by_meeting.append(points)
    rows_by_meeting = []
    for meeting, present in zip(meetings, plans, strict=True):
        rows = []
        for member_id in present:
            u = rng.random()
            status = "present" if u < PRESENT else ("excused" if u < PRESENT + EXCUSED else "unexcused")
            rows.append((member_id, status, rng.choice(REASONS) if status == "excused" else ""))
        meeting.attendance_expected = len(rows)
        meeting.attendance_present = sum(1 for _member, status, _note in rows if status == "present")
        rows_by_meeting.append(rows)
    recent = _recent_minutes(context, meetings)
    Meeting.objects.bulk_create(meetings, batch_size=2000)
    attendance, scores = [], []
    for meeting, rows, points in zip(meetings, rows_by_meeting, points_by_meeting, strict=True):
        attendance.extend((meeting.pk, *row) for row in rows)
        scores.extend(
            Row(meeting_id=meeting.pk, criterion_id=c.pk, points=p) for c, p in zip(criteria, points, strict=False)
        )
    bulk.insert_tuples(Attendance, ("meeting_id", "member_id", "status", "note"), attendance)
    bulk.insert_rows(CriterionScore, scores)
    counts = {"Meeting": len(meetings), "Attendance": len(attendance), "CriterionScore": len(scores)}
    counts.update(_minutes_items(rng, recent, names))
    counts.update(_upcoming_notices(context, cells, spells_by_cell))
    return counts


# --- Issue 17: notices of the coming meetings, excuses, and structured minutes of the last month ------------

AGENDA = [
    ("Thông tin thời sự, quán triệt văn bản của cấp trên", True, False),
    ("Đánh giá kết quả thực hiện nhiệm vụ tháng", True, False),
    ("Phương hướng, nhiệm vụ tháng tới", True, True),
]
PLACES = ["Hội trường cơ quan", "Phòng họp tầng 2", "Phòng họp số 1", "Nhà văn hóa khu phố"]
START_TIMES = [dt.time(7, 30), dt.time(14, 0), dt.time(15, 0), dt.time(16, 30)]
LATE_SHARE = 0.08  # notices sent on the meeting day (HD 42-HD/BTCTW 2025 asks for a day before)
EXCUSE_SHARE = 0.04
SPEECHES = [
    "Đề nghị chi bộ quan tâm hơn đến công tác chuyển đổi số trong cơ quan.",
    "Thống nhất với báo cáo; đề nghị bổ sung chỉ tiêu về cải cách hành chính.",
    "Đề nghị phân công cụ thể đảng viên phụ trách từng nhiệm vụ.",
]


def _recent_minutes(context, meetings) -> list:
    """The regular meetings of the last month get start and end times, a read-back time and a notice (held)."""
    last_month = context.until.replace(day=1)
    recent = [m for m in meetings if m.kind == MeetingKind.REGULAR and m.held_on >= last_month]
    notices = []
    for meeting in recent:
        start = context.rng.choice(START_TIMES)
        meeting.started_at = start
        end = (dt.datetime.combine(meeting.held_on, start) + dt.timedelta(minutes=meeting.duration_minutes)).time()
        meeting.ended_at = end
        meeting.approved_at = (dt.datetime.combine(meeting.held_on, end) - dt.timedelta(minutes=5)).time()
        sent_on = meeting.held_on - dt.timedelta(days=context.rng.choice([0, 2, 3, 5, 7]))
        notices.append(
            MeetingNotice(
                organization=meeting.organization,
                kind=NoticeKind.REGULAR,
                held_on=meeting.held_on,
                starts_at=start,
                place=context.rng.choice(PLACES),
                state=NoticeState.HELD,
                sent_at=_at(sent_on, dt.time(8)),
                sent_on=sent_on,
                late=notice_is_late(held_on=meeting.held_on, sent_on=sent_on),
            )
        )
    MeetingNotice.objects.bulk_create(notices, batch_size=2000)
    for meeting, notice in zip(recent, notices, strict=True):
        meeting.notice = notice
    return recent


def _minutes_items(rng, recent, names) -> dict[str, int]:
    items = [
        MinutesItem(meeting=meeting, order=order, title=title, conclusion=_conclusion(order))
        for meeting in recent
        for order, (title, _discussed, _voted) in enumerate(AGENDA, start=1)
    ]
    MinutesItem.objects.bulk_create(items, batch_size=2000)
    speeches, votes = [], []
    for item in items:
        meeting = item.meeting
        speeches.append(Speech(item=item, speaker=meeting.minutes_by, summary=rng.choice(SPEECHES)))
        if item.order == len(AGENDA):
            present = meeting.attendance_present
            votes.append(
                Vote(
                    item=item,
                    subject="phương hướng, nhiệm vụ tháng tới",
                    method=VoteMethod.HANDS,
                    votes_for=present,
                    result="Thông qua",
                )
            )
    Speech.objects.bulk_create(speeches, batch_size=2000)
    Vote.objects.bulk_create(votes, batch_size=2000)
    return {"MinutesItem": len(items), "Speech": len(speeches), "Vote": len(votes)}


def _conclusion(order: int) -> str:
    return {
        1: "Chi bộ thống nhất triển khai các văn bản của cấp trên đến toàn thể đảng viên.",
        2: "Chi bộ hoàn thành các nhiệm vụ trong tháng; còn chậm một số việc về cải cách hành chính.",
        3: "Chi bộ thống nhất phương hướng, nhiệm vụ tháng tới và phân công đảng viên thực hiện.",
    }[order]


def _at(day: dt.date, time: dt.time):
    return timezone.make_aware(dt.datetime.combine(day, time))


def _upcoming_notices(context, cells, spells_by_cell) -> dict[str, int]:
    """A sent notice of the next meeting for most cells (always the cell of the `dangvien`/`bithuchibo`
    logins), some sent late, with a few excuses. Anchored on the later of the demo's end and today, so the
    portal shows a meeting to come whenever the demo is looked at."""
    rng = context.rng
    anchor = max(context.until, timezone.localdate())
    login_cell = User.objects.filter(username="bithuchibo").values_list("organization_id", flat=True).first()
    notices, members_of = [], []
    for cell in cells:
        if cell.ended_on or (cell.pk != login_cell and rng.random() > 0.85):
            continue
        # At least one late notice, so that the dashboard's HD 42 warning has something to show.
        if cell.pk != login_cell and (rng.random() < LATE_SHARE or not any(n.late for n in notices)):
            held_on = sent_on = anchor
        else:
            held_on = anchor + dt.timedelta(days=5 if cell.pk == login_cell else rng.randint(2, 20))
            sent_on = min(anchor, held_on - dt.timedelta(days=rng.randint(1, 6)))
        kind = NoticeKind.BOTH if rng.random() < 0.1 else NoticeKind.REGULAR
        notices.append(
            MeetingNotice(
                organization=cell,
                kind=kind,
                topic=rng.choice(TOPICS) if kind == NoticeKind.BOTH else "",
                held_on=held_on,
                starts_at=rng.choice(START_TIMES),
                place=rng.choice(PLACES),
                state=NoticeState.SENT,
                sent_at=_at(sent_on, dt.time(8)),
                sent_on=sent_on,
                late=notice_is_late(held_on=held_on, sent_on=sent_on),
            )
        )
        members_of.append([m for m, _start, end in spells_by_cell.get(cell.pk, ()) if end is None])
    MeetingNotice.objects.bulk_create(notices, batch_size=2000)
    agenda = [
        (notice.pk, order, title, discussed, voted)
        for notice in notices
        for order, (title, discussed, voted) in enumerate(AGENDA, start=1)
    ]
    bulk.insert_tuples(AgendaItem, ("notice_id", "order", "title", "discussed", "voted"), agenda)
    given = _at(anchor, dt.time(7))
    excuses = [
        Excuse(notice=notice, member_id=member_id, reason=rng.choice(REASONS), given_at=given)
        for notice, members in zip(notices, members_of, strict=True)
        for member_id in members
        if rng.random() < EXCUSE_SHARE
    ]
    Excuse.objects.bulk_create(excuses, batch_size=2000)
    return {"MeetingNotice": len(notices), "AgendaItem": len(agenda), "Excuse": len(excuses)}
