"""End to end in headless Chromium: upload the register, read the check report, fix the file, import it."""

import pytest

from conftest import log_in
from dangvu.exchange.tests.files import member_row, xlsx_bytes
from dangvu.members.models import Member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_imports_members_after_correcting_a_bad_row(page, personas, screenshot, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    bad = tmp_path / "dang-vien.xlsx"
    rows = [member_row(), member_row(full_name="Phan Thị Sai", sex="Nữ", national_id="001190000444")]
    rows[1]["date_of_birth"] = "31/02/1990"
    bad.write_bytes(xlsx_bytes(rows))
    log_in(page, "sec_a", "pw-sec_a")
    page.click("nav.mainnav >> text=Công tác đảng")  # the import screen is on the party-work page
    page.click("main a[href='/exchange/']")
    screenshot("import-start")
    page.set_input_files("input[name=file]", str(bad))
    page.click("main button[type=submit]")
    page.wait_for_selector("#job-status .errors")
    report = page.inner_text("#job-status")
    assert "Ngày 31/02/1990 không có thật." in report and "1 dòng có lỗi" in report
    screenshot("import-report-with-errors")
    assert Member.objects.count() == 3  # the personas' members only

    rows[1]["date_of_birth"] = "28/02/1990"
    good = tmp_path / "dang-vien-da-sua.xlsx"
    good.write_bytes(xlsx_bytes(rows))
    page.goto("/exchange/")
    page.set_input_files("input[name=file]", str(good))
    page.click("main button[type=submit]")
    page.wait_for_selector("#job-status form")
    assert "Tất cả các dòng đều hợp lệ" in page.inner_text("#job-status")
    screenshot("import-report-clean")
    page.click("#job-status button[type=submit]")
    page.wait_for_selector("text=Đã nhập xong tệp.")
    screenshot("import-done")
    assert Member.objects.filter(national_id__in=["001090000111", "001190000444"]).count() == 2
