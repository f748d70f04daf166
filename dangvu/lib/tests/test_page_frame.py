"""The frame of every office page: the first page, the skip link, the current menu item, the pager's page numbers
and total, and error pages that say what happened and lead back."""

import pytest
from django.urls import reverse

from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def test_the_first_page_after_login_is_the_dashboard(client, personas):
    client.force_login(personas.staff)
    assert client.get(reverse("home"))["Location"] == reverse("dashboard:home")


def test_every_page_has_a_skip_link_to_the_content_and_marks_the_current_menu_item(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("members:list")).content.decode()
    assert '<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>' in page
    assert 'id="main"' in page
    current = f'<a href="{reverse("members:list")}" aria-current="page">'
    assert current in page
    assert page.count('aria-current="page"') == 1


def test_a_work_record_screen_marks_the_party_work_entry_as_current(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("education:session_list")).content.decode()
    assert f'<a href="{reverse("dashboard:work")}" aria-current="page">' in page


def test_the_pager_shows_page_numbers_and_the_total(client, personas):
    for number in range(27):
        admit(personas.cell_a2, full_name=f"Phạm Văn Số{number:02d}", national_id=f"0010950{number:05d}")
    client.force_login(personas.staff)
    page = client.get(reverse("members:list"), {"size": "25", "page": "2"}).content.decode()
    assert '<strong class="current" aria-current="page">2</strong>' in page
    assert 'aria-label="Trang 1"' in page
    assert "Trang 2/2 · tổng số 30 dòng" in page  # 27 + the three persona members


def test_a_refusal_by_kind_of_account_names_the_reason_and_leads_back(client, personas):
    client.force_login(personas.secretary_a)
    response = client.get(reverse("workcalendar:list"), HTTP_REFERER="http://testserver/members/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Trang này dành cho cán bộ văn phòng cấp ủy (ban tổ chức)." in page
    assert "ngoài các tổ chức" not in page
    assert 'href="http://testserver/members/"' in page
    assert f'href="{reverse("home")}"' in page


def test_an_error_page_never_links_back_to_another_site(client, personas):
    client.force_login(personas.secretary_a)
    page = client.get(reverse("workcalendar:list"), HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in page


def test_a_missing_page_says_what_was_asked_for_and_leads_home(client, personas):
    client.force_login(personas.staff)
    response = client.get("/members/999999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "/members/999999999/" in page
    assert "Về trang chủ" in page
