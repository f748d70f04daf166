"""End to end in headless Chromium: open a season, rate a member, see the rule refuse a wrong grade."""

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_opens_a_season_and_a_secretary_rates_a_member(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/ratings/")
    page.fill("input[name=year]", "2024")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#season-status")
    assert "Nguyễn Văn An" in page.inner_text("#unrated")
    screenshot("rating-season-open")

    page.click("#unrated >> text=Nguyễn Văn An")
    page.select_option("select[name=grade]", "good")
    page.check("input[name=disciplined]")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".has-error")
    assert "QĐ 124" in page.inner_text("#field-grade")
    screenshot("rating-refused")

    page.uncheck("input[name=disciplined]")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#rating-grade")
    assert page.inner_text("#rating-grade") == "Hoàn thành tốt nhiệm vụ"
    screenshot("rating-detail")

    page.goto("/ratings/members/")
    assert "Nguyễn Văn An" in page.inner_text("table.ratings")
    screenshot("rating-list")
