"""End to end in headless Chromium: a member and an organization chosen by searching as you type, with the keyboard,
on a desktop screen (1366×768) and on a phone (390×844)."""

import os

import pytest

from conftest import ARTIFACTS, fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)


def _choose_with_the_keyboard(page, shot):
    page.set_default_timeout(30_000)  # a shared, busy machine
    log_in(page, "staff", "pw-staff")
    page.goto("/cadres/appointments/new/")
    box = page.locator("input[name=member_q]")
    box.click()
    box.type("ng", delay=20)  # two letters, no accents: "Nguyễn Văn An"
    page.wait_for_selector("#id_member_list.open [role=option]")
    assert "Chi bộ Văn phòng" in page.inner_text("#id_member_list")  # the member's cell beside the name
    _shoot(page, f"search-choice-list-{shot}")
    box.press("Escape")
    assert not page.is_visible("#id_member_list")
    box.press("ArrowDown")
    assert page.is_visible("#id_member_list")
    box.press("Enter")
    assert box.input_value() == "Nguyễn Văn An (15/06/1985)"
    assert page.inner_text("#id_member_hint") == "Chi bộ Văn phòng"
    assert page.url.endswith("/cadres/appointments/new/")  # Enter picked, it did not send the form
    organization = page.locator("input[name=organization_q]")
    organization.type("so tai", delay=20)
    page.wait_for_selector("#id_organization_list.open [role=option]")
    organization.press("ArrowDown")
    organization.press("Enter")
    assert organization.input_value() == "Đảng bộ Sở Tài chính (A)"
    _shoot(page, f"search-choice-picked-{shot}")
    page.select_option("select[name=position]", "secretary")
    page.fill("input[name=decided_by]", "Ban Thường vụ Đảng ủy Khối")
    page.fill("input[name=decided_on]", "03/06/2024")
    page.fill("input[name=document_no]", "15-QĐ/ĐUK")
    page.click("main button[type=submit]")
    page.wait_for_selector("#appointment-post")
    assert "Nguyễn Văn An" in page.inner_text("main")


def test_a_member_and_an_organization_are_picked_with_the_keyboard_on_a_desktop(browser, live_server, personas):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    try:
        _choose_with_the_keyboard(page, "1366")
    finally:
        context.close()


def test_a_member_and_an_organization_are_picked_on_a_phone(phone, personas):
    _choose_with_the_keyboard(phone, "390")
    phone.goto("/cadres/appointments/new/")
    assert fits_phone(phone)


def test_typing_again_forgets_the_choice_until_another_is_picked(page, personas):
    page.set_default_timeout(30_000)
    log_in(page, "staff", "pw-staff")
    page.goto("/cadres/conclusions/new/")
    box = page.locator("input[name=member_q]")
    box.type("binh", delay=20)
    page.locator("#id_member_list [role=option]").first.click()
    assert page.input_value("input[type=hidden][name=member]") == str(personas.member_b.pk)
    box.press("Backspace")
    assert page.input_value("input[type=hidden][name=member]") == ""
    assert page.inner_text("#id_member_hint") == ""
