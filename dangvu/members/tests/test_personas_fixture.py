import datetime as dt

from dangvu.members.models import Status
from dangvu.members.selectors import count_members_in_subtree


def test_personas_are_members_counted_from_their_events(personas):
    assert personas.member_a.status == Status.FULL
    assert personas.member_a.organization == personas.cell_a1
    # Members A, B and the cell secretary of A1.
    assert count_members_in_subtree(organization=personas.committee, on=dt.date(2026, 1, 1)) == 3
    assert count_members_in_subtree(organization=personas.committee, on=dt.date(2020, 3, 1)) == 0
    assert count_members_in_subtree(organization=personas.committee, on=dt.date(2020, 6, 1), probationary=True) == 3
