"""End to end in headless Chromium: search a member, record a transfer out, see it everywhere."""

import pytest

from conftest import log_in
from dangvu.lib.tests.browser import pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_finds_a_member_by_unaccented_name_and_records_a_transfer_out(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto(f"/organizations/{personas.cell_a1.pk}/")
    assert page.inner_text("#org-members") == "2"  # member A and the cell secretary
    screenshot("organization-before")

    page.goto("/members/")
    page.fill("input[name=q]", "nguyen van")
    page.wait_for_selector("table.members >> text=Trần Thị Bình", state="detached")
    assert "Trần Thị Bình" not in page.inner_text("table.members")
    screenshot("member-search")
    page.click("table.members >> text=Nguyễn Văn An")
    page.wait_for_selector("#timeline")

    page.click("a.button >> text=Chuyển đi")
    page.fill("input[name=on]", "15/10/2026")
    page.select_option("select[name=transfer_mode]", "official")
    page.fill("input[name=external_place]", "Đảng bộ tỉnh An Giang")
    page.fill("input[name=document_no]", "123-GGT/ĐUK")
    screenshot("transfer-form")
    page.click("main button[type=submit]")
    page.wait_for_selector("#timeline >> text=Đảng bộ tỉnh An Giang")
    assert "Chuyển đi" in page.inner_text("#timeline")
    assert page.inner_text("#member-status") == "Đã chuyển đi"
    screenshot("member-after-transfer")

    page.goto(f"/organizations/{personas.cell_a1.pk}/")
    assert page.inner_text("#org-members") == "1"  # the cell secretary stays
    page.goto("/organizations/")
    screenshot("tree-after-transfer")


def test_an_impossible_event_shows_a_vietnamese_message_beside_the_field(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto(f"/members/{personas.member_a.pk}/events/admitted/")
    page.fill("input[name=on]", "02/01/2026")
    pick(page, "organization", "thanh tra")
    page.fill("input[name=document_no]", "5-QĐ/ĐU")
    page.click("main button[type=submit]")
    page.wait_for_selector(".errors")
    text = page.inner_text(".errors")
    assert "đã được kết nạp" in text
    screenshot("event-refused")


def test_a_member_logs_in_and_sees_only_their_own_record(page, personas):
    log_in(page, "member_a", "pw-member_a")
    # A member lands on the member portal; the office page of their own record stays open to them.
    assert page.url.endswith("/handbook/")
    assert "Nguyễn Văn An" in page.inner_text("body")
    page.goto(f"/members/{personas.member_a.pk}/")
    assert "Nguyễn Văn An" in page.inner_text("h1")
    response = page.goto(f"/members/{personas.member_b.pk}/")
    assert response.status == 404
