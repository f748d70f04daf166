"""The congress indicators: held, due (from the last congress), due and held, approved, the people elected."""

import datetime as dt

import pytest

from dangvu.indicators.registry import compute
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.tests.factories import make_org
from dangvu.votes import elections
from dangvu.votes.models import Congress, CongressState
from dangvu.votes.tests.congress_factories import congress_of, election, organization_with_members

pytestmark = pytest.mark.django_db
D = dt.date
CODES = [
    "votes.congresses_held",
    "votes.congresses_due",
    "votes.congresses_due_held",
    "votes.congresses_approved",
    "votes.congress_elected",
]


def test_congresses_due_and_held_count_from_the_last_congress_of_each_organization():
    top, org, members = organization_with_members(6)
    old = congress_of(org, opens_on=D(2020, 6, 1), term="2020-2025")
    Congress.objects.filter(pk=old.pk).update(state=CongressState.APPROVED)
    late = make_org(top, kind=OrganizationKind.BASE_CELL, name="Chi bộ chậm", code="LATE")
    Congress.objects.filter(pk=congress_of(late, opens_on=D(2020, 9, 1), term="2020-2025").pk).update(
        state=CongressState.HELD
    )
    new = congress_of(org)
    poll = election(new, members, seats=3, candidates=3)
    options = list(poll.options.all())
    elections.enter_totals(
        by=None,
        poll=poll,
        ballots_issued=6,
        ballots_collected=6,
        ballots_valid=6,
        ballots_invalid=0,
        votes={o.pk: v for o, v in zip(options, (6, 5, 3), strict=True)},
    )
    poll.refresh_from_db()
    elections.finish(by=None, poll=poll)
    elections.publish(by=None, poll=poll)
    values = compute(organization=top, start=D(2025, 1, 1), end=D(2025, 12, 31), codes=CODES)
    assert values == {
        "votes.congresses_held": 1,
        "votes.congresses_due": 2,
        "votes.congresses_due_held": 1,
        "votes.congresses_approved": 0,
        "votes.congress_elected": 2,  # 3 of 6 is not more than half
    }
    assert compute(organization=top, start=D(2024, 1, 1), end=D(2024, 12, 31), codes=CODES)["votes.congresses_due"] == 0
