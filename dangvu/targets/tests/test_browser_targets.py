"""End to end: the committee's dashboard and the targets of a term, with a target entered by hand."""

import pytest
from django.utils import timezone

from conftest import log_in
from dangvu.targets.services import term_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_adds_a_target_enters_an_actual_by_hand_and_sees_it_on_the_dashboard(page, personas, screenshot):
    year = timezone.localdate().year
    term = term_create(
        organization=personas.committee, start_year=year - 2, end_year=year + 3, resolution="NQ ĐH", by=None
    )
    log_in(page, "staff", "pw-staff")
    page.goto(f"/targets/{term.pk}/")
    page.click("a.button >> text=Thêm chỉ tiêu")
    page.fill("input[name=number]", "1")
    page.fill("textarea[name=content]", "Kết nạp đảng viên mới")
    page.fill("input[name=unit]", "đảng viên")
    page.select_option("select[name=indicator_code]", "members.admitted")
    page.select_option("select[name=aggregation]", "sum")
    page.fill("input[name=resolution]", "10")
    page.click("main button[type=submit]")
    page.wait_for_selector("table.targets >> text=Kết nạp đảng viên mới")

    page.click("table.targets >> text=nhập số thực hiện")
    page.fill(f"input[name=year_{year - 2}]", "4")
    page.fill("input[name=source]", "Báo cáo tổng kết năm")
    page.click("main button[type=submit]")
    page.wait_for_selector("td.manual")
    screenshot("term-targets")

    page.goto("/dashboard/")
    page.wait_for_selector("#chart-members")
    assert "Kết nạp đảng viên mới" in page.inner_text("table.targets")
    assert "đảng viên dự bị" in page.inner_text(".kpis").lower() or "Đảng viên dự bị" in page.inner_text(".kpis")
    screenshot("dashboard")
