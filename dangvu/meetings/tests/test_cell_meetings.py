"""Issue 17: a cell's notices, "I cannot attend", the attendance sheet on a phone, the duration rule, the
structured minutes and their DOCX, and the meetings' triggers."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document

from dangvu.accounts.models import Role, User
from dangvu.meetings import alerts, reminders, selectors, services
from dangvu.meetings.models import Attendance, Meeting, MeetingNotice, NoticeState
from dangvu.meetings.rules import min_duration
from dangvu.members.tests.factories import admit
from dangvu.notifications import triggers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _aware(day: dt.date, hour: int, minute: int = 0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def make_notice(cell, held_on, *, kind="regular", topic="", by=None, today=None):
    return services.notice_save(
        organization=cell,
        data={"kind": kind, "topic": topic, "held_on": held_on, "starts_at": dt.time(14, 0), "place": "Hội trường"},
        agenda=[("Đánh giá nhiệm vụ tháng", True, False), ("Kết nạp đảng viên", True, True)],
        by=by,
        today=today or held_on,
    )


def sent_notice(cell, held_on, *, sent_on=None, **extra):
    notice = make_notice(cell, held_on, today=sent_on or held_on - dt.timedelta(days=3), **extra)
    return services.notice_send(notice=notice, by=None, now=_aware(sent_on or held_on - dt.timedelta(days=3), 8))


@pytest.fixture
def runs(monkeypatch):
    calls = []
    monkeypatch.setattr(triggers, "_RUNNER", lambda code, on: calls.append((code, on)))
    return calls


def test_sending_a_notice_runs_the_notice_trigger_after_the_commit(personas, runs, django_capture_on_commit_callbacks):
    held_on = TODAY() + dt.timedelta(days=5)
    notice = make_notice(personas.cell_a1, held_on, today=TODAY())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notice_send(notice=notice, by=personas.cell_secretary, now=_aware(TODAY(), 9))
    assert runs == []  # nothing is delivered before the commit
    for callback in callbacks:
        callback()
    assert runs == [("meetings.notice_sent", TODAY())]
    notice.refresh_from_db()
    assert notice.state == NoticeState.SENT and not notice.late and notice.sent_by == personas.cell_secretary


def test_a_notice_sent_on_the_meeting_day_is_late_and_warns_the_dashboard(
    personas, client, runs, django_capture_on_commit_callbacks
):
    day = TODAY()
    notice = make_notice(personas.cell_a1, day)
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_send(notice=notice, by=None, now=_aware(day, 7))
    assert ("meetings.notice_late", day) in runs
    notice.refresh_from_db()
    assert notice.late
    sent_in_time = sent_notice(personas.cell_a1, day + dt.timedelta(days=9))
    assert not sent_in_time.late

    def alert(user, organization):
        found = alerts.late_notice_alerts(user=user, organization=organization, today=day)
        return found[0]

    assert alert(personas.staff, personas.committee).count == 1
    assert alert(personas.secretary_b, personas.org_b).count == 0
    warning = alert(personas.staff, personas.committee)
    client.force_login(personas.staff)
    page = client.get(warning.url)
    assert page.status_code == 200
    assert page.context["count"] == 1 and page.context["rows"] == [notice]


def test_a_member_excuses_an_absence_before_the_meeting_then_withdraws_it(personas, client):
    notice = sent_notice(personas.cell_a1, TODAY() + dt.timedelta(days=4))
    client.force_login(personas.plain_member)
    page = client.get(reverse("meetings:my_next"))
    assert page.status_code == 200 and page.context["notice"] == notice and page.context["may_excuse"]
    url = reverse("meetings:excuse", args=[notice.pk])
    assert client.post(url, {"action": "give", "reason": "Đi công tác"}).status_code == 302
    assert notice.excuses.get().reason == "Đi công tác"
    assert "Đi công tác" in client.get(reverse("meetings:my_notice", args=[notice.pk])).content.decode()
    client.post(url, {"action": "withdraw"})
    assert not notice.excuses.exists()
    assert notice.excuses.model.history.filter(notice_id=notice.pk).count() == 2  # given, withdrawn


def test_an_excuse_is_refused_once_the_meeting_has_begun(personas):
    day = TODAY() + dt.timedelta(days=2)
    notice = sent_notice(personas.cell_a1, day)
    with pytest.raises(ValidationError):
        services.excuse_give(notice=notice, member=personas.member_a, reason="Ốm", by=None, now=_aware(day, 14, 5))
    services.excuse_give(notice=notice, member=personas.member_a, reason="Ốm", by=None, now=_aware(day, 13, 55))
    with pytest.raises(ValidationError):
        services.excuse_withdraw(notice=notice, member=personas.member_a, by=None, now=_aware(day, 15))
    assert notice.excuses.count() == 1


def test_a_member_of_another_cell_does_not_see_the_notice(personas, client):
    notice = sent_notice(personas.cell_a1, TODAY() + dt.timedelta(days=4))
    material = services.material_add(
        notice=notice, title="Dự thảo", upload=SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 test"), by=None
    )
    other = User.objects.create_user(username="member_b", password="x", role=Role.MEMBER, member=personas.member_b)
    client.force_login(other)
    assert client.get(reverse("meetings:my_notice", args=[notice.pk])).status_code == 404
    assert client.get(reverse("meetings:material", args=[material.pk])).status_code == 404
    assert client.get(reverse("meetings:my_next")).context["notice"] is None
    client.force_login(personas.plain_member)
    assert client.get(reverse("meetings:material", args=[material.pk])).status_code == 200


def test_a_draft_notice_is_not_shown_to_the_members(personas, client):
    make_notice(personas.cell_a1, TODAY() + dt.timedelta(days=4), today=TODAY())
    client.force_login(personas.plain_member)
    assert client.get(reverse("meetings:my_next")).context["notice"] is None


def _started(personas, *, kind="regular", topic=""):
    admit(personas.cell_a1, full_name="Phạm Thị Dung")  # cell A1: An, Cúc (its secretary) and Dung
    day = TODAY()
    notice = sent_notice(personas.cell_a1, day, sent_on=day - dt.timedelta(days=3), kind=kind, topic=topic)
    services.excuse_give(notice=notice, member=personas.member_a, reason="Đi công tác", by=None, now=_aware(day, 6))
    meeting = services.meeting_start(notice=notice, by=personas.cell_secretary, now=_aware(day, 14, 2))
    return notice, meeting


def test_starting_the_meeting_prefills_the_excuses_on_the_attendance_sheet(personas, client):
    notice, meeting = _started(personas)
    notice.refresh_from_db()
    assert notice.state == NoticeState.HELD
    row = Attendance.objects.get(meeting=meeting, member=personas.member_a)
    assert (row.status, row.note) == ("excused", "Đi công tác")
    assert (meeting.attendance_expected, meeting.attendance_present) == (3, 2)
    assert meeting.chaired_by == "Lê Thị Cúc"
    assert [i.title for i in meeting.minutes_items.all()] == ["Đánh giá nhiệm vụ tháng", "Kết nạp đảng viên"]
    client.force_login(personas.cell_secretary)
    page = client.get(reverse("meetings:sheet", args=[meeting.pk]))
    assert "Đi công tác" in page.content.decode()


def test_one_tap_on_the_sheet_marks_a_member_and_keeps_the_meeting_counts(personas, client):
    _notice, meeting = _started(personas)
    client.force_login(personas.cell_secretary)
    url = reverse("meetings:mark", args=[meeting.pk, personas.member_a.pk])
    response = client.post(url, {"status": "present"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'aria-pressed="true" data-status="present"' in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.attendance_expected, meeting.attendance_present) == (3, 3)
    client.post(url, {"status": "unexcused"}, HTTP_HX_REQUEST="true")
    meeting.refresh_from_db()
    assert meeting.attendance_present == 2
    assert Attendance.objects.get(meeting=meeting, member=personas.member_a).status == "unexcused"
    assert client.post(url, {"status": "asleep"}, HTTP_HX_REQUEST="true").status_code == 400


def test_a_notice_of_both_kinds_records_a_regular_and_a_thematic_meeting(personas):
    _notice, meeting = _started(personas, kind="both", topic="Chuyển đổi số")
    meetings = list(Meeting.objects.order_by("pk"))
    assert [m.kind for m in meetings] == ["regular", "thematic"] and all(m.combined for m in meetings)
    services.attendance_mark(meeting=meeting, member_id=personas.member_a.pk, status="present", by=None)
    assert [m.attendance_present for m in Meeting.objects.order_by("pk")] == [3, 3]


@pytest.mark.parametrize(
    ("day", "combined", "minutes", "source"),
    [
        pytest.param(dt.date(2024, 5, 10), True, 90, "HD 12", id="before CT 50 (2025): 90 minutes even together"),
        pytest.param(dt.date(2026, 5, 10), False, 90, "CT 50", id="a regular meeting alone: 90 minutes (CT 50)"),
        pytest.param(dt.date(2026, 5, 10), True, 120, "CT 50", id="CT 50 / HD 42: 120 minutes held together"),
    ],
)
def test_the_shortest_meeting_depends_on_its_date_and_on_being_held_together(day, combined, minutes, source):
    found, rule = min_duration(day, combined=combined)
    assert found == minutes and source in rule


def test_start_and_end_time_give_the_duration_and_a_short_combined_meeting_is_warned(personas, client):
    _notice, meeting = _started(personas, kind="both", topic="Chuyển đổi số")
    client.force_login(personas.cell_secretary)
    client.post(reverse("meetings:times", args=[meeting.pk]), {"started_at": "14:00", "ended_at": "15:45"})
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 105
    page = client.get(reverse("meetings:sheet", args=[meeting.pk]))
    assert page.context["duration"]["short"] and "120" in page.content.decode()
    assert any(
        "120" in w for w in selectors.meeting_warnings(meeting=meeting, attendance=list(meeting.attendance.all()))
    )


def _minutes(personas):
    _notice, meeting = _started(personas)
    first, second = meeting.minutes_items.order_by("order")
    services.speech_add(item=first, speaker="Nguyễn Văn An", summary="Đề nghị đẩy nhanh chuyển đổi số.", by=None)
    services.vote_add(
        item=second, method="hands", votes_for=2, votes_against=0, abstentions=0, result="Thông qua", by=None
    )
    services.minutes_item_conclude(item=second, conclusion="Chi bộ đề nghị kết nạp quần chúng Lý Văn Mới.", by=None)
    services.meeting_times(meeting=meeting, started_at=dt.time(14, 0), ended_at=dt.time(15, 40), by=None)
    services.minutes_save(
        meeting=meeting, chaired_by="Lê Thị Cúc", minutes_by="Nguyễn Văn An", approved_at=dt.time(15, 35), by=None
    )
    return meeting


def test_a_vote_cannot_count_more_voters_than_members_present(personas):
    meeting = _minutes(personas)
    item = meeting.minutes_items.first()
    with pytest.raises(ValidationError):
        services.vote_add(item=item, method="hands", votes_for=3, votes_against=1, abstentions=0, result="x", by=None)


def test_the_minutes_docx_names_the_absent_the_speakers_the_votes_and_the_conclusions(personas, client):
    meeting = _minutes(personas)
    client.force_login(personas.cell_secretary)
    page = client.get(reverse("meetings:cell_minutes", args=[meeting.pk]))
    assert page.status_code == 200 and "Nguyễn Văn An (Đi công tác)" in page.content.decode()
    response = client.get(reverse("meetings:cell_minutes_docx", args=[meeting.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Vắng có lý do: Nguyễn Văn An (Đi công tác)" in text
    assert "chính thức: 03, dự bị: 00" in text
    assert "Đồng chí Nguyễn Văn An: Đề nghị đẩy nhanh chuyển đổi số." in text
    assert "hình thức giơ tay): tán thành 02, không tán thành 00, không biểu quyết 00. Kết quả: Thông qua" in text
    assert "Kết luận: Chi bộ đề nghị kết nạp quần chúng Lý Văn Mới." in text
    assert "từ 14 giờ 00 phút đến 15 giờ 40 phút" in text and "thông qua lúc 15 giờ 35 phút" in text


def test_the_signed_scan_is_a_checked_pdf_or_photo(personas, client):
    meeting = _minutes(personas)
    client.force_login(personas.cell_secretary)
    url = reverse("meetings:scan", args=[meeting.pk])
    client.post(url, {"scan": SimpleUploadedFile("bien-ban.exe", b"MZ....")})
    meeting.refresh_from_db()
    assert not meeting.signed_scan
    client.post(url, {"scan": SimpleUploadedFile("bien-ban.pdf", b"not a pdf")})
    meeting.refresh_from_db()
    assert not meeting.signed_scan


def test_the_secretary_rates_the_meeting_on_the_provinces_sheet(personas, client):
    meeting = _minutes(personas)
    client.force_login(personas.cell_secretary)
    page = client.get(reverse("meetings:rate", args=[meeting.pk]))
    criteria = page.context["form"].criteria
    response = client.post(
        reverse("meetings:rate", args=[meeting.pk]), {f"c{c.pk}": str(c.max_points) for c in criteria}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.self_rating_quality == "good" and meeting.scores.count() == len(criteria)


def test_the_office_keeps_a_cell_of_its_subtree_and_not_another(personas, client):
    client.force_login(personas.secretary_a)
    assert client.get(reverse("meetings:cell", args=[personas.cell_a1.pk])).status_code == 200
    client.force_login(personas.secretary_b)
    assert client.get(reverse("meetings:cell", args=[personas.cell_a1.pk])).status_code == 404
    client.force_login(personas.cell_secretary)
    assert client.get(reverse("meetings:cell", args=[personas.org_b.pk])).status_code == 404


def test_the_notice_triggers_yield_their_day_and_a_cancelled_notice_is_no_longer_due(personas):
    day = TODAY() + dt.timedelta(days=6)
    notice = sent_notice(personas.cell_a1, day, sent_on=day - dt.timedelta(days=3))
    sent = list(reminders.notice_sent(day - dt.timedelta(days=3)))
    assert [o.key for o in sent] == [f"notice:{notice.pk}:sent"] and sent[0].organization_id == personas.cell_a1.pk
    upcoming = list(reminders.meeting_upcoming(day))
    assert [o.key for o in upcoming] == [f"notice:{notice.pk}:upcoming"] and upcoming[0].on == day
    assert list(reminders.meeting_upcoming(day - dt.timedelta(days=1))) == []
    assert list(reminders.notice_late(day - dt.timedelta(days=3))) == []
    due = triggers.TRIGGERS["meetings.meeting_upcoming"].still_due
    assert due(upcoming[0].key)
    services.notice_cancel(notice=notice, by=None)
    assert not due(upcoming[0].key)
    assert list(reminders.meeting_upcoming(day)) == []


def test_a_cell_without_its_regular_meeting_is_reminded_on_the_months_last_day(personas):
    last_day = dt.date(2026, 3, 31)
    assert list(reminders.monthly_meeting_missing(dt.date(2026, 3, 30))) == []
    keys = {o.key: o for o in reminders.monthly_meeting_missing(last_day)}
    key = f"cell:{personas.cell_a1.pk}:missing:2026-03"
    assert key in keys and keys[key].on == last_day
    due = triggers.TRIGGERS["meetings.monthly_meeting_missing"].still_due
    assert due(key)
    members = services.members_of_cell_on(personas.cell_a1, dt.date(2026, 3, 10))
    services.meeting_record(
        organization=personas.cell_a1,
        data={
            "kind": "regular",
            "held_on": dt.date(2026, 3, 10),
            "duration_minutes": 90,
            "locality": "Kiên Giang",
            "content": "Nội dung",
            "chaired_by": "A",
            "minutes_by": "B",
        },
        attendance={m.pk: ("present", "") for m in members},
        by=None,
        today=dt.date(2026, 3, 10),
    )
    assert not due(key)
    assert key not in {o.key for o in reminders.monthly_meeting_missing(last_day)}


def test_the_sheet_and_the_member_page_take_a_constant_number_of_queries_and_stay_small(
    personas, client, django_assert_max_num_queries
):
    for index in range(12):
        admit(personas.cell_a1, full_name=f"Đảng viên Số {index}")
    notice, meeting = _started(personas)
    client.force_login(personas.cell_secretary)
    with django_assert_max_num_queries(12):
        sheet = client.get(reverse("meetings:sheet", args=[meeting.pk]))
    assert sheet.status_code == 200 and len(sheet.content) < 100_000
    with django_assert_max_num_queries(16):
        minutes = client.get(reverse("meetings:cell_minutes", args=[meeting.pk]))
    assert len(minutes.content) < 100_000
    upcoming = sent_notice(personas.cell_a1, TODAY() + dt.timedelta(days=8))
    client.force_login(personas.plain_member)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("meetings:my_next"))
    assert page.context["notice"] == upcoming and len(page.content) < 100_000
    with django_assert_max_num_queries(10):
        home = client.get(reverse("meetings:cell", args=[personas.cell_a1.pk]))
    assert home.status_code == 403  # a plain member has no cell pages


def test_the_member_card_tells_the_next_meeting(personas):
    from dangvu.meetings.portal_cards import next_meeting

    notice = sent_notice(personas.cell_a1, TODAY() + dt.timedelta(days=3))
    card = next_meeting(personas.plain_member)[0]
    assert card.lines[0].startswith(
        f"Sinh hoạt chi bộ tháng {notice.held_on.month}: 14:00 ngày {notice.held_on:%d/%m/%Y}"
    )
    assert "Hội trường" in card.lines[0]


def test_a_notice_needs_a_place_or_a_link_and_an_agenda(personas):
    day = TODAY() + dt.timedelta(days=3)
    base = {"kind": "regular", "held_on": day, "starts_at": dt.time(8, 0), "place": ""}
    with pytest.raises(ValidationError):
        services.notice_save(organization=personas.cell_a1, data=base, agenda=[("Việc", True, False)], by=None)
    with pytest.raises(ValidationError):
        services.notice_save(
            organization=personas.cell_a1, data={**base, "place": "Phòng họp"}, agenda=[("", True, False)], by=None
        )
    online = services.notice_save(
        organization=personas.cell_a1,
        data={**base, "online": True, "link": "https://hop.example.vn/a1"},
        agenda=[("Việc", True, False)],
        by=None,
    )
    assert online.online and MeetingNotice.objects.count() == 1


def test_the_minutes_form_saves_the_chair_the_exempted_and_the_read_back_time(personas, client):
    _notice, meeting = _started(personas)
    client.force_login(personas.cell_secretary)
    url = reverse("meetings:cell_minutes", args=[meeting.pk])
    data = {
        "chaired_by": "Lê Thị Cúc",
        "minutes_by": "Phạm Thị Dung",
        "exempted": "Trần Văn Già",
        "approved_at": "15:50",
    }
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.minutes_by, meeting.exempted, meeting.approved_at) == (
        "Phạm Thị Dung",
        "Trần Văn Già",
        dt.time(15, 50),
    )
    assert "miễn sinh hoạt 1" in client.get(url).content.decode()
