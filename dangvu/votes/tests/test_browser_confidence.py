"""End to end in headless Chromium: a confidence vote from its creation to the published results."""

import pytest

from conftest import log_in
from dangvu.votes.tests.confidence_builders import committee_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_runs_a_confidence_vote_to_the_published_results(page, personas, screenshot):
    committee = committee_of(personas.org_a, personas.cell_a1)
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/votes/confidence/")
    page.click("#new-round")
    page.select_option("select[name=organization]", str(personas.org_a.pk))
    page.fill("input[name=held_on]", "10/12/2025")
    page.fill("input[name=conference]", "Hội nghị Ban Chấp hành Đảng bộ lần thứ 12")
    page.select_option("select[name=voters]", "committee")
    page.click("#list-people")
    page.wait_for_selector("#people")
    assert committee[0].full_name in page.inner_text("#people")
    screenshot("confidence-new")
    page.click("#create-round")
    page.wait_for_selector("#presence-form")
    assert "4 / 4" in page.inner_text("#presence") or "4" in page.inner_text("#presence")
    # Only two of four present: fewer than two thirds, voting does not start.
    boxes = page.locator("#presence-form input[name=present]")
    boxes.nth(2).uncheck()
    boxes.nth(3).uncheck()
    page.click("#save-presence")
    page.wait_for_selector("#presence-form")
    page.click("#start")
    page.wait_for_selector(".messages, .errors, [role=alert]")
    assert "2/3" in page.content() or "hai phần ba" in page.content().lower() or "không hợp lệ" in page.content()
    page.locator("#presence-form input[name=present]").nth(2).check()
    page.click("#save-presence")
    page.wait_for_selector("#start")
    page.click("#start")
    page.wait_for_selector("#enter-totals")
    page.click("#enter-totals")
    for name, value in (("ballots_issued", 3), ("ballots_collected", 3), ("ballots_valid", 3), ("ballots_invalid", 0)):
        page.fill(f"input[name={name}]", str(value))
    rows = [(3, 0, 0), (1, 1, 1), (0, 1, 2), (0, 0, 3)]
    for row_index, levels in enumerate(rows):
        inputs = page.locator("#levels tbody tr").nth(row_index).locator("input")
        for i, value in enumerate(levels):
            inputs.nth(i).fill(str(value))
    page.click("#save-tally")
    page.wait_for_selector("#finish")
    page.click("#finish")
    page.wait_for_selector("#publish")
    outcomes = page.locator("#people td.outcome").all_inner_texts()
    assert outcomes[0] != outcomes[2] and outcomes[2] == outcomes[3]
    screenshot("confidence-counted")
    page.click("#publish")
    page.wait_for_selector("#report")
    assert page.locator("#publish").count() == 0
    assert "66,67" in page.inner_text("#people")
    with page.expect_download() as download:
        page.click("#report")
    assert download.value.suggested_filename.endswith(".docx")
    screenshot("confidence-published")
