"""End to end in headless Chromium: the office sends a document to a cell, a member of the cell opens it on a
390-pixel phone and taps "Tôi đã đọc", and the office sees the read share change."""

import datetime as dt
import os

import pytest

from conftest import ARTIFACTS, fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _phone_shot(phone, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    phone.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)


def test_a_member_reads_a_document_the_office_sent_to_the_cell(page, phone, personas, screenshot):
    from dangvu.documents.services import document_issue

    document = document_issue(
        organization=personas.committee,
        type_code="NQ",
        issued_on=dt.date(2026, 3, 2),
        subject="Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ",
        by=None,
    )
    log_in(page, "staff", "pw-staff")
    page.goto(f"/documents/{document.pk}/")
    page.click("#send-to-members")
    page.select_option("select[name=organizations]", str(personas.cell_a1.pk))
    page.click("#send-document")
    page.wait_for_selector("#read-pct")
    assert page.inner_text("#read-pct") == "0,00%"
    screenshot("documents-sent-office")

    log_in(phone, "member_a", "pw-member_a")
    phone.goto("/handbook/")
    assert "Văn bản mới" in phone.inner_text("main")
    phone.goto("/documents/my/")
    assert "chưa đọc" in phone.inner_text("main")
    assert fits_phone(phone)
    _phone_shot(phone, "documents-my-list-phone")
    phone.click("text=Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ")
    phone.wait_for_selector("#mark-read")
    assert fits_phone(phone)
    _phone_shot(phone, "documents-my-detail-phone")
    phone.click("#mark-read")
    phone.wait_for_selector("#read-at")
    assert "Cảm ơn" in phone.inner_text("main")
    assert fits_phone(phone)
    _phone_shot(phone, "documents-read-phone")

    page.reload()
    assert page.inner_text("#read-pct") == "50,00%"
    page.click("#unread-link")
    assert "Lê Thị Cúc" in page.inner_text("#results") and "Nguyễn Văn An" not in page.inner_text("#results")
    screenshot("documents-unread-office")
