"""End to end in headless Chromium on a phone-sized screen: a secretary records a meeting with attendance,
sees the warnings, and downloads the minutes."""

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_records_a_meeting_on_a_phone(page, personas, screenshot):
    from dangvu.members.tests.factories import admit

    admit(personas.cell_a1, full_name="Lê Văn Cường")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/meetings/")
    assert "Chi bộ Văn phòng" in page.inner_text("#meeting-warnings")
    screenshot("meeting-list-phone")

    page.click("text=Ghi buổi sinh hoạt")
    page.select_option("select[name=organization]", str(personas.cell_a1.pk))
    page.fill("input[name=held_on]", "10/03/2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("#attendance")
    assert "Nguyễn Văn An" in page.inner_text("#attendance")
    page.locator("#attendance li", has_text="Lê Văn Cường").locator("input[value=unexcused]").check()
    page.fill("input[name=duration_minutes]", "60")
    page.fill("textarea[name=content]", "Đánh giá kết quả tháng 3, triển khai nhiệm vụ tháng 4.")
    page.fill("input[name=chaired_by]", "Nguyễn Văn An")
    page.fill("input[name=minutes_by]", "Lê Văn Cường")
    screenshot("meeting-form-phone")
    page.click("main button[type=submit]")
    page.wait_for_selector("#warnings")
    warnings = page.inner_text("#warnings")
    assert "Lê Văn Cường" in warnings and "60 phút" in warnings
    screenshot("meeting-detail-phone")

    with page.expect_download() as download:
        page.click("#minutes-docx")
    assert download.value.suggested_filename.endswith(".docx")
