"""Demo cell meetings for the last 24 months at the rates of the example reports.

A regular meeting in nearly every cell every month (98%), a thematic meeting in most cells every
quarter (90%), attendance around 96% (present 96%, excused 3.5%, unexcused 0.5%), and the
monthly self-rating on the default scoring sheet. Kept to 24 months so the bloc seed stays fast.
"""

from collections import defaultdict
from decimal import Decimal

from dangvu.lib import bulk
from dangvu.lib.dates import add_months
from dangvu.meetings.models import Attendance, CriterionScore, Meeting, MeetingKind, ScoringSheet
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
    Meeting.objects.bulk_create(meetings, batch_size=2000)
    attendance, scores = [], []
    for meeting, rows, points in zip(meetings, rows_by_meeting, points_by_meeting, strict=True):
        attendance.extend((meeting.pk, *row) for row in rows)
        scores.extend(
            Row(meeting_id=meeting.pk, criterion_id=c.pk, points=p) for c, p in zip(criteria, points, strict=False)
        )
    bulk.insert_tuples(Attendance, ("meeting_id", "member_id", "status", "note"), attendance)
    bulk.insert_rows(CriterionScore, scores)
    return {"Meeting": len(meetings), "Attendance": len(attendance), "CriterionScore": len(scores)}
