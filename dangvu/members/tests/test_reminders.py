"""The triggers of a member's record: probation ending, party badge due."""

import datetime as dt

import pytest

from dangvu.members.models import EventKind, Member
from dangvu.members.services import member_event_record
from dangvu.members.tests.factories import admit
from dangvu.notifications.triggers import TRIGGERS

pytestmark = pytest.mark.django_db


def test_probation_ending_is_dated_the_end_of_the_twelve_months(personas):
    member = admit(personas.cell_a1, full_name="Vũ Thị Dự", on=dt.date(2025, 6, 2), full=False)
    end = Member.objects.get(pk=member.pk).probation_ends_on
    assert end == dt.date(2026, 6, 2)
    [occurrence] = list(TRIGGERS["members.probation_ending"].find(end))
    assert (occurrence.on, occurrence.member_id, occurrence.organization_id) == (end, member.pk, personas.cell_a1.pk)
    assert "Vũ Thị Dự" in occurrence.title and "02/06/2026" in occurrence.title
    assert list(TRIGGERS["members.probation_ending"].find(end - dt.timedelta(days=1))) == []
    assert TRIGGERS["members.probation_ending"].still_due(occurrence.key)


def test_probation_ending_is_not_due_once_the_member_is_full(personas):
    member = admit(personas.cell_a1, full_name="Vũ Thị Dự", on=dt.date(2025, 6, 2), full=False)
    [occurrence] = list(TRIGGERS["members.probation_ending"].find(dt.date(2026, 6, 2)))
    member_event_record(member=member, kind=EventKind.MADE_FULL, by=None, on=dt.date(2026, 6, 5), document_no="5")
    assert not TRIGGERS["members.probation_ending"].still_due(occurrence.key)


def test_badge_due_is_dated_the_milestone_and_stops_when_awarded(personas):
    member = Member.objects.get(pk=personas.member_a.pk)
    Member.objects.filter(pk=member.pk).update(next_badge_on=dt.date(2027, 3, 2), next_badge_years=30)
    [occurrence] = list(TRIGGERS["members.badge_due"].find(dt.date(2027, 3, 2)))
    assert (occurrence.on, occurrence.member_id) == (dt.date(2027, 3, 2), member.pk)
    assert "30" in occurrence.title
    assert TRIGGERS["members.badge_due"].still_due(occurrence.key)
    Member.objects.filter(pk=member.pk).update(next_badge_on=dt.date(2037, 3, 2), next_badge_years=40)
    assert not TRIGGERS["members.badge_due"].still_due(occurrence.key)


def test_members_who_left_have_no_badge_due(personas):
    Member.objects.filter(pk=personas.member_a.pk).update(
        next_badge_on=dt.date(2027, 3, 2), next_badge_years=30, status="removed"
    )
    assert list(TRIGGERS["members.badge_due"].find(dt.date(2027, 3, 2))) == []
