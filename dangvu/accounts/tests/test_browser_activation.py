"""End to end in headless Chromium: the cell secretary issues the codes of the cell, a member activates on a
390-pixel phone, lands on the portal's home, logs out and logs in again with the party card number."""

import datetime as dt
import re

import pytest

from conftest import fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_activates_on_a_phone_and_logs_in_with_the_card_number(phone, personas):
    from dangvu.members.models import EventKind
    from dangvu.members.services import member_event_record
    from dangvu.members.tests.factories import admit

    member = admit(personas.cell_a1, full_name="Phạm Văn Mới", national_id="001085000009")
    member_event_record(
        member=member, kind=EventKind.CARD_ISSUED, by=None, on=dt.date(2022, 1, 5), card_number="77778888"
    )

    # The cell secretary prints the codes of the cell from their phone.
    page = phone
    log_in(page, "cell_sec_a1", "pw-cell_sec_a1")
    page.goto("/accounts/my-cell/")
    assert "2/3" in page.inner_text("#account-counts")
    assert fits_phone(page)
    screenshot_of(page, "activation-cell-page")
    with page.expect_navigation():
        page.click("#issue-codes")
    sheet = page.inner_text(".slips")
    assert "Phạm Văn Mới" in sheet
    code = re.search(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}", sheet).group(0)
    screenshot_of(page, "activation-code-sheet")
    page.goto("/accounts/my-cell/")
    with page.expect_navigation():
        page.click("text=Đăng xuất")

    # The member activates with the code and the card number.
    page.goto("/accounts/activate/")
    assert fits_phone(page)
    page.fill("#id_code", code.lower().replace("-", " "))
    page.fill("#id_identifier", "77778888")
    page.fill("#id_password1", "Hoa-Sen-2026!")
    page.fill("#id_password2", "Hoa-Sen-2026!")
    screenshot_of(page, "activation-form")
    with page.expect_navigation():
        page.click("#activate-form button[type=submit]")
    assert page.url.endswith("/handbook/")
    assert "77778888" in page.inner_text(".messages")
    assert fits_phone(page)
    screenshot_of(page, "activation-portal-home")

    # Logs out, and back in with the card number.
    with page.expect_navigation():
        page.click("text=Đăng xuất")
    log_in(page, "77778888", "Hoa-Sen-2026!")
    page.goto("/handbook/")
    assert "/handbook/" in page.url and "/accounts/login/" not in page.url
    screenshot_of(page, "activation-login-by-card")


def screenshot_of(page, name):
    import os

    from conftest import ARTIFACTS

    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)
