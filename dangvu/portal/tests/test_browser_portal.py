"""End to end on a 390-pixel phone: a member opens the handbook and their record and asks for a correction; the
cell's secretary accepts it on their phone; the member's record shows the new value."""

import os

import pytest

from conftest import ARTIFACTS, fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_HOMETOWN = "Xã Tân Lập, huyện Đan Phượng, Hà Nội"


def shot(page, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)
    assert fits_phone(page), f"{name} scrolls sideways on a phone"


def log_out(page):
    with page.expect_navigation():
        page.click("header.p-top button[type=submit]")


def test_a_member_asks_for_a_correction_and_the_cell_secretary_accepts_it_on_a_phone(phone, personas):
    page = phone
    log_in(page, "member_a", "pw-member_a")
    page.goto("/handbook/")
    assert "Nguyễn Văn An" in page.inner_text(".p-hero")
    shot(page, "portal-home-member")

    page.click("nav.p-nav >> text=Hồ sơ của tôi")
    page.wait_for_selector("text=Quá trình sinh hoạt đảng")
    shot(page, "portal-record")
    page.click("a[href$='/record/correct/hometown/']")
    page.fill("[name=proposed_value]", NEW_HOMETOWN)
    page.fill("[name=note]", "Theo giấy khai sinh bản sao y.")
    shot(page, "portal-correction-form")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "Chờ xử lý" in page.inner_text("#my-corrections")
    shot(page, "portal-my-corrections")
    page.click("nav.p-nav summary")
    shot(page, "portal-more-menu")
    log_out(page)

    log_in(page, "cell_sec_a1", "pw-cell_sec_a1")
    page.goto("/handbook/")
    assert "Lê Thị Cúc" in page.inner_text(".p-hero")
    shot(page, "portal-home-cell-secretary")
    page.click("a.p-card-title[href$='/cell/corrections/']")
    assert NEW_HOMETOWN in page.inner_text("#pending")
    shot(page, "portal-cell-corrections")
    page.click("#pending >> text=Mở đề nghị")
    page.fill("[name=response]", "Đã đối chiếu lý lịch.")
    shot(page, "portal-correction-handle")
    with page.expect_navigation():
        page.click("button[value=accept]")
    assert "Đã sửa hồ sơ" in page.inner_text(".messages")
    log_out(page)

    log_in(page, "member_a", "pw-member_a")
    page.goto("/handbook/record/")
    assert NEW_HOMETOWN in page.inner_text("main")
    page.goto("/handbook/party-life/")
    shot(page, "portal-party-life")
