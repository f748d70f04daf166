"""The tree as it stood on a day (the tree page and its export): names then, parent codes, counts, few queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dangvu.members.tests.factories import admit
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.selectors import organization_tree
from dangvu.organizations.services import organization_rename
from dangvu.organizations.tests.factories import make_org

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_tree_of_today_gives_each_organization_its_name_parent_code_and_counts(personas):
    rows = organization_tree(user=personas.secretary_a, on=timezone.localdate())
    assert [(r.organization.code, r.name, r.parent_code, r.depth, r.members) for r in rows] == [
        ("A", "Đảng bộ Sở Tài chính", "DUK", 0, 2),  # the parent above the secretary's subtree is named too
        ("A1", "Chi bộ Văn phòng", "A", 1, 2),  # member A and the cell's secretary
        ("A2", "Chi bộ Thanh tra", "A", 1, 0),
    ]
    assert organization_tree(user=personas.staff, on=timezone.localdate())[0].parent_code == ""


def test_the_tree_of_a_past_day_keeps_what_existed_then_under_the_names_of_then(personas):
    organization_rename(organization=personas.org_a, name="Đảng bộ Sở Tài chính (mới)", on=D(2025, 3, 1), by=None)
    make_org(personas.org_a, kind=OrganizationKind.CELL, name="Chi bộ Mới", code="A3", on=D(2025, 6, 1))
    rows = {
        r.organization.code: (r.name, r.parent_code) for r in organization_tree(user=personas.staff, on=D(2025, 1, 1))
    }
    assert rows["A"] == ("Đảng bộ Sở Tài chính", "DUK")
    assert "A3" not in rows
    assert organization_tree(user=personas.staff, on=D(1960, 1, 1)) == []


@pytest.mark.parametrize("on", [None, D(2025, 1, 1)])
def test_the_tree_takes_the_same_number_of_queries_whatever_its_size(personas, on):
    day = on or timezone.localdate()
    counts = []
    for extra in (0, 12):
        for i in range(extra):
            cell = make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ {i}")
            admit(cell, full_name=f"Lê Văn Thêm{i}")
        with CaptureQueriesContext(connection) as captured:
            rows = organization_tree(user=personas.secretary_a, on=day)
        counts.append(len(captured.captured_queries))
        assert len(rows) == 3 + extra
    assert counts[0] == counts[1] <= 4


def test_the_organization_export_takes_the_same_number_of_queries_whatever_the_tree_size(client, personas):
    client.force_login(personas.secretary_a)
    counts = []
    for extra in (0, 12):
        for i in range(extra):
            make_org(personas.org_a, kind=OrganizationKind.CELL, name=f"Chi bộ {i}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("exchange:export_organizations"), {"format": "csv", "on": "01/01/2025"})
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
