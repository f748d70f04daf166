import datetime as dt

import pytest
from django.urls import reverse

from dangvu.members.selectors import MemberFilters, member_list
from dangvu.members.services import member_update
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def crowd(personas):
    names = ["Nguyễn Văn Đức", "Nguyễn Vân Anh", "Đặng Thị Dung", "Trần Văn Dũng", "Lê Thị Ánh", "Phạm Văn Ân"]
    women = {"Nguyễn Vân Anh", "Đặng Thị Dung", "Lê Thị Ánh"}
    members = {
        name: admit(personas.cell_a1, full_name=name, sex="female" if name in women else "male") for name in names
    }
    return personas, members


def names(user, **filters):
    return [m.full_name for m in member_list(user=user, filters=MemberFilters(**filters))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van", {"Nguyễn Văn Đức", "Nguyễn Vân Anh", "Nguyễn Văn An"}),
        ("NGUYỄN VĂN đức", {"Nguyễn Văn Đức"}),
        ("d", {"Nguyễn Văn Đức", "Đặng Thị Dung", "Trần Văn Dũng"}),
        ("dung", {"Đặng Thị Dung", "Trần Văn Dũng"}),
        ("anh", {"Nguyễn Vân Anh", "Lê Thị Ánh"}),
    ],
)
def test_search_ignores_accents_and_finds_d_with_stroke(crowd, query, expected):
    personas, _ = crowd
    assert set(names(personas.staff, q=query)) == expected


def test_search_finds_a_member_by_card_number_or_national_id(crowd):
    personas, members = crowd
    assert names(personas.staff, q="001085000002") == ["Trần Thị Bình"]


def test_a_whole_number_is_looked_up_through_its_index_and_a_part_of_one_anywhere(crowd):
    personas, members = crowd
    member = members["Lê Thị Ánh"]
    member_update(member=member, by=None, data={"card_number": "10046570", "national_id": "044071044920"})
    whole_card = member_list(user=personas.staff, filters=MemberFilters(q="10046570"))
    assert [m.full_name for m in whole_card] == ["Lê Thị Ánh"]
    assert '"card_number" = ' in str(whole_card.query)  # the unique index, not a scan of the search text
    assert '"national_id" = ' in str(member_list(user=personas.staff, filters=MemberFilters(q="044071044920")).query)
    # Part of a number (here 7 digits from the middle of the national ID) still matches anywhere.
    assert names(personas.staff, q="4407104") == ["Lê Thị Ánh"]
    assert names(personas.staff, q="ánh 10046570") == ["Lê Thị Ánh"]


def test_members_are_listed_in_vietnamese_order_by_given_name(crowd):
    personas, _ = crowd
    assert names(personas.staff) == [
        "Nguyễn Văn An",
        "Nguyễn Vân Anh",
        "Lê Thị Ánh",
        "Phạm Văn Ân",
        "Trần Thị Bình",
        "Lê Thị Cúc",
        "Đặng Thị Dung",
        "Trần Văn Dũng",
        "Nguyễn Văn Đức",
    ]


def test_a_secretary_lists_only_members_of_their_organization(crowd):
    personas, _ = crowd
    assert names(personas.secretary_b) == ["Trần Thị Bình"]
    assert "Trần Thị Bình" not in names(personas.secretary_a)


def test_filters_narrow_the_list(crowd):
    personas, _ = crowd
    admit(personas.cell_a2, full_name="Hồ Văn Mới", full=False, on=D(2026, 1, 5))
    assert names(personas.staff, probationary=True) == ["Hồ Văn Mới"]
    assert names(personas.staff, due_full=True) == []
    assert set(names(personas.staff, sex="female")) == {
        "Nguyễn Vân Anh",
        "Lê Thị Ánh",
        "Đặng Thị Dung",
        "Trần Thị Bình",
        "Lê Thị Cúc",
    }
    assert names(personas.staff, organization=personas.cell_a2) == ["Hồ Văn Mới"]


def test_members_due_for_full_membership_are_flagged(personas, today):
    admit(personas.cell_a1, full_name="Kiều Văn Hạn", full=False, on=D(2025, 11, 10), ceremony_on=D(2025, 11, 20))
    assert names(personas.staff, due_full=True) == ["Kiều Văn Hạn"]


def test_members_due_for_a_badge_are_flagged(personas):
    admit(personas.cell_a1, full_name="Bùi Văn Lão", on=D(1996, 8, 20), date_of_birth=D(1970, 1, 1))
    assert names(personas.staff, due_badge=True) == ["Bùi Văn Lão"]


@pytest.mark.parametrize("page_size", [5, 50])
def test_the_member_list_page_runs_a_constant_number_of_queries(
    client, personas, settings, page_size, django_assert_max_num_queries
):
    settings.PAGE_SIZE = page_size
    for i in range(12):
        admit(personas.cell_a2 if i % 2 else personas.cell_a1, full_name=f"Nguyễn Văn Số{i}")
    client.force_login(personas.staff)
    # session, user, scope organization, filter menu, first page of ids, page rows; when the first page is
    # full: the data version (3) and the count.
    with django_assert_max_num_queries(10 if page_size < 13 else 6):
        response = client.get(reverse("members:list"), {"q": "nguyen"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(page_size, 13)


def test_the_member_list_counts_a_long_result_once_until_the_data_changes(client, personas, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    settings.PAGE_SIZE = 3
    for i in range(5):
        admit(personas.cell_a1, full_name=f"Lê Văn Đếm{i}")
    client.force_login(personas.staff)

    def shown_count():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("members:list"), {"q": "dem", "page": "2"})
        counts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
        return response.context["page"].paginator.count, len(counts)

    assert shown_count() == (5, 1)
    assert shown_count() == (5, 0)  # remembered: paging through the result does not count it again
    admit(personas.cell_a1, full_name="Lê Văn Đếm5")
    assert shown_count() == (6, 1)  # a new member changes the data version, so it is counted again


def test_the_query_count_of_the_member_list_does_not_grow_with_the_page(client, personas, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(30):
        admit(personas.cell_a1, full_name=f"Trần Văn Số{i}")
    client.force_login(personas.staff)
    counts = []
    for page_size in (3, 30):
        settings.PAGE_SIZE = page_size
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("members:list")).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_organization_tree_runs_a_constant_number_of_queries(client, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dangvu.organizations.tests.factories import make_org

    client.force_login(personas.staff)
    counts = []
    for extra in (0, 10):
        for i in range(extra):
            cell = make_org(personas.org_a, kind="cell", name=f"Chi bộ {i}")
            admit(cell, full_name=f"Lê Văn Thêm{i}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("organizations:tree")).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
