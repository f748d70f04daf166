"""End to end in headless Chromium: record a study session, ticking the members counted that day."""

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_records_a_study_session_and_a_refusal_is_shown_in_vietnamese(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/education/study-sessions/new/")
    page.select_option("select[name=organization]", str(personas.org_a.pk))
    page.fill("input[name=held_on]", "10/5/2025")
    page.fill("input[name=document_reference]", "Nghị quyết số 21-NQ/TW")
    page.click("#list-members")
    page.wait_for_selector("text=Nguyễn Văn An")
    page.fill("input[name=non_members_present]", "12")
    page.fill("input[name=non_member_headcount]", "10")
    page.click("main button.primary")
    page.wait_for_selector(".error")
    assert "không thể vượt" in page.inner_text("#field-non_members_present")
    screenshot("study-session-refused")
    page.fill("input[name=non_members_present]", "9")
    page.click("main button.primary")
    page.wait_for_selector("#attendees")
    assert page.inner_text("#members-present") == "2"  # member A and the cell secretary of A1
    assert "Nguyễn Văn An" in page.inner_text("#attendees")
    screenshot("study-session-detail")
    page.goto("/education/study-sessions/")
    assert "Nghị quyết số 21-NQ/TW" in page.inner_text("table.sessions")
    screenshot("study-session-list")


def test_staff_records_mass_organization_figures(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/mass-organizations/figures/new/")
    page.select_option("select[name=organization]", str(personas.org_b.pk))
    page.select_option("select[name=year]", "2025")
    page.fill("input[name=bases]", "2")
    page.fill("input[name=members]", "45")
    page.fill("input[name=grade_1]", "9")
    page.fill("input[name=grade_2]", "30")
    page.click("main button.primary")
    page.wait_for_selector("#figures-members")
    assert page.inner_text("#figures-members") == "45"
    screenshot("massorg-figures-detail")
