"""End to end on a 390-pixel phone: a member sees the notifications card, opens the inbox, opens one
notification (it is read and its page opens) and marks the rest read."""

import pytest

from conftest import fits_phone, log_in
from dangvu.notifications.engine import run_day
from dangvu.notifications.tests.conftest import DAY, rule
from dangvu.notifications.triggers import Occurrence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_reads_notifications_on_a_phone(phone, personas, register):
    def notices(anchor):
        for i in range(3):
            yield Occurrence(
                key=f"n{i}",
                on=anchor,
                title=f"Họp chi bộ tháng {i + 5}",
                organization_id=personas.cell_a1.pk,
                body="Chi bộ họp lúc 14 giờ tại phòng họp tầng 2.",
                url="/handbook/",
            )

    register("test.notice", notices)
    rule("test.notice", "cell_members", channel="inbox")
    run_day(DAY, codes=["test.notice"])
    log_in(phone, "member_a", "pw-member_a")
    phone.goto("/handbook/")
    assert "3 mới" in phone.inner_text("main")
    phone.goto("/notifications/my/")
    assert fits_phone(phone)
    phone.screenshot(path="test-artifacts/notifications-inbox-phone.png", full_page=True)
    assert phone.locator(".n-unread").count() == 3
    with phone.expect_navigation():
        phone.locator(".n-open").first.click()
    assert phone.url.endswith("/handbook/")
    phone.goto("/notifications/my/")
    assert phone.locator(".n-unread").count() == 2
    with phone.expect_navigation():
        phone.click("text=Đánh dấu đã đọc tất cả")
    assert phone.locator(".n-unread").count() == 0
    phone.screenshot(path="test-artifacts/notifications-inbox-read-phone.png", full_page=True)
