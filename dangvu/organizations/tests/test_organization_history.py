import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.members.models import Member, Status
from dangvu.members.selectors import count_members_in_subtree
from dangvu.members.tests.factories import admit
from dangvu.organizations.models import Organization, OrganizationEventKind, OrganizationKind
from dangvu.organizations.selectors import organization_tree_with_counts, tree_as_of
from dangvu.organizations.services import (
    organization_dissolve,
    organization_found,
    organization_hand_over,
    organization_merge,
    organization_move,
    organization_rename,
    organization_split,
)
from dangvu.organizations.tests.factories import make_org

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
D = dt.date


def test_the_tree_as_of_a_date_shows_the_names_and_parents_of_that_date(personas):
    organization_rename(organization=personas.org_a, name="Đảng bộ Sở Tài chính (mới)", on=D(2025, 3, 1), by=None)
    before = {
        v.organization.code: (v.name, v.parent and v.parent.code)
        for v in tree_as_of(user=personas.staff, on=D(2024, 12, 31))
    }
    after = {
        v.organization.code: (v.name, v.parent and v.parent.code)
        for v in tree_as_of(user=personas.staff, on=D(2025, 3, 1))
    }
    assert before["A"] == ("Đảng bộ Sở Tài chính", "DUK")
    assert after["A"] == ("Đảng bộ Sở Tài chính (mới)", "DUK")


def test_an_organization_founded_later_is_absent_from_the_earlier_tree(personas):
    new = make_org(personas.org_a, kind=OrganizationKind.CELL, name="Chi bộ Mới", code="A3", on=D(2024, 6, 1))
    codes_before = {v.organization.code for v in tree_as_of(user=personas.staff, on=D(2024, 5, 31))}
    codes_after = {v.organization.code for v in tree_as_of(user=personas.staff, on=D(2024, 6, 1))}
    assert new.code not in codes_before and new.code in codes_after


def test_moving_a_cell_keeps_the_old_parent_in_its_history(personas):
    sub = make_org(
        personas.org_a, kind=OrganizationKind.SUB_COMMITTEE, name="Đảng bộ bộ phận 1", code="A-S1", on=D(2020, 1, 1)
    )
    organization_move(organization=personas.cell_a2, new_parent=sub, on=D(2025, 7, 1), by=None)
    personas.cell_a2.refresh_from_db()
    assert personas.cell_a2.path.startswith(sub.path)
    parents = [(v.parent.code, v.valid_from, v.valid_to) for v in personas.cell_a2.versions.order_by("valid_from")]
    assert parents == [("A", D(1970, 1, 1), D(2025, 7, 1)), ("A-S1", D(2025, 7, 1), None)]


def test_a_cell_cannot_be_placed_directly_under_the_committee(personas):
    with pytest.raises(ValidationError) as error:
        organization_found(
            parent=personas.committee,
            code="X1",
            name="Chi bộ lạ",
            kind=OrganizationKind.CELL,
            on=D(2024, 1, 1),
            by=None,
        )
    assert "kind" in error.value.message_dict


def test_codes_are_unique(personas):
    with pytest.raises(ValidationError) as error:
        organization_found(
            parent=personas.org_a, code="a1", name="Trùng", kind=OrganizationKind.CELL, on=D(2024, 1, 1), by=None
        )
    assert "code" in error.value.message_dict


def test_an_organization_with_members_cannot_be_dissolved(personas):
    with pytest.raises(ValidationError):
        organization_dissolve(organization=personas.cell_a1, on=D(2025, 1, 1), by=None)
    assert Organization.objects.get(pk=personas.cell_a1.pk).ended_on is None


def test_merging_transfers_the_members_and_ends_the_source(personas):
    admit(personas.cell_a2, full_name="Võ Văn Bé")
    on = D(2025, 3, 1)
    organization_merge(source=personas.cell_a2, target=personas.cell_a1, on=on, by=None, document_no="9-QĐ/ĐU")
    personas.cell_a2.refresh_from_db()
    assert personas.cell_a2.ended_on == on
    assert personas.cell_a2.events.filter(kind=OrganizationEventKind.MERGED_INTO).exists()
    moved = Member.objects.get(full_name="Võ Văn Bé")
    assert moved.organization == personas.cell_a1
    # A, A1's cell secretary and the member moved in.
    assert count_members_in_subtree(organization=personas.cell_a1, on=on) == 3
    assert count_members_in_subtree(organization=personas.org_a, on=on) == 3


def test_splitting_founds_a_sibling_and_moves_the_chosen_members(personas):
    other = admit(personas.cell_a1, full_name="Đinh Thị Mai", sex="female")
    new = organization_split(
        source=personas.cell_a1,
        code="A1B",
        name="Chi bộ Văn phòng 2",
        on=D(2025, 5, 1),
        by=None,
        member_ids=[other.pk],
        document_no="3-QĐ/ĐU",
    )
    other.refresh_from_db()
    assert other.organization == new
    assert new.events.get().kind == OrganizationEventKind.SPLIT_FROM
    assert Organization.objects.get_parent(new) == personas.org_a


def test_handing_over_removes_the_organization_and_its_members_from_the_count(personas):
    on = D(2025, 7, 1)
    organization_hand_over(
        organization=personas.org_b,
        external_body="Đảng bộ Khối Dân - Chính - Đảng tỉnh mới",
        on=on,
        by=None,
        document_no="88-QĐ/TU",
    )
    personas.member_b.refresh_from_db()
    assert personas.member_b.status == Status.TRANSFERRED_AWAY
    assert count_members_in_subtree(organization=personas.committee, on=on) == 2  # A and A1's cell secretary
    assert count_members_in_subtree(organization=personas.committee, on=D(2025, 6, 30)) == 3


def test_the_tree_rolls_member_counts_up_each_subtree(personas):
    admit(personas.cell_a2, full_name="Lý Văn Sáu", full=False, on=D(2026, 1, 5))
    rows = {
        r.organization.code: (r.members, r.probationary)
        for r in organization_tree_with_counts(user=personas.staff, on=D(2026, 2, 1))
    }
    assert rows == {"DUK": (4, 1), "A": (3, 1), "A1": (2, 0), "A2": (1, 1), "B": (1, 0)}


def test_a_secretary_sees_only_their_own_subtree(personas):
    rows = organization_tree_with_counts(user=personas.secretary_b, on=D(2026, 2, 1))
    assert [r.organization.code for r in rows] == ["B"]
