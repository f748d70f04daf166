"""End to end: a reporting round from opening to downloading the aggregate DOCX (issue 5 §6)."""

import io
import re
import zipfile

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_round_from_opening_to_the_aggregate_docx(browser, live_server, personas, screenshot, page):
    log_in(page, "staff", "pw-staff")
    page.goto("/reports/rounds/new/")
    page.select_option("select[name=kind]", "monthly")
    page.fill("input[name=period_key]", "2026-10")
    page.fill("input[name=due_on]", "05/11/2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("#board")
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
    sec.once("dialog", lambda dialog: dialog.accept())
    sec.click("button >> text=Gửi báo cáo")
    sec.wait_for_selector("text=đã được gửi")
    secretary.close()

    page.goto(round_url)
    assert "Đã gửi" in page.inner_text("#board")
    screenshot("round-board")
    page.click("button >> text=Tổng hợp báo cáo")
    page.wait_for_selector("#section-political_task textarea")
    assert "Đảng ủy Sở Tài chính lãnh đạo" in page.input_value("#section-political_task textarea")
    with page.expect_download() as download_info:
        page.click("a >> text=Tải DOCX")
    data = open(download_info.value.path(), "rb").read()
    text = re.sub(r"<[^>]+>", "", zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode())
    assert "Kết quả công tác tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2026" in text
    assert "Đảng ủy Sở Tài chính lãnh đạo hoàn thành dự toán ngân sách năm." in text
    screenshot("aggregate-report")
