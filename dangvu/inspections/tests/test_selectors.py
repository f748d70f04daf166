"""Reads the inspection screens ask for: who "every member of the organizations chosen" names, and where a
discipline decision may be recorded."""

import datetime as dt

import pytest

from dangvu.accounts.models import Role, User
from dangvu.inspections import selectors
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def test_members_of_subjects_are_those_counted_in_the_organizations_or_below_on_the_day(personas):
    later = admit(personas.cell_a2, on=dt.date(2025, 6, 1), full_name="Lê Văn Cường", national_id="001085000013")
    on = dt.date(2025, 1, 1)
    a1 = sorted([personas.member_a.pk, personas.cell_secretary.member_id])  # A and A1's cell secretary
    assert selectors.members_of_subjects(organizations=[personas.org_a], on=on) == a1
    assert selectors.members_of_subjects(organizations=[personas.cell_a2], on=on) == []
    assert selectors.members_of_subjects(organizations=[personas.cell_a2], on=dt.date(2025, 7, 1)) == [later.pk]
    assert selectors.members_of_subjects(organizations=[personas.org_a, personas.org_b], on=dt.date(2025, 7, 1)) == (
        sorted([*a1, personas.member_b.pk, later.pk])
    )


def test_members_of_subjects_are_none_before_their_admission_or_without_organizations(personas):
    assert selectors.members_of_subjects(organizations=[personas.committee], on=dt.date(2019, 12, 31)) == []
    assert selectors.members_of_subjects(organizations=[], on=dt.date(2025, 1, 1)) == []


def test_a_decision_is_recorded_for_a_deciding_body_of_the_users_subtree_never_one_above(personas):
    deciding = selectors.deciding_organizations(user=personas.secretary_a)
    assert set(deciding) == {personas.org_a, personas.cell_a1, personas.cell_a2}
    assert personas.committee in selectors.deciding_organizations(user=personas.staff)
    inspector = User.objects.create_user(username="ubkt", role=Role.INSPECTION_STAFF, organization=personas.committee)
    assert personas.committee in selectors.deciding_organizations(user=inspector)


def test_a_member_account_records_no_decision(personas):
    assert not selectors.deciding_organizations(user=personas.plain_member).exists()
