"""End to end in headless Chromium: a cell's congress from the list to the approved minutes of counting."""

import io

import pytest
from docx import Document

from conftest import log_in
from dangvu.cadres.models import CommitteeAppointment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cell_congress_from_the_list_to_the_approved_minutes(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/votes/congresses/")
    page.click("#congress-new")
    page.select_option("select[name=organization]", str(personas.cell_a1.pk))
    page.fill("input[name=term]", "2025-2027")
    page.fill("input[name=opens_on]", "10/05/2025")
    page.fill("input[name=place]", "Phòng họp Văn phòng Sở")
    page.click("main button.primary")
    page.wait_for_selector("#counters")

    page.select_option("#counter-form select[name=member]", label="Lê Thị Cúc")
    page.select_option("#counter-form select[name=role]", "head")
    page.click("#counter-form button[type=submit]")
    page.wait_for_selector("#counters li:has-text('Lê Thị Cúc')")

    page.select_option("#poll-form select[name=body]", "secretary")
    page.fill("#poll-form input[name=seats]", "1")
    page.click("#poll-form button[type=submit]")
    page.wait_for_selector("#base-list")
    assert page.inner_text("#convened") == "2"
    assert page.inner_text("#base") == "2"

    page.select_option("#candidate-form select[name=member]", label="Nguyễn Văn An")
    page.click("#candidate-form button[type=submit]")
    page.wait_for_selector("tr.candidate:has-text('Nguyễn Văn An')")
    page.click("#start-vote")
    page.click("#enter-totals")
    for name, value in (("ballots_issued", "2"), ("ballots_collected", "2"), ("ballots_valid", "2")):
        page.fill(f"input[name={name}]", value)
    page.fill("input[name=ballots_invalid]", "1")  # 2 + 1 is not 2: refused beside the form
    page.fill("#totals-form input[name^=votes_]", "2")
    page.click("#totals-form button.primary")
    page.wait_for_selector(".errors, .error")
    assert "không cộng lại bằng" in page.inner_text("#totals-form") or "hợp lệ" in page.inner_text("#totals-form")
    screenshot("congress-totals-refused")
    page.fill("input[name=ballots_invalid]", "0")
    page.click("#totals-form button.primary")
    page.wait_for_selector("#count .votes, td.votes")
    page.click("#finish-count")
    page.wait_for_selector("#publish")
    assert "trúng cử" in page.inner_text("#candidates").lower()
    page.click("#publish")
    page.wait_for_selector("#minutes-docx")
    with page.expect_download() as download:
        page.click("#minutes-docx")
    with open(download.value.path(), "rb") as handle:
        text = "\n".join(p.text for p in Document(io.BytesIO(handle.read())).paragraphs)
    assert "BIÊN BẢN KIỂM PHIẾU" in text and "Số phiếu phát ra: 02" in text
    screenshot("congress-election-published")

    page.click("nav.crumbs a:nth-of-type(2)")
    page.wait_for_selector("#submit-congress")
    page.click("#submit-congress")
    page.wait_for_selector("#approve-link")
    page.click("#approve-link")
    page.fill("input[name=approved_on]", "20/05/2025")
    page.fill("input[name=document_no]", "15-QĐ/ĐU")
    page.click("#approve-submit")
    page.wait_for_selector("#approval")
    assert "15-QĐ/ĐU" in page.inner_text("#approval")
    screenshot("congress-approved")
    appointment = CommitteeAppointment.objects.get(organization=personas.cell_a1)
    assert (appointment.member_id, appointment.position, appointment.term) == (
        personas.member_a.pk,
        "secretary",
        "2025-2027",
    )
