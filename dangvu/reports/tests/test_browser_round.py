"""End to end: a reporting round from opening to downloading the aggregate DOCX (issue 5 §6); the period is
picked (issue 15 §2), a report with empty sections and an aggregate with reports missing ask first (§8)."""

import io
import os
import re
import zipfile

import pytest

from conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_round_from_opening_to_the_aggregate_docx(browser, live_server, personas, screenshot, page):
    log_in(page, "staff", "pw-staff")
    page.goto("/reports/rounds/new/")
    page.select_option("select[name=kind]", "quarterly")  # the picker follows the kind: quarters only
    assert page.input_value("select[name=period_key_0]").startswith("Q")
    assert page.eval_on_selector("select[name=period_key_0] optgroup[data-kinds=monthly]", "group => group.hidden")
    page.select_option("select[name=kind]", "monthly")
    page.select_option("select[name=period_key_0]", "10")
    page.select_option("select[name=period_key_1]", "2026")
    page.fill("input[name=due_on]", "05/11/2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("#board")
    assert "Báo cáo tháng 10 năm 2026" in page.inner_text("h1")
    round_url = page.url
    screenshot("round-opened")

    secretary = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    sec = secretary.new_page()
    log_in(sec, "sec_a", "pw-sec_a")
    sec.goto(round_url)
    sec.click("#board >> text=lập báo cáo")
    sec.wait_for_selector("#section-political_task textarea")
    sec.fill("#section-political_task textarea", "Đảng ủy Sở Tài chính lãnh đạo hoàn thành dự toán ngân sách năm.")
    sec.wait_for_selector("#section-political_task .saved >> text=Đã lưu")
    sec.click("button >> text=Gửi báo cáo")
    sec.wait_for_selector(".empty-sections")  # the empty sections are listed before anything is frozen
    sec.click("button >> text=Vẫn gửi báo cáo")
    sec.wait_for_selector("text=đã được gửi")
    secretary.close()

    page.goto(round_url)
    assert "Đã gửi" in page.inner_text("#board")
    screenshot("round-board")
    page.click("button >> text=Tổng hợp báo cáo")
    page.wait_for_selector(".confirm-compile")
    screenshot("compile-confirm")
    page.click("button >> text=Tổng hợp dự thảo tạm tính")
    page.wait_for_selector("#section-political_task textarea")
    assert re.search(r"Dự thảo tạm tính: 1/\d+ báo cáo", page.inner_text(".provisional"))
    assert "Đảng ủy Sở Tài chính lãnh đạo" in page.input_value("#section-political_task textarea")
    with page.expect_download() as download_info:
        page.click("a >> text=Tải DOCX")
    data = open(download_info.value.path(), "rb").read()
    text = re.sub(r"<[^>]+>", "", zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode())
    assert "Kết quả công tác tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2026" in text
    assert "Đảng ủy Sở Tài chính lãnh đạo hoàn thành dự toán ngân sách năm." in text
    assert re.search(r"DỰ THẢO TẠM TÍNH: 1/\d+ BÁO CÁO", text)
    screenshot("aggregate-report")


def test_the_period_picker_fits_a_phone(browser, live_server, personas):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    log_in(phone, "staff", "pw-staff")
    phone.goto("/reports/new/")
    phone.select_option("select[name=kind]", "term_end")
    assert phone.input_value("select[name=period_key_0]").startswith("T")
    assert phone.is_hidden("select[name=period_key_1]")  # a term needs no year
    for name in ("period_key_0", "kind"):
        box = phone.locator(f"select[name={name}]").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.screenshot(path=os.path.join(ARTIFACTS, "period-picker-390.png"), full_page=True)
    context.close()
