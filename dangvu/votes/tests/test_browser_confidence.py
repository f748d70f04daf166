"""End to end in headless Chromium: a confidence vote from its creation to the published results."""

import pytest

from conftest import log_in
from dangvu.votes.tests.confidence_builders import committee_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_a_secretary_runs_a_confidence_vote_to_the_published_results(page, personas, screenshot):
    committee = committee_of(personas.org_a, personas.cell_a1)
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/votes/confidence/")
    assert "đơn vị thực hiện" in page.inner_text("#units-held")
    _submit(page, "#new-round")
    page.select_option("select[name=organization]", str(personas.org_a.pk))
    page.fill("input[name=held_on]", "10/12/2025")
    page.fill("input[name=conference]", "Hội nghị Ban Chấp hành Đảng bộ lần thứ 12")
    page.select_option("select[name=voters]", "committee")
    _submit(page, "#list-people")
    assert committee[0].full_name in page.inner_text("#people")
    screenshot("confidence-new")
    _submit(page, "#create-round")
    assert "4/4" in page.inner_text("#presence")
    # Two of four present: fewer than two thirds, voting does not start.
    boxes = page.locator("#presence-form input[name=present]")
    boxes.nth(2).uncheck()
    boxes.nth(3).uncheck()
    _submit(page, "#save-presence")
    assert "2/4" in page.inner_text("#presence")
    _submit(page, "#start")
    assert "chưa đủ 2/3" in page.inner_text(".messages")
    screenshot("confidence-no-quorum")
    page.locator("#presence-form input[name=present]").nth(2).check()
    _submit(page, "#save-presence")
    _submit(page, "#start")
    _submit(page, "#enter-totals")
    for name, value in (("ballots_issued", 3), ("ballots_collected", 3), ("ballots_valid", 3), ("ballots_invalid", 0)):
        page.fill(f"input[name={name}]", str(value))
    for row_index, levels in enumerate([(3, 0, 0), (1, 1, 1), (0, 1, 2), (0, 0, 3)]):
        inputs = page.locator("#levels tbody tr").nth(row_index).locator("input")
        for i, value in enumerate(levels):
            inputs.nth(i).fill(str(value))
    _submit(page, "#save-tally")
    _submit(page, "#finish")
    outcomes = page.locator("#people td.outcome").all_inner_texts()
    assert outcomes[0] == outcomes[1] != outcomes[2] == outcomes[3] == "từ 2/3 trở lên tín nhiệm thấp"
    screenshot("confidence-counted")
    _submit(page, "#publish")
    assert page.inner_text("#state") == "đã công bố"
    assert page.locator("#publish").count() == 0 and page.locator("#enter-totals").count() == 0
    assert "66,67" in page.inner_text("#people")
    with page.expect_download() as download:
        page.click("#report")
    assert download.value.suggested_filename.endswith(".docx")
    screenshot("confidence-published")
