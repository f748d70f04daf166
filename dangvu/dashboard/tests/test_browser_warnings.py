"""A dashboard warning opens the member list filtered to exactly the rows it counts (1366×768 and 390×844)."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import fits_phone, log_in
from dangvu.members.tests.factories import admit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def due(personas):
    today = timezone.localdate()
    ceremony = today.replace(year=today.year - 1) + dt.timedelta(days=10)
    admit(
        personas.cell_a1, full_name="Lê Văn Sắp", full=False, on=ceremony - dt.timedelta(days=10), ceremony_on=ceremony
    )
    admit(personas.cell_a2, full_name="Lê Văn Trễ", full=False, on=today.replace(year=today.year - 2))


def open_warning(page, words: str) -> str:
    page.goto("/dashboard/")
    with page.expect_navigation():
        page.locator("#alerts a", has_text=words).click()
    page.wait_for_selector("#results")
    return page.inner_text("#results")


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["1366", "390"])
def test_each_warning_opens_the_list_of_exactly_its_members(page, personas, due, screenshot, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, "staff", "pw-staff")
    page.goto("/dashboard/")
    alerts = page.inner_text("#alerts")
    assert "hết thời gian dự bị" in alerts
    screenshot(f"dashboard-warnings-{size[0]}")
    assert fits_phone(page) or size[0] > 390

    overdue = open_warning(page, "quá hạn 30 ngày")
    assert "Lê Văn Trễ" in overdue and "Lê Văn Sắp" not in overdue
    assert "full_overdue=on" in page.url
    screenshot(f"dashboard-warning-overdue-{size[0]}")

    ending = open_warning(page, "hết thời gian dự bị")
    assert "Lê Văn Sắp" in ending and "Lê Văn Trễ" not in ending
    assert "probation_ending=on" in page.url
