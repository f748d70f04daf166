"""The tree page at scale: two levels, the rest on demand (htmx), a search that forgives accents, and each
organization's members a page at a time; counts in one grouped query, query counts fixed whatever the size."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dangvu.members.tests.factories import admit
from dangvu.organizations import selectors
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.services import organization_rename
from dangvu.organizations.tests.factories import make_org

pytestmark = pytest.mark.django_db
D = dt.date
HTMX = {"HTTP_HX_REQUEST": "true"}


def _codes(nodes):
    return [(n.organization.code, [c.organization.code for c in n.children]) for n in nodes]


def test_the_tree_opens_with_the_users_organization_and_the_level_under_it(personas):
    nodes = selectors.tree_top(user=personas.staff, on=timezone.localdate())
    assert _codes(nodes) == [("DUK", ["A", "B"])]
    a, b = nodes[0].children
    assert (nodes[0].members, a.members, b.members) == (3, 2, 1)  # counts roll up the subtree
    assert a.children == [] and a.has_children  # the cells under A wait until A is opened
    assert _codes(selectors.tree_top(user=personas.secretary_a, on=timezone.localdate())) == [("A", ["A1", "A2"])]


def test_the_tree_page_lists_no_deeper_than_two_levels(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("organizations:tree"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đảng bộ Sở Tài chính" in html and "Chi bộ Sở Tư pháp" in html
    assert "Chi bộ Văn phòng" not in html  # a third level is fetched when its parent is opened
    assert reverse("organizations:tree_children", kwargs={"pk": personas.org_a.pk}) in html
    assert reverse("organizations:tree_members", kwargs={"pk": personas.org_b.pk}) in html


def test_opening_a_node_fetches_its_children_with_their_counts(client, personas):
    client.force_login(personas.secretary_a)
    response = client.get(reverse("organizations:tree_children", kwargs={"pk": personas.org_a.pk}), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.index("Chi bộ Văn phòng") < html.index("Chi bộ Thanh tra")
    assert "2 đảng viên" in html and "0 đảng viên" in html


def test_without_javascript_the_children_and_members_are_pages_of_their_own(client, personas):
    client.force_login(personas.secretary_a)
    children = client.get(reverse("organizations:tree_children", kwargs={"pk": personas.org_a.pk}))
    members = client.get(reverse("organizations:tree_members", kwargs={"pk": personas.cell_a1.pk}))
    assert "Các tổ chức trực thuộc Đảng bộ Sở Tài chính" in children.content.decode()
    assert "Đảng viên của Chi bộ Văn phòng" in members.content.decode()
    assert "<html" in members.content.decode()


def test_a_node_of_another_subtree_is_not_found(client, personas):
    client.force_login(personas.secretary_b)
    for name in ("organizations:tree_children", "organizations:tree_members"):
        assert client.get(reverse(name, kwargs={"pk": personas.org_a.pk}), **HTMX).status_code == 404


@pytest.mark.parametrize("on", [None, D(2025, 1, 1)])
def test_opening_a_node_takes_the_same_queries_whatever_the_number_of_children(client, personas, on):
    client.force_login(personas.secretary_a)
    url = reverse("organizations:tree_children", kwargs={"pk": personas.org_a.pk})
    query = {"on": on.strftime("%d/%m/%Y")} if on else {}
    counts = []
    for extra in (0, 15):
        for i in range(extra):
            cell = make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ {i}", on=D(2020, 1, 1))
            admit(cell, full_name=f"Lê Văn Thêm{i}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, query, **HTMX)
        assert response.status_code == 200
        assert response.content.decode().count('class="org-node') == 2 + extra
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    with CaptureQueriesContext(connection) as captured:
        selectors.tree_children(user=personas.secretary_a, organization=personas.org_a, on=on or timezone.localdate())
    # the children, one grouped count of their subtrees' members (and the names of a past day)
    assert len(captured.captured_queries) == (3 if on else 2)


def test_the_tree_page_takes_the_same_queries_whatever_the_size_of_the_tree(client, personas):
    client.force_login(personas.staff)
    counts = []
    for extra in (0, 12):
        for i in range(extra):
            base = make_org(personas.committee, kind=OrganizationKind.BASE_CELL, name=f"Chi bộ cơ sở {i}")
            admit(base, full_name=f"Lê Văn Thêm{i}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("organizations:tree")).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


GIVEN = ("Bảo", "Ánh", "Đức", "Dung", "Anh", "Ân")  # Vietnamese order: Anh, Ánh, Ân, Bảo, Dung, Đức
FAMILIES = ("Trần", "Lê", "Nguyễn", "Phạm", "Võ")


def _many_members(cell, n):
    names = [f"{family} Văn {given}" for given in GIVEN for family in FAMILIES][:n]
    return [admit(cell, full_name=name) for name in names]


def test_a_nodes_members_come_a_page_at_a_time_in_vietnamese_order_with_links(client, personas):
    _many_members(personas.cell_a2, 30)
    client.force_login(personas.secretary_a)
    url = reverse("organizations:tree_members", kwargs={"pk": personas.cell_a2.pk})
    response = client.get(url, **HTMX)
    rows = [spell.member.full_name for spell in response.context["page"]]
    assert len(rows) == 25
    # given name first (Anh < Ánh < Ân < Bảo < Dung < Đức), then middle and family names
    assert [name.split()[-1] for name in rows] == ["Anh"] * 5 + ["Ánh"] * 5 + ["Ân"] * 5 + ["Bảo"] * 5 + ["Dung"] * 5
    assert rows[:5] == ["Lê Văn Anh", "Nguyễn Văn Anh", "Phạm Văn Anh", "Trần Văn Anh", "Võ Văn Anh"]
    first = response.content.decode()
    member = response.context["page"][0].member
    assert f'<a href="{reverse("members:detail", kwargs={"pk": member.pk})}">Lê Văn Anh</a>' in first
    assert "1–25 trong tổng số 30" in first and "page=2" in first
    second = client.get(url, {"page": 2}, **HTMX).content.decode()
    assert second.count("<li>") == 5 and "26–30 trong tổng số 30" in second and "Trần Văn Đức" in second
    assert client.get(url, {"page": "abc"}, **HTMX).status_code == 200


def test_a_committees_members_are_those_of_its_subtree_each_with_its_cell(client, personas):
    client.force_login(personas.secretary_a)
    html = client.get(reverse("organizations:tree_members", kwargs={"pk": personas.org_a.pk}), **HTMX)
    html = html.content.decode()
    assert "Nguyễn Văn An" in html and "Lê Thị Cúc" in html and "Chi bộ Văn phòng" in html
    assert "Trần Thị Bình" not in html  # B's member


def test_a_nodes_members_take_the_same_queries_whatever_their_number(client, personas):
    client.force_login(personas.secretary_a)
    url = reverse("organizations:tree_members", kwargs={"pk": personas.org_a.pk})
    counts = []
    for extra in (0, 20):
        _many_members(personas.cell_a2, extra)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, **HTMX).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    with CaptureQueriesContext(connection) as captured:
        today = timezone.localdate()
        list(selectors.organization_members(user=personas.secretary_a, organization=personas.org_a, on=today)[:25])
    assert len(captured.captured_queries) == 1  # members with their cells, in one query


def test_the_members_of_a_past_day_are_those_counted_then(client, personas):
    admit(personas.cell_a2, full_name="Hồ Văn Mới", on=D(2026, 3, 1), full=False)
    client.force_login(personas.secretary_a)
    url = reverse("organizations:tree_members", kwargs={"pk": personas.cell_a2.pk})
    assert "Hồ Văn Mới" in client.get(url, **HTMX).content.decode()
    assert "Hồ Văn Mới" not in client.get(url, {"on": "01/01/2026"}, **HTMX).content.decode()


def test_the_search_forgives_accents_and_case_and_shows_the_path_above_each_match(personas):
    make_org(personas.org_a, kind=OrganizationKind.CELL, name="Chi bộ Kế toán", code="A3")
    found = selectors.tree_search(user=personas.staff, q="chi bo KE toan", on=timezone.localdate())
    assert found.found == 1
    assert _codes(found.roots) == [("DUK", ["A"])]
    a = found.roots[0].children[0]
    assert [(c.organization.code, c.match) for c in a.children] == [("A3", True)]
    assert not found.roots[0].match and not a.match
    assert a.members == 2  # the ancestors keep their whole counts


def test_the_search_matches_codes_and_stays_in_the_users_subtree(personas):
    assert selectors.tree_search(user=personas.staff, q="a2", on=timezone.localdate()).found == 1
    assert selectors.tree_search(user=personas.secretary_b, q="van phong", on=timezone.localdate()).found == 0
    assert selectors.tree_search(user=personas.secretary_a, q="   ", on=timezone.localdate()).found == 0


def test_a_long_search_shows_the_first_matches_and_says_how_many_there_are(client, personas):
    for i in range(6):
        make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ Phòng số {i}")
    found = selectors.tree_search(user=personas.staff, q="phong so", on=timezone.localdate(), limit=4)
    assert found.found == 6
    assert sum(c.match for c in found.roots[0].children[0].children) == 4


def test_the_search_page_answers_htmx_with_the_results_only(client, personas):
    client.force_login(personas.secretary_a)
    response = client.get(reverse("organizations:tree"), {"q": "thanh tra"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "<mark>Chi bộ Thanh tra</mark>" in html and "Chi bộ Văn phòng" not in html
    assert "Tìm thấy 1 tổ chức" in html
    nothing = client.get(reverse("organizations:tree"), {"q": "không có"}, **HTMX).content.decode()
    assert "Không tìm thấy tổ chức nào phù hợp." in nothing


def test_the_search_takes_the_same_queries_whatever_the_number_of_matches(client, personas):
    client.force_login(personas.staff)
    counts = []
    for extra in (0, 10):
        for i in range(extra):
            cell = make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ Phòng {i}")
            admit(cell, full_name=f"Lê Văn Thêm{i}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("organizations:tree"), {"q": "chi bo"}).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_tree_of_a_past_day_uses_the_names_of_then_in_the_parts_fetched_later(client, personas):
    organization_rename(organization=personas.cell_a1, name="Chi bộ Văn phòng Sở", on=D(2026, 3, 1), by=None)
    client.force_login(personas.secretary_a)
    url = reverse("organizations:tree_children", kwargs={"pk": personas.org_a.pk})
    assert "Chi bộ Văn phòng Sở" in client.get(url, **HTMX).content.decode()
    past = client.get(url, {"on": "01/01/2026"}, **HTMX).content.decode()
    assert "Chi bộ Văn phòng Sở" not in past and "Chi bộ Văn phòng" in past
    page = client.get(reverse("organizations:tree"), {"on": "01/01/2026"}).content.decode()
    members = reverse("organizations:tree_members", kwargs={"pk": personas.cell_a1.pk})
    assert f"{members}?on=01%2F01%2F2026" in page  # the parts fetched later are of the same day


def test_a_bad_day_or_an_overlong_search_still_shows_the_tree_with_a_message(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("organizations:tree"), {"on": "31/02/2026", "q": "x" * 300})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "Đảng bộ Sở Tài chính" in response.content.decode()


def test_the_organization_page_counts_itself_and_its_children_without_reading_the_whole_tree(client, personas):
    client.force_login(personas.staff)
    url = reverse("organizations:detail", kwargs={"pk": personas.org_a.pk})
    counts = []
    for extra in (0, 10):
        for i in range(extra):
            cell = make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ {i}")
            admit(cell, full_name=f"Lê Văn Thêm{i}")
            make_org(personas.committee, kind=OrganizationKind.BASE_CELL, name=f"Chi bộ cơ sở {i}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts.append(len(captured.captured_queries))
        assert response.context["own"].members == 2 + extra
        assert [c.members for c in response.context["children"]][:2] == [2, 0]
        assert len(response.context["children"]) == 2 + extra
    assert counts[0] == counts[1]
    branch = selectors.tree_branch(user=personas.staff, organization=personas.org_a, on=D(1960, 1, 1))
    assert branch is None  # it did not exist then
