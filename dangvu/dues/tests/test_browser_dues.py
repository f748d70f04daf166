"""End to end in headless Chromium: the office records the whole cell's payments and follows the arrears warning
to the removal proposal (1366×768); the cell secretary records a payment with one tap and a member reads their
own dues on a 390-pixel phone, each page under 100 KB."""

import datetime as dt
import os

import pytest

from conftest import ARTIFACTS, fits_phone, log_in
from dangvu.dues.models import DuesPayment, RemovalProposal
from dangvu.dues.tests.ui_data import cell_with_runs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONTHS = [dt.date(2026, m, 1) for m in (1, 2, 3)]


def _shot(page, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)


def _page_bytes(page) -> int:
    """What the page brought over the wire: the document and every resource it loaded."""
    return page.evaluate(
        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)"
    )


def test_the_office_records_the_cells_payments_and_starts_a_removal_from_the_warning(page, personas):
    secretary, _runs = cell_with_runs(personas, months=MONTHS)
    for month in MONTHS:  # the secretary's member paid each month; member A paid nothing
        DuesPayment.objects.create(
            member=secretary, organization=personas.cell_a1, month=month, amount=5000, paid_on=month
        )
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, "sec_a", "pw-sec_a")
    page.goto(f"/dues/org/{personas.cell_a1.pk}/2026/3/")
    assert page.inner_text("#paid-count") == "1/2"
    _shot(page, "dues-month-office")

    page.goto("/dashboard/")
    page.click("#alerts a[href*='/dues/arrears/']")
    page.wait_for_selector(".dues-arrears")
    rows = page.locator(".dues-arrears tbody tr")
    assert rows.count() == 1
    assert "Nguyễn Văn An" in rows.first.inner_text()
    _shot(page, "dues-arrears-office")
    page.click(".propose-removal")
    page.wait_for_selector(".messages")
    assert RemovalProposal.objects.filter(member=personas.member_a, year=2026).exists()
    _shot(page, "dues-removal-started-office")

    page.goto(f"/dues/org/{personas.cell_a1.pk}/2026/3/")
    page.check(f"input[name=pay_{personas.member_a.pk}]")
    page.fill("input[name=paid_on]", "20/11/2026")
    page.click("#record-payments")
    page.wait_for_selector(".messages")
    assert page.inner_text("#paid-count") == "2/2"
    _shot(page, "dues-month-paid-office")


def test_the_cell_secretary_taps_a_payment_and_the_member_reads_their_dues_on_a_phone(phone, personas):
    cell_with_runs(personas, months=[dt.date(2026, 11, 1)])
    log_in(phone, "cell_sec_a1", "pw-cell_sec_a1")
    phone.goto("/dues/cell/")
    phone.wait_for_selector("#dues-rows")
    assert fits_phone(phone)
    assert _page_bytes(phone) < 100_000
    _shot(phone, "dues-cell-phone")
    phone.click(f"#due-{personas.member_a.pk} .d-pay")
    phone.wait_for_selector(f"#due-{personas.member_a.pk} .p-state.paid")
    assert phone.inner_text("#cell-totals").startswith("1/2")
    assert DuesPayment.objects.filter(member=personas.member_a, month=dt.date(2026, 11, 1)).count() == 1
    assert fits_phone(phone)
    _shot(phone, "dues-cell-paid-phone")

    phone.context.clear_cookies()
    log_in(phone, "member_a", "pw-member_a")
    phone.goto("/dues/mine/")
    phone.wait_for_selector("#my-dues")
    text = phone.inner_text("#my-dues")
    assert "80.000" in text and "1%" in text
    assert fits_phone(phone)
    assert _page_bytes(phone) < 100_000
    _shot(phone, "dues-mine-phone")
