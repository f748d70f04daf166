"""End to end in headless Chromium: record an appointment; a probationary member is refused."""

import pytest

from conftest import log_in
from dangvu.lib.tests.browser import pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_records_a_secretary_appointment(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/cadres/appointments/new/")
    pick(page, "organization", "tai chinh", "Đảng bộ Sở Tài chính")
    pick(page, "member", "nguyen van an")
    page.select_option("select[name=position]", "secretary")
    page.fill("input[name=decided_by]", "Ban Thường vụ Đảng ủy Khối")
    page.fill("input[name=decided_on]", "03/06/2020")
    page.fill("input[name=document_no]", "15-QĐ/ĐUK")
    page.click("main button[type=submit]")
    page.wait_for_selector("#field-member .error")
    assert "dự bị" in page.inner_text("#field-member .error")
    screenshot("appointment-refused")
    page.fill("input[name=decided_on]", "03/06/2024")
    page.click("main button[type=submit]")
    page.wait_for_selector("#appointment-post")
    assert "Bí thư" in page.inner_text("#appointment-post")
    screenshot("appointment-detail")
    page.goto("/cadres/appointments/")
    screenshot("appointment-list")
