"""End to end in headless Chromium: an inspection, a discipline decision refused then recorded, a letter."""

import pytest

from conftest import log_in
from dangvu.lib.tests.browser import pick, pick_another
from dangvu.members.models import Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_records_an_inspection_of_a_cell_and_its_members(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/inspections/")
    page.click("a.button >> text=Thêm cuộc kiểm tra, giám sát")
    pick(page, "organization", "so tai chinh")
    page.select_option("select[name=body]", "base_committee")
    page.select_option("select[name=kind]", "finances")
    page.fill("input[name=title]", "Kiểm tra tài chính đảng năm 2025")
    page.fill("input[name=started_on]", "10/04/2025")
    pick_another(page, "subject_organizations", "chi bo van phong")
    page.check("input[name=all_members_of_subjects]")
    page.click("main button[type=submit]")
    page.wait_for_selector(".errors, .error")
    assert "Ủy ban Kiểm tra" in page.inner_text("#field-kind")
    screenshot("inspection-refused")

    page.select_option("select[name=kind]", "program")
    page.click("main button[type=submit]")
    page.wait_for_selector("#subject-members")
    assert "Nguyễn Văn An" in page.inner_text("#subject-members")
    screenshot("inspection-detail")
    page.goto("/inspections/")
    assert "Kiểm tra tài chính đảng năm 2025" in page.inner_text("#results")
    screenshot("inspection-list")


def test_staff_records_an_expulsion_that_shows_in_the_member_record(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto(f"/inspections/discipline/new/?member={personas.member_a.pk}")
    assert page.input_value("input[name=member]") == personas.member_a.national_id
    page.select_option("select[name=form]", "dismissal")
    page.select_option("select[name=body]", "standing_committee")
    pick(page, "deciding_organization", "khoi cac co quan")
    page.fill("input[name=decision_no]", "15-QĐ/ĐUK")
    page.fill("input[name=decided_on]", "12/09/2025")
    page.select_option("select[name=violation_category]", "law")
    page.fill("input[name=violation_started_on]", "01/11/2024")
    page.click("main button[type=submit]")
    page.wait_for_selector("#field-holds_post .error")
    assert "chức vụ" in page.inner_text("#field-holds_post")
    screenshot("discipline-refused")

    page.select_option("select[name=form]", "expulsion")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1 >> text=Quyết định kỷ luật số 15-QĐ/ĐUK")
    screenshot("discipline-detail")
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.EXPELLED
    page.goto(f"/members/{personas.member_a.pk}/")
    assert "Khai trừ" in page.inner_text("#timeline")
    page.goto("/inspections/discipline/")
    screenshot("discipline-list")


def test_a_letter_past_its_deadline_is_flagged(page, personas, screenshot):
    log_in(page, "staff", "pw-staff")
    page.goto("/inspections/letters/new/")
    pick(page, "organization", "khoi cac co quan")
    page.fill("input[name=received_on]", "02/01/2025")
    page.select_option("select[name=kind]", "both")
    page.fill("input[name=sender]", "Nguyễn Thị Hoa")
    page.fill("input[name=member]", personas.member_b.national_id)
    page.select_option("select[name=category]", "within_authority")
    page.select_option("select[name=status]", "in_progress")
    screenshot("letter-form")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Xử lý theo loại")
    assert "Khiếu nại" in page.inner_text("main dl")
    screenshot("letter-detail")
    page.goto("/inspections/letters/")
    assert "quá hạn" in page.inner_text("#results")
    assert page.is_visible("#letter-warnings")
    screenshot("letter-list")
