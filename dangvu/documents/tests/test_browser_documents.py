"""End to end in headless Chromium: register an issued document and find it in the filtered list."""

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_registers_a_resolution_and_gets_the_next_number(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/documents/issue/")
    page.select_option("select[name=type_code]", "NQ")
    page.fill("input[name=issued_on]", "02/03/2026")
    page.fill("textarea[name=subject]", "Về công tác phát triển đảng viên năm 2026")
    page.fill("input[name=signer]", "Nguyễn Văn Hùng")
    screenshot("document-issue-form")
    page.click("main button[type=submit]")
    page.wait_for_selector("#document-number")
    assert page.inner_text("#document-number") == "01-NQ/DUK"
    screenshot("document-detail")
    page.goto("/documents/?type_code=NQ")
    assert "Về công tác phát triển đảng viên năm 2026" in page.inner_text("table.documents")
    screenshot("document-list")


def test_a_future_date_is_refused_beside_the_field(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/documents/issue/")
    page.fill("input[name=issued_on]", "02/03/2099")
    page.fill("textarea[name=subject]", "Thử")
    page.click("main button[type=submit]")
    page.wait_for_selector("#field-issued_on .error")
    assert "tương lai" in page.inner_text("#field-issued_on .error")
    screenshot("document-issue-refused")
