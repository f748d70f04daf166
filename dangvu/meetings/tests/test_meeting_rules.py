"""Cell meeting rules of RULES.md §5 (HD 12-HD/BTCTW of 06/7/2018), one row per rule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.meetings import services
from dangvu.meetings.models import Attendance, Meeting
from dangvu.meetings.rules import longest_excused_run, meeting_rules_on
from dangvu.meetings.selectors import cells_without_regular_meeting, cells_without_thematic_meeting, meeting_warnings
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 10)
TODAY = dt.date(2026, 11, 22)


def data(**extra):
    base = {
        "kind": "regular",
        "held_on": DAY,
        "duration_minutes": 120,
        "locality": "Kiên Giang",
        "content": "Đánh giá nhiệm vụ tháng.",
        "chaired_by": "Nguyễn Văn An",
        "minutes_by": "Lê Văn Cường",
    }
    base.update(extra)
    return base


def record(cell, statuses=None, **extra):
    on = extra.get("held_on", DAY)
    members = services.members_of_cell_on(cell, on)
    statuses = statuses or {}
    attendance = {m.pk: (statuses.get(m.full_name, "present"), "") for m in members}
    return services.meeting_record(organization=cell, data=data(**extra), attendance=attendance, by=None, today=TODAY)


@pytest.fixture
def cell(personas):
    for name in ("Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Gấm", "Đỗ Văn Hùng", "Ngô Thị Lan"):
        admit(personas.cell_a1, full_name=name)
    return personas.cell_a1


@pytest.mark.parametrize(
    ("statuses", "duration", "expected"),
    [
        pytest.param({}, 120, [], id="HD 12/2018: everyone present for 120 minutes is a quality meeting"),
        pytest.param({"Lê Văn Cường": "excused"}, 120, ["85%"], id="HD 12/2018: 7 of 8 present (87,50%) is over 85%"),
        pytest.param(
            {"Lê Văn Cường": "excused", "Phạm Thị Dung": "excused"},
            120,
            ["75,00%"],  # 6 of the 8 members of cell A1 (its secretary's account member included)
            id="HD 12/2018: attendance not over 85% is warned",
        ),
        pytest.param({"Hoàng Văn Em": "unexcused"}, 120, ["Hoàng Văn Em"], id="HD 12/2018: no unexcused absence"),
        pytest.param({}, 60, ["60"], id="at least 90 minutes (HD 12/2018, kept by CT 50/2025 for a meeting of 2026)"),
    ],
)
def test_the_quality_warnings_of_a_meeting(cell, statuses, duration, expected):
    meeting = record(cell, statuses, duration_minutes=duration)
    attendance = list(meeting.attendance.select_related("member"))
    warnings = meeting_warnings(meeting=meeting, attendance=attendance)
    if statuses == {"Lê Văn Cường": "excused"}:
        assert warnings == []
        return
    assert len(warnings) == len(expected)
    for warning, text in zip(warnings, expected, strict=True):
        rule = "CT 50-CT/TW" if text == "60" else "HD 12-HD/BTCTW"
        assert text in warning and rule in warning


def test_a_member_excused_more_than_three_times_in_a_row_is_warned(cell):
    """HD 12/2018: no member absent with excuse more than 3 times in a row in the year."""
    for month in (1, 2, 3, 4):
        meeting = record(cell, {"Vũ Thị Gấm": "excused"}, held_on=dt.date(2026, month, 10))
        warnings = meeting_warnings(meeting=meeting, attendance=list(meeting.attendance.select_related("member")))
        assert any("Vũ Thị Gấm" in w for w in warnings) is (month == 4)


@pytest.mark.parametrize(
    ("statuses", "run"),
    [
        pytest.param(["excused", "excused", "present", "excused"], 2, id="a presence breaks the run"),
        pytest.param(["excused"] * 4, 4, id="four in a row"),
        pytest.param([], 0, id="no meeting"),
    ],
)
def test_the_longest_excused_run(statuses, run):
    assert longest_excused_run(statuses) == run


def test_one_regular_meeting_a_month(cell):
    """HD 12/2018: a regular meeting every month: a second one in the month is refused, nothing written."""
    record(cell)
    with pytest.raises(ValidationError) as refused:
        record(cell, held_on=dt.date(2026, 3, 25))
    assert "HD 12-HD/BTCTW" in str(refused.value)
    assert Meeting.objects.count() == 1
    record(cell, kind="thematic", topic="Chuyển đổi số", held_on=dt.date(2026, 3, 25))


@pytest.mark.parametrize(
    ("field", "extra"),
    [
        pytest.param("held_on", {"held_on": dt.date(2026, 12, 1)}, id="a meeting in the future"),
        pytest.param("content", {"content": "  "}, id="HD 12/2018: the minutes are kept in full"),
        pytest.param("topic", {"kind": "thematic", "topic": ""}, id="a thematic meeting has a topic"),
        pytest.param("duration_minutes", {"duration_minutes": 0}, id="a duration"),
        pytest.param("chaired_by", {"chaired_by": ""}, id="who chaired"),
    ],
)
def test_bad_meetings_are_refused_naming_the_field(cell, field, extra):
    with pytest.raises(ValidationError) as refused:
        record(cell, **extra)
    assert field in refused.value.error_dict
    assert Meeting.objects.count() == 0 and Attendance.objects.count() == 0


def test_attendance_lists_exactly_the_members_of_the_cell_that_day(personas, cell):
    """A member admitted after the meeting is not on its list; a missing member refuses the meeting."""
    later = admit(cell, full_name="Bùi Văn Mới", on=dt.date(2026, 5, 1), full=False)
    members = services.members_of_cell_on(cell, DAY)
    assert later not in members and personas.member_a in members
    attendance = {m.pk: ("present", "") for m in members[1:]}
    with pytest.raises(ValidationError):
        services.meeting_record(organization=cell, data=data(), attendance=attendance, by=None, today=TODAY)


def test_cells_without_their_meetings_are_listed(personas, cell):
    record(cell)
    missing = set(cells_without_regular_meeting(user=personas.staff, month=dt.date(2026, 3, 1)))
    assert cell not in missing and {personas.cell_a2, personas.org_b} <= missing
    assert cell in set(cells_without_thematic_meeting(user=personas.staff, quarter_start=dt.date(2026, 1, 1)))


def test_the_self_rating_uses_the_seeded_sheet_and_its_bands(cell):
    meeting = record(cell)
    sheet = services.sheet_for(DAY)
    assert sheet is not None and sum(c.max_points for c in sheet.criteria.all()) == 100
    rated = services.meeting_self_rate(
        meeting=meeting, points={c.pk: c.max_points for c in sheet.criteria.all()}, by=None
    )
    assert rated.self_rating_points == 100 and rated.self_rating_quality == "good"
    first = sheet.criteria.first()
    with pytest.raises(ValidationError):
        services.meeting_self_rate(meeting=meeting, points={first.pk: first.max_points + Decimal(1)}, by=None)


def test_a_province_sheet_replaces_the_default(settings, cell):
    from dangvu.meetings.models import ScoringSheet

    province = ScoringSheet.objects.create(
        name="Phiếu Kiên Giang", province="Kiên Giang", valid_from=dt.date(2024, 1, 1)
    )
    settings.DANGVU_PROVINCE = "Kiên Giang"
    assert services.sheet_for(DAY) == province
    settings.DANGVU_PROVINCE = "An Giang"
    assert services.sheet_for(DAY) != province


def test_the_rules_in_force_are_hd_12_2018():
    assert meeting_rules_on(dt.date(2023, 7, 25)).min_attendance_pct == 85


def test_the_minutes_are_a_party_document_in_times_new_roman(client, personas, cell):
    import io

    from docx import Document

    meeting = record(cell, {"Hoàng Văn Em": "excused"}, held_on=dt.date(2023, 7, 25))
    client.force_login(personas.secretary_a)
    response = client.get(reverse("meetings:minutes", kwargs={"pk": meeting.pk}))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "CHI BỘ VĂN PHÒNG" in cells and "*" in cells
    assert "Kiên Giang, ngày 25 tháng 7 năm 2023" in cells
    assert "BIÊN BẢN SINH HOẠT CHI BỘ" in text and "Hoàng Văn Em" in text
    assert "CHỦ TRÌ" in cells and "THƯ KÝ" in cells
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert round(document.sections[0].page_width.mm) == 210


@pytest.mark.parametrize("extra", [0, 8])
def test_the_meeting_list_runs_a_constant_number_of_queries(client, personas, cell, settings, extra):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for month in range(1, extra + 1):
        record(cell, held_on=dt.date(2025, month, 10))
    settings.PAGE_SIZE = 5
    client.force_login(personas.staff)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("meetings:list")).status_code == 200
    # session, user, scope, organizations menu, missing cells (rows, count), thematic count, meetings (count, rows).
    assert len(captured.captured_queries) <= 10


def test_a_secretary_records_attendance_on_the_form(client, personas, cell):
    client.force_login(personas.secretary_a)
    url = reverse("meetings:create") + f"?organization={cell.pk}&held_on=10/03/2026"
    page = client.get(url)
    assert page.status_code == 200
    members = services.members_of_cell_on(cell, DAY)
    post = {f"att_{m.pk}": "present" for m in members} | {
        "kind": "regular",
        "duration_minutes": "95",
        "locality": "Kiên Giang",
        "content": "Nội dung",
        "chaired_by": "Nguyễn Văn An",
        "minutes_by": "Lê Văn Cường",
    }
    post[f"att_{members[0].pk}"] = "unexcused"
    response = client.post(url, post)
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "Vắng không có lý do" in detail


def test_each_meeting_keeps_the_counts_of_its_attendance_rows(cell):
    """The indicators sum Meeting.attendance_expected/present instead of counting a million rows: the counts
    must follow every change of the attendance, including a correction."""
    meeting = record(cell, {"Lê Văn Cường": "excused", "Hoàng Văn Em": "unexcused"})
    rows = Attendance.objects.filter(meeting=meeting)
    assert (meeting.attendance_expected, meeting.attendance_present) == (
        8,
        6,
    )  # cell A1's 8 members (its secretary's account member included)
    assert meeting.attendance_expected == rows.count()
    assert meeting.attendance_present == rows.filter(status="present").count()

    members = services.members_of_cell_on(cell, DAY)
    corrected = {m.pk: ("present", "") for m in members}
    services.meeting_record(organization=cell, data=data(), attendance=corrected, by=None, meeting=meeting, today=TODAY)
    meeting.refresh_from_db()
    assert (meeting.attendance_expected, meeting.attendance_present) == (8, 8)
    assert meeting.attendance_present == rows.filter(status="present").count()
