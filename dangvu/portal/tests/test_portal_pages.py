"""The portal's pages: the home, my record and my party life show this member's own records only, in a fixed
number of queries and under 100 KB, and the office list stays constant in queries as requests grow."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from dangvu.portal import services
from dangvu.portal.tests import helpers

pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
PAGE_LIMIT = 100_000


@pytest.fixture
def life(personas):
    """Party-life records of member A (plain_member) and of others, in the last year."""
    today = timezone.localdate()
    a, b, cuc = personas.member_a, personas.member_b, personas.cell_secretary.member
    helpers.rate(a, committee=personas.org_a, year=today.year - 1, grade="good")
    helpers.rate(a, committee=personas.org_a, year=today.year - 2, grade="excellent")
    helpers.rate(b, committee=personas.org_b, year=today.year - 1, grade="failed")
    helpers.meeting(
        personas.cell_a1,
        on=today - dt.timedelta(days=40),
        statuses={a: "present", cuc: "unexcused"},
        topic="Chuyên đề chuyển đổi số",
    )
    helpers.meeting(personas.cell_a1, on=today - dt.timedelta(days=10), statuses={a: "excused", cuc: "present"})
    helpers.meeting(
        personas.cell_a1, on=today - dt.timedelta(days=500), statuses={a: "unexcused"}, topic="Buổi đã quá một năm"
    )
    helpers.meeting(personas.org_b, on=today - dt.timedelta(days=20), statuses={b: "present"}, topic="Chi bộ B họp")
    helpers.study(personas.org_a, on=today - dt.timedelta(days=30), document="Nghị quyết số 57-NQ/TW", members=[a])
    helpers.study(personas.org_b, on=today - dt.timedelta(days=30), document="Chỉ thị số 35-CT/TW", members=[b])
    helpers.training(
        personas.org_a,
        title="Lớp đảng viên mới 2025",
        starts_on=today - dt.timedelta(days=90),
        participants={a: "completed"},
    )
    helpers.training(
        personas.org_b,
        title="Lớp bồi dưỡng cấp ủy viên",
        starts_on=today - dt.timedelta(days=90),
        participants={b: "completed"},
    )
    helpers.inspection(
        personas.org_a,
        title="Kiểm tra khi có dấu hiệu vi phạm đã kết luận",
        subject=a,
        ended_on=today - dt.timedelta(days=5),
        conclusion="Không vi phạm.",
    )
    helpers.inspection(personas.org_a, title="Kiểm tra đang tiến hành", subject=a, ended_on=None)
    helpers.inspection(
        personas.org_b,
        title="Kiểm tra đồng chí Bình",
        subject=b,
        ended_on=today - dt.timedelta(days=5),
        conclusion="Có vi phạm.",
    )
    helpers.discipline(personas.org_b, member=b, decided_on=today - dt.timedelta(days=3), decision_no="99-QĐ/UBKT")
    return personas


def test_party_life_shows_the_ratings_meetings_and_studies_of_this_member_only(client, life):
    client.force_login(life.plain_member)
    page = client.get(reverse("portal:party_life")).content.decode()
    year = timezone.localdate().year
    assert f"{year - 1}</span> Hoàn thành tốt nhiệm vụ" in page
    assert "Không hoàn thành nhiệm vụ" not in page  # B's rating
    assert "Chuyên đề chuyển đổi số" in page and "Chi bộ B họp" not in page and "Buổi đã quá một năm" not in page
    assert "Nghị quyết số 57-NQ/TW" in page and "Chỉ thị số 35-CT/TW" not in page
    assert "Lớp đảng viên mới 2025" in page and "Lớp bồi dưỡng cấp ủy viên" not in page
    assert "Kiểm tra khi có dấu hiệu vi phạm đã kết luận" in page
    assert "Kiểm tra đang tiến hành" not in page and "Kiểm tra đồng chí Bình" not in page
    assert "99-QĐ/UBKT" not in page
    assert "Huy hiệu tiếp theo của đồng chí: 30 năm tuổi Đảng" in page  # far off: not yet "due"
    counts = page.split('id="meeting-counts"')[1].split("</div>\n</div>")[0]
    assert counts.count("<strong>1</strong>") == 2 and "<strong>0</strong>" in counts


def test_a_member_sees_the_discipline_decided_on_them(client, life):
    helpers.discipline(life.org_a, member=life.member_a, decided_on=timezone.localdate(), decision_no="12-QĐ/UBKT")
    client.force_login(life.plain_member)
    assert "12-QĐ/UBKT" in client.get(reverse("portal:party_life")).content.decode()


def test_the_home_shows_the_member_and_the_cards_and_the_secretary_their_cell(client, life):
    services.correction_request(member=life.member_a, field="hometown", proposed_value="Hà Nam", by=life.plain_member)
    client.force_login(life.plain_member)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Nguyễn Văn An" in page and "Chi bộ Văn phòng" in page and "Đảng viên chính thức" in page
    assert "Hồ sơ của tôi" in page and "Sinh hoạt đảng của tôi" in page and "1 đang chờ" in page
    assert "Đề nghị sửa hồ sơ của chi bộ" not in page
    client.force_login(life.cell_secretary)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Lê Thị Cúc" in page and 'id="cell"' in page and "1 đề nghị chờ đồng chí trả lời" in page


PAGES = ("portal:home", "portal:record", "portal:party_life", "portal:corrections")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("persona", ["plain_member", "cell_secretary"])
def test_each_portal_page_is_under_100_kb_in_a_fixed_number_of_queries(
    client, life, name, persona, django_assert_max_num_queries
):
    user = getattr(life, persona)
    client.force_login(user)
    for field in ("hometown", "place_of_birth", "aliases"):
        services.correction_request(member=user.member, field=field, proposed_value="Đà Nẵng", by=user)
    # The home page gathers the cards of six apps (accounts, portal, meetings, ratings, documents, notifications).
    with django_assert_max_num_queries(24):
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert len(response.content) < PAGE_LIMIT


def _many_requests(personas, count):
    from dangvu.members.tests.factories import admit

    for n in range(count):
        member = admit(personas.cell_a1, full_name=f"Đảng viên Thử {n}", national_id=f"0010900000{n:02d}")
        services.correction_request(member=member, field="hometown", proposed_value=f"Xã số {n}", by=None)


@pytest.mark.parametrize("count", [2, 12])
def test_the_office_list_runs_a_constant_number_of_queries(client, personas, count, django_assert_max_num_queries):
    _many_requests(personas, count)
    client.force_login(personas.secretary_a)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("portal:office_corrections"))
    assert response.content.decode().count("Xã số") == count


@pytest.mark.parametrize("count", [2, 12])
def test_the_cell_list_runs_a_constant_number_of_queries(client, personas, count, django_assert_max_num_queries):
    _many_requests(personas, count)
    client.force_login(personas.cell_secretary)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("portal:cell_corrections"))
    assert response.content.decode().count("Xã số") == count
    assert len(response.content) < PAGE_LIMIT


def test_an_account_whose_member_record_was_deleted_is_signed_out(client, personas):
    from dangvu.members.services import member_delete

    client.force_login(personas.plain_member)
    member_delete(member=personas.member_a, by=personas.staff)
    # The account follows the record (accounts.member_status): suspended, its session ends.
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
