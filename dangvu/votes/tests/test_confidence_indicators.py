"""Confidence-vote indicators: units that held votes over units that should ("Có 42/46 đơn vị thực hiện"), and the
people voted on by outcome; and the demo round."""

import datetime as dt
import random

import pytest

from dangvu.indicators.registry import compute
from dangvu.votes import confidence
from dangvu.votes.indicators import units_sentence
from dangvu.votes.models import Outcome, Poll, PollOption
from dangvu.votes.tests.confidence_builders import HELD_ON, appoint, committee_of, rounds_in_every_state

pytestmark = pytest.mark.django_db
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
CODES = [
    "votes.confidence_units_held",
    "votes.confidence_units_due",
    "votes.confidence_units_held_pct",
    "votes.confidence_people",
    "votes.confidence_people_kept",
    "votes.confidence_people_over_half_low",
    "votes.confidence_people_two_thirds_low",
]


def test_units_that_held_votes_are_counted_over_units_whose_posts_are_held(personas):
    committee_of(personas.org_a, personas.cell_a1)
    appoint(personas.org_b, personas.member_b, "executive")
    rounds = rounds_in_every_state(personas.org_a, None)
    counted = [rounds["finished"], rounds["published"]]
    PollOption.objects.filter(pk=counted[0].options.first().pk).update(outcome=Outcome.OVER_HALF_LOW)
    PollOption.objects.filter(pk=counted[1].options.first().pk).update(outcome=Outcome.TWO_THIRDS_LOW)
    v = compute(organization=personas.committee, start=YEAR[0], end=YEAR[1], codes=CODES)
    assert (v["votes.confidence_units_held"], v["votes.confidence_units_due"]) == (1, 2)
    assert str(v["votes.confidence_units_held_pct"]) == "50.00"
    assert units_sentence(v["votes.confidence_units_held"], v["votes.confidence_units_due"]) == (
        "Có 1/2 đơn vị thực hiện"
    )
    assert v["votes.confidence_people"] == 8  # four people in each of the two counted rounds
    assert (
        v["votes.confidence_people_kept"],
        v["votes.confidence_people_over_half_low"],
        v["votes.confidence_people_two_thirds_low"],
    ) == (6, 1, 1)
    of_b = compute(organization=personas.org_b, start=YEAR[0], end=YEAR[1], codes=CODES)
    assert (
        of_b["votes.confidence_units_held"],
        of_b["votes.confidence_units_due"],
        of_b["votes.confidence_people"],
    ) == (
        0,
        1,
        0,
    )
    before = compute(organization=personas.committee, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), codes=CODES)
    assert before["votes.confidence_units_held"] == 0 and before["votes.confidence_units_due"] == 2


def test_the_demo_round_is_counted_with_tallies_that_hold(personas):
    from dangvu.demo.seed import DemoContext
    from dangvu.votes.demo_confidence import seed_confidence
    from dangvu.votes.tally import poll_problems

    committee_of(personas.org_a, personas.cell_a1)
    counts = seed_confidence(
        DemoContext(size="small", rng=random.Random(3), until=dt.date(2026, 11, 30), log=lambda line: None)
    )
    assert counts["Poll (confidence)"] == 1
    poll = Poll.objects.get()
    assert poll.state in ("finished", "published") and poll.held_on.year == 2025
    assert poll_problems(poll) == []
    assert confidence.quorum_met(poll.present, poll.convened)
    for option in poll.options.all():
        assert option.high + option.confident + option.low <= poll.ballots_valid
        assert option.outcome == confidence.outcome(option.low, poll.base)
    assert HELD_ON.year == poll.held_on.year
