"""End to end in headless Chromium: add a candidate, add an introducer, see the pipeline."""

import pytest

from conftest import log_in
from dangvu.lib.tests.browser import pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_adds_a_candidate_and_an_introducer(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/candidates/new/")
    page.fill("input[name=full_name]", "Hoàng Văn Ưu")
    page.select_option("select[name=sex]", "male")
    page.fill("input[name=date_of_birth]", "01/05/1998")
    pick(page, "organization", "chi bo van phong")
    page.fill("input[name=awareness_class_on]", "01/03/2026")
    page.fill("input[name=awareness_certificate_no]", "12/GCN")
    screenshot("candidate-form")
    page.click("main button[type=submit]")
    page.wait_for_selector("#candidate-stage")
    page.click("a.button >> text=Thêm người giới thiệu")
    pick(page, "member", "nguyen van an")
    page.fill("input[name=known_since]", "01/01/2026")
    page.fill("input[name=letter_on]", "10/05/2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("#field-known_since .error")
    assert "12 tháng" in page.inner_text("#field-known_since .error")
    screenshot("introducer-refused")
    page.fill("input[name=known_since]", "01/01/2024")
    page.click("main button[type=submit]")
    page.wait_for_selector("#introducers >> text=Nguyễn Văn An")
    screenshot("candidate-detail")
    page.goto("/candidates/")
    assert "Hoàng Văn Ưu" in page.inner_text("table.candidates")
    screenshot("candidate-list")
