"""The meeting screens on the screen kit: the list's warnings and export, the page's attendance count,
the self-rating refusal, delete and restore."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from dangvu.meetings import selectors, services
from dangvu.meetings.models import Meeting
from dangvu.meetings.tests.test_meeting_rules import DAY, TODAY, record
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def cell(personas):
    for name in ("Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Gấm", "Đỗ Văn Hùng", "Ngô Thị Lan"):
        admit(personas.cell_a1, full_name=name)
    return personas.cell_a1


def test_the_warnings_name_the_cells_without_a_meeting_in_the_month_before_today(personas, cell):
    record(cell)
    filters = selectors.MeetingFilters()
    warned = selectors.missing_meetings(user=personas.staff, filters=filters, today=dt.date(2026, 4, 5))
    assert warned.month == dt.date(2026, 3, 1) and warned.quarter == 1
    assert cell not in list(warned.cells) and personas.cell_a2 in list(warned.cells)
    assert warned.count == len(warned.cells)
    assert warned.thematic_count >= 1


def test_the_warnings_follow_the_filtered_month_and_organization(personas, cell):
    filters = selectors.MeetingFilters(organization=personas.org_b, month=dt.date(2026, 3, 1))
    warned = selectors.missing_meetings(user=personas.staff, filters=filters, today=TODAY)
    assert warned.month == dt.date(2026, 3, 1)
    assert all(o.path.startswith(personas.org_b.path) for o in warned.cells)
    assert cell not in list(warned.cells)


def test_the_attendance_count_gives_the_present_and_their_share(cell):
    meeting = record(cell, {"Lê Văn Cường": "excused"})
    present, pct = selectors.attendance_present(selectors.meeting_attendance(meeting=meeting))
    assert present == 7 and pct == Decimal(700) / 8  # cell A1's 8 members


def test_only_a_regular_meeting_with_a_sheet_in_force_can_be_self_rated(cell):
    regular = record(cell)
    thematic = record(cell, kind="thematic", topic="Chuyên đề", held_on=dt.date(2026, 3, 20))
    assert selectors.self_rating_refusal(regular, selectors.self_rating_sheet(regular)) is None
    assert "thường kỳ" in selectors.self_rating_refusal(thematic, selectors.self_rating_sheet(thematic))
    assert "Không có" in selectors.self_rating_refusal(regular, None)


def test_the_self_rating_page_of_a_thematic_meeting_says_why_instead_of_failing(client, personas, cell):
    thematic = record(cell, kind="thematic", topic="Chuyên đề", held_on=dt.date(2026, 3, 20))
    client.force_login(personas.secretary_a)
    page = client.get(reverse("meetings:self_rate", kwargs={"pk": thematic.pk}))
    assert page.status_code == 200
    assert "thường kỳ" in page.content.decode()
    refused = client.post(reverse("meetings:self_rate", kwargs={"pk": thematic.pk}), {})
    assert refused.status_code == 200 and not thematic.scores.exists()


def test_the_export_writes_every_filtered_meeting_not_only_the_page(client, personas, cell, settings):
    for month in range(1, 4):
        record(cell, held_on=dt.date(2026, month, 10))
    settings.PAGE_SIZE = 2
    client.force_login(personas.staff)
    response = client.get(reverse("meetings:list"), {"export": "csv", "kind": "regular"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Ngày", "Chi bộ"]
    assert [r[0] for r in rows[1:]] == ["10/03/2026", "10/02/2026", "10/01/2026"]


def test_a_form_with_errors_is_shown_again_with_status_200(client, personas, cell):
    client.force_login(personas.secretary_a)
    url = reverse("meetings:create") + f"?organization={cell.pk}&held_on=10/03/2026"
    response = client.post(url, {"kind": "regular"})
    assert response.status_code == 200 and response.context["form"].errors


def test_a_deleted_meeting_goes_to_the_deleted_list_and_comes_back(client, personas, cell):
    meeting = record(cell)
    client.force_login(personas.secretary_a)
    deleted = client.post(reverse("meetings:delete", kwargs={"pk": meeting.pk}))
    assert deleted.status_code == 302 and deleted["Location"] == reverse("meetings:trash")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    trash = client.get(reverse("meetings:trash"))
    assert [m.pk for m in trash.context["page"].object_list] == [meeting.pk]
    restored = client.post(reverse("meetings:restore", kwargs={"pk": meeting.pk}))
    assert restored["Location"] == reverse("meetings:detail", kwargs={"pk": meeting.pk})
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_restore_that_would_make_two_regular_meetings_in_a_month_is_refused(client, personas, cell):
    meeting = record(cell)
    services.meeting_delete(meeting=meeting, by=None)
    record(cell, held_on=DAY + dt.timedelta(days=5))
    client.force_login(personas.secretary_a)
    response = client.post(reverse("meetings:restore", kwargs={"pk": meeting.pk}))
    assert response["Location"] == reverse("meetings:trash")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
