"""End to end in headless Chromium: the tree, an organization page, a rename, the tree as of a past date."""

import pytest

from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_renames_a_cell_and_the_past_tree_keeps_the_old_name(page, personas, screenshot):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/organizations/")
    assert "Chi bộ Sở Tư pháp" not in page.inner_text(".org-tree")  # organization B is not theirs
    page.click(".org-tree >> text=Chi bộ Thanh tra")
    page.click("a.button >> text=Đổi tên")
    page.fill("input[name=name]", "Chi bộ Thanh tra - Pháp chế")
    page.fill("input[name=on]", "01/07/2025")
    page.fill("input[name=document_no]", "15-QĐ/ĐU")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1 >> text=Chi bộ Thanh tra - Pháp chế")
    history = page.inner_text("main")
    assert "Chi bộ Thanh tra → Chi bộ Thanh tra - Pháp chế" in history
    screenshot("organization-renamed")

    page.goto("/organizations/?on=30/06/2025")
    assert "Chi bộ Thanh tra" in page.inner_text(".org-tree")
    assert "Pháp chế" not in page.inner_text(".org-tree")
    screenshot("tree-as-of")


def test_the_member_list_works_on_a_phone(browser, live_server, personas):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    log_in(page, "staff", "pw-staff")
    page.goto("/members/")
    page.fill("input[name=q]", "tran thi")
    page.wait_for_selector("table.members >> text=Nguyễn Văn An", state="detached")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    import os

    from conftest import ARTIFACTS

    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, "member-list-phone.png"), full_page=True)
    context.close()
