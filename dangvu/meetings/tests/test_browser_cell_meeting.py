"""End to end on a 390-pixel phone: a cell secretary sends a notice, a member excuses an absence, the secretary
takes the attendance with one tap a member, writes the minutes (a speaker, a vote, a conclusion), rates the
meeting and downloads the minutes as DOCX."""

import pytest
from django.utils import timezone

from conftest import fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page, name):
    import os

    from conftest import ARTIFACTS

    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)


def _ensure_a_scoring_sheet():
    """The default sheet comes from a data migration, which an earlier transactional test's flush removes."""
    import datetime as dt
    from decimal import Decimal

    from dangvu.meetings.models import ScoringCriterion, ScoringSheet

    if ScoringSheet.objects.exists():
        return
    sheet = ScoringSheet.objects.create(name="Phiếu chấm điểm", valid_from=dt.date(2018, 7, 6))
    for order, text in enumerate(("Chuẩn bị", "Tỷ lệ dự họp", "Nội dung", "Biên bản"), 1):
        ScoringCriterion.objects.create(sheet=sheet, order=order, text=text, max_points=Decimal("25"))


def test_a_cell_secretary_holds_a_meeting_from_notice_to_minutes_on_a_phone(phone, personas):
    from dangvu.members.tests.factories import admit

    admit(personas.cell_a1, full_name="Phạm Thị Dung")
    _ensure_a_scoring_sheet()
    page = phone
    cell = personas.cell_a1.pk
    today = timezone.localdate()

    # The secretary announces today's meeting (sent on the day: flagged late, HD 42).
    log_in(page, "cell_sec_a1", "pw-cell_sec_a1")
    page.goto(f"/meetings/cell/{cell}/")
    page.click("text=Thông báo mới")
    page.fill("input[name=held_on]", today.strftime("%d/%m/%Y"))
    page.fill("input[name=starts_at]", "23:59")
    page.fill("input[name=place]", "Hội trường cơ quan")
    page.fill("input[name=item_1]", "Đánh giá nhiệm vụ tháng")
    page.fill("input[name=item_2]", "Kết nạp đảng viên mới")
    page.check("input[name=voted_2]")
    assert fits_phone(page)
    _shot(page, "cell-notice-form-phone")
    page.click("main button[type=submit]")
    page.click("#send-notice")
    assert "Đã gửi" in page.inner_text("main")
    assert fits_phone(page)
    _shot(page, "cell-notice-sent-phone")

    # The member sees the notice and cannot attend.
    page.context.clear_cookies()
    log_in(page, "member_a", "pw-member_a")
    page.goto("/meetings/my/next/")
    assert "Hội trường cơ quan" in page.inner_text("main") and today.strftime("%d/%m/%Y") in page.inner_text("main")
    page.fill("input[name=reason]", "Đi công tác Hà Nội")
    page.click("button[value=give]")
    assert "Đi công tác Hà Nội" in page.inner_text("#my-excuse")
    assert fits_phone(page)
    _shot(page, "member-next-meeting-phone")

    # On the day: the secretary starts the meeting and takes the attendance.
    page.context.clear_cookies()
    log_in(page, "cell_sec_a1", "pw-cell_sec_a1")
    page.goto(f"/meetings/cell/{cell}/")
    page.click("#notices a")
    page.click("#start-meeting")
    row = page.locator(f"#att-{personas.member_a.pk}")
    assert "Đi công tác Hà Nội" in row.inner_text()
    assert row.locator("button[data-status=excused]").get_attribute("aria-pressed") == "true"
    dung = page.locator(".m-att", has_text="Phạm Thị Dung")
    dung.locator("button[data-status=unexcused]").click()
    page.locator("#att-count", has_text="1/3").wait_for()
    assert (
        page.locator(".m-att", has_text="Phạm Thị Dung")
        .locator("button[data-status=unexcused]")
        .get_attribute("aria-pressed")
        == "true"
    )
    page.fill("input[name=started_at]", "14:00")
    page.fill("input[name=ended_at]", "15:00")
    page.click("text=Lưu thời gian")
    assert "60" in page.inner_text("#duration-warning")
    assert fits_phone(page)
    _shot(page, "cell-attendance-sheet-phone")

    # The minutes: a speaker, a vote, a conclusion, read back.
    page.click("main a.p-button:has-text('Biên bản')")
    item = page.locator(".m-item").nth(1)
    item.locator("summary", has_text="Thêm ý kiến phát biểu").click()
    item.locator("input[name=speaker]").fill("Nguyễn Văn An")
    item.locator("textarea[name=summary]").fill("Đồng ý kết nạp quần chúng Lý Văn Mới.")
    item.locator("button:has-text('Thêm')").first.click()
    item = page.locator(".m-item").nth(1)
    item.locator("summary", has_text="Thêm biểu quyết").click()
    item.locator("input[name=votes_for]").fill("1")
    item.locator("form:has(input[name=votes_for]) button").click()
    item = page.locator(".m-item").nth(1)
    item.locator("textarea[name=conclusion]").fill("Chi bộ đề nghị kết nạp quần chúng Lý Văn Mới.")
    item.locator("button:has-text('Lưu kết luận')").click()
    page.fill("input[name=approved_at]", "14:55")
    page.click("#save-minutes")
    text = page.inner_text("main")
    assert "Nguyễn Văn An (Đi công tác Hà Nội)" in text and "Đồng ý kết nạp" in text and "Thông qua" in text
    assert fits_phone(page)
    _shot(page, "cell-minutes-phone")
    with page.expect_download() as download:
        page.click("#minutes-docx")
    assert download.value.suggested_filename.endswith(".docx")

    # The meeting's self-rating on the province's sheet.
    page.click("main a:has-text('Điểm danh')")
    page.click("main a:has-text('Tự đánh giá')")
    for field in page.locator("main form input[name^=c]:not([type=hidden])").all():
        field.fill("5")
    page.click("#save-rating")
    page.click("main a:has-text('Tự đánh giá')")
    assert "điểm" in page.inner_text("main")
    assert fits_phone(page)
    _shot(page, "cell-self-rating-phone")
