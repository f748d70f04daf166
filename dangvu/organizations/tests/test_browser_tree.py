"""End to end in headless Chromium, on a desktop (1366×768) and a phone (390×844): the tree opens two levels
deep, a node opened fetches what is under it, a node's members open on demand and lead to the member's page,
and the search finds an organization typed without accents, under its ancestors."""

import os
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser, live_server):
    phone = request.param == "phone"
    context = browser.new_context(
        viewport=SIZES[request.param], locale="vi-VN", base_url=live_server.url, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield request.param, page
    context.close()


def _screenshot(page, name):
    """The page at its own size (conftest's `screenshot` fixture shoots a page of its own)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)


def _open(page, organization):
    """Open a node by its summary (not its name, which is the link to the organization's page)."""
    page.click(f"#org-{organization.pk} > details > summary .org-kind")


def test_the_tree_opens_on_demand_shows_members_and_finds_without_accents(sized_page, personas):
    size, page = sized_page
    log_in(page, "staff", "pw-staff")
    page.goto("/organizations/")
    tree = page.locator(".org-tree")
    assert "Đảng bộ Sở Tài chính" in tree.inner_text() and "Chi bộ Sở Tư pháp" in tree.inner_text()
    assert page.locator(f"#org-{personas.cell_a1.pk}").count() == 0  # the third level waits
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]

    _open(page, personas.org_a)
    page.wait_for_selector(f"#org-{personas.cell_a1.pk}")
    assert "2 đảng viên" in page.inner_text(f"#org-{personas.cell_a1.pk} > details > summary")
    _open(page, personas.cell_a1)
    page.click(f"#org-{personas.cell_a1.pk} .org-members > summary")
    page.wait_for_selector(f"#org-{personas.cell_a1.pk} .member-rows")
    assert page.inner_text(f"#org-{personas.cell_a1.pk} .member-rows").split("\n") == ["Nguyễn Văn An", "Lê Thị Cúc"]
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    _screenshot(page, f"tree-opened-{size}")

    page.fill("#id_q", "thanh tra")
    page.wait_for_selector(".org-tree mark >> text=Chi bộ Thanh tra")
    assert "Chi bộ Văn phòng" not in page.inner_text(".org-tree")
    page.fill("#id_q", "chi bo van phong")
    page.wait_for_selector(".org-tree mark >> text=Chi bộ Văn phòng")
    assert "Tìm thấy 1 tổ chức" in page.inner_text(".result-count")
    # the search is in the address, so Back and a shared link keep it
    assert parse_qs(urlparse(page.url).query)["q"] == ["chi bo van phong"]
    _screenshot(page, f"tree-search-{size}")

    page.click(".org-tree mark >> text=Chi bộ Văn phòng")
    page.wait_for_selector("h1 >> text=Chi bộ Văn phòng")
    assert page.url.endswith(f"/organizations/{personas.cell_a1.pk}/")


def test_a_members_name_in_the_tree_leads_to_the_member_page(page, personas):
    log_in(page, "sec_a", "pw-sec_a")
    page.goto("/organizations/")
    _open(page, personas.cell_a1)
    page.click(f"#org-{personas.cell_a1.pk} .org-members > summary")
    page.click(f"#org-{personas.cell_a1.pk} .member-rows >> text=Nguyễn Văn An")
    page.wait_for_url(f"**/members/{personas.member_a.pk}/")
    assert "Nguyễn Văn An" in page.inner_text("h1")
