"""In headless Chromium at 1366×768 and 390×844: the new-member form shows the fields of the chosen way of joining,
marks the required fields, and sums up the errors at the top, each link focusing its field."""

import os

import pytest

from conftest import ARTIFACTS, fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def sized(request, browser, live_server):
    context = browser.new_context(
        viewport=SIZES[request.param],
        locale="vi-VN",
        base_url=live_server.url,
        is_mobile=request.param == "phone",
        has_touch=request.param == "phone",
    )
    page = context.new_page()
    # The first page of a session starts the live server's URLconf and templates: on a busy machine that alone
    # can take more than the usual 10 seconds.
    page.set_default_timeout(30_000)

    def shot(name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        page.screenshot(path=os.path.join(ARTIFACTS, f"guided-member-form-{name}-{request.param}.png"), full_page=True)

    yield page, shot, request.param
    context.close()


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_the_new_member_form_follows_the_way_of_joining_and_leads_to_each_error(sized, personas):
    page, shot, size = sized
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/members/new/")
    # Admission is chosen: its ceremony fields show, the transfer-in section does not.
    assert page.is_visible("#field-ceremony_on")
    assert not page.is_visible("#field-original_admitted_on")
    assert not page.is_visible("fieldset.form-section:has(#field-external_place)")
    assert page.is_visible("#field-full_name .required-mark")
    assert page.inner_text("#field-on label").startswith("Ngày quyết định kết nạp:")
    shot("admission")

    page.check("#id_join_1")  # transferred in
    assert page.is_visible("#field-original_admitted_on") and page.is_visible("#field-external_place")
    assert not page.is_visible("#field-ceremony_on")
    assert page.inner_text("#field-on label").startswith("Ngày đảng viên chuyển đến:")
    assert page.inner_text("#field-document_no label").startswith("Số giấy giới thiệu chuyển sinh hoạt đảng:")
    shot("transfer-in")
    if size == "phone":
        assert fits_phone(page)

    page.click("main button[type=submit]")
    page.wait_for_selector(".error-summary")
    # The summary is announced and focused; it counts the errors and links each to its field.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.inner_text(".error-summary-title").startswith("Có ")
    assert page.is_visible("#field-external_place")  # the way chosen is kept, and its fields show again
    shot("errors")
    page.click(".error-summary a[href='#id_full_name']")
    assert _focused_id(page) == "id_full_name"
    page.click(".error-summary a[href='#id_external_place']")
    assert _focused_id(page) == "id_external_place"
    assert page.evaluate("document.getElementById('id_external_place').getBoundingClientRect().top >= 0")
