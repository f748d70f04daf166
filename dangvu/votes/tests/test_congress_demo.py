"""The demo's congresses: a share of cells and base organizations held theirs in 2025, with tallies that hold."""

from io import StringIO

import pytest
from django.core.management import call_command

from dangvu.cadres.models import CommitteeAppointment
from dangvu.votes.models import Congress, CongressState, Poll, PollKind
from dangvu.votes.tally import more_than_half, poll_problems

pytestmark = pytest.mark.django_db


def test_the_demo_congresses_have_consistent_tallies_and_approved_results_in_the_registry():
    call_command("seed_demo", "--size", "small", "--seed", "11", stdout=StringIO())
    congresses = Congress.objects.all()
    assert congresses.count() >= 10
    assert {c.term for c in congresses} <= {"2025-2027", "2025-2030"}
    polls = Poll.objects.filter(kind=PollKind.ELECTION).prefetch_related("options", "participations")
    for poll in polls:
        assert poll_problems(poll) == [], poll.title
        assert poll.base == sum(1 for p in poll.participations.all() if not p.excluded)
        for option in poll.options.all():
            assert option.elected == (option.elected and more_than_half(option.votes, poll.base))
        assert sum(1 for o in poll.options.all() if o.elected) <= poll.seats
    approved = congresses.filter(state=CongressState.APPROVED)
    assert approved.exists()
    for congress in approved[:5]:
        assert CommitteeAppointment.objects.filter(
            organization=congress.organization, decided_on=congress.approved_on, term=congress.term
        ).exists()
