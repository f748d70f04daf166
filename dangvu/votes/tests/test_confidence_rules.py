"""The rules of QĐ 96-QĐ/TW, table-driven, at their edges: the quorum, the two thresholds, who is voted on."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.votes import confidence
from dangvu.votes.models import Outcome, PollKind, PollOption
from dangvu.votes.tests.confidence_builders import HELD_ON, appoint, committee_of


@pytest.mark.parametrize(
    ("present", "convened", "valid"),
    [
        (20, 30, True),  # exactly 2/3
        (19, 30, False),  # one short
        (2, 3, True),
        (1, 3, False),
        (7, 10, True),
        (6, 10, False),  # 60 %
        (14, 21, True),
        (13, 21, False),
        (30, 30, True),
        (0, 0, False),  # nobody convened
    ],
)
def test_the_conference_is_valid_with_two_thirds_of_those_convened_present(present, convened, valid):
    assert confidence.quorum_met(present, convened) is valid


@pytest.mark.parametrize(
    ("low", "base", "expected"),
    [
        (0, 30, Outcome.KEPT),
        (15, 30, Outcome.KEPT),  # exactly half is not more than half
        (16, 30, Outcome.OVER_HALF_LOW),  # more than half
        (19, 30, Outcome.OVER_HALF_LOW),  # just under 2/3
        (20, 30, Outcome.TWO_THIRDS_LOW),  # exactly 2/3
        (30, 30, Outcome.TWO_THIRDS_LOW),
        (5, 10, Outcome.KEPT),
        (6, 10, Outcome.OVER_HALF_LOW),
        (7, 10, Outcome.TWO_THIRDS_LOW),  # 70 % ≥ 2/3
        (1, 3, Outcome.KEPT),
        (2, 3, Outcome.TWO_THIRDS_LOW),  # 2/3 exactly, also "more than half"
        (14, 21, Outcome.TWO_THIRDS_LOW),
        (13, 21, Outcome.OVER_HALF_LOW),
        (11, 21, Outcome.OVER_HALF_LOW),
        (10, 21, Outcome.KEPT),
        (0, 0, Outcome.KEPT),  # no base: no consequence
    ],
)
def test_the_outcome_follows_the_thresholds_at_their_edges(low, base, expected):
    assert confidence.outcome(low, base) == expected


@pytest.mark.parametrize(
    ("day", "rule"),
    [
        (dt.date(2023, 2, 1), "QĐ 262-QĐ/TW (2014)"),
        (dt.date(2023, 2, 2), "QĐ 96-QĐ/TW (2023)"),
        (dt.date(2026, 5, 1), "QĐ 96-QĐ/TW (2023)"),
    ],
)
def test_the_rule_version_is_the_one_in_force_on_the_day_of_the_vote(day, rule):
    assert confidence.rules_on(day).name == rule


@pytest.mark.parametrize(
    ("setting", "expected"),
    [(None, 28), ("collected", 28), ("valid", 27), ("convened", 30), ("present", 29), ("nonsense", 28)],
)
def test_the_denominator_of_the_thresholds_is_configurable(settings, setting, expected):
    from dangvu.votes.models import Poll

    if setting is not None:
        settings.VOTES_CONFIDENCE_THRESHOLD_BASE = setting
    poll = Poll(convened=30, present=29, ballots_issued=29, ballots_collected=28, ballots_valid=27, ballots_invalid=1)
    assert confidence.threshold_base(poll) == expected


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [(1, 3, "33.33"), (2, 3, "66.67"), (1, 8, "12.50"), (0, 28, "0.00"), (5, 0, None), (None, 10, None)],
)
def test_each_level_is_a_share_rounded_half_up(count, total, expected):
    value = confidence.share(count, total)
    assert (None if value is None else str(value)) == expected


# --- Who is voted on ---------------------------------------------------------------------------------


@pytest.fixture
def committee(personas):
    return committee_of(personas.org_a, personas.cell_a1)


def _people(personas, **kwargs):
    return {p.name: p for p in confidence.people_to_vote_on(organization=personas.org_a, on=HELD_ON, **kwargs)}


def test_holders_of_committee_posts_are_voted_on_each_once_with_their_posts(personas, committee):
    secretary = committee[0]
    appoint(personas.org_a, secretary, "standing")
    people = _people(personas)
    assert set(people) == {m.full_name for m in committee}
    assert people[secretary.full_name].post == "Bí thư, Ủy viên Ban Thường vụ"
    assert not any(p.excluded for p in people.values())
    assert list(people)[0] == secretary.full_name  # the secretary first


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("retired", "notified of retirement"),
        ("listed_retiring", "notified of retirement"),
        ("appointed_this_year", "appointed or elected in the year"),
        ("voted_at_two_places", "already voted on at 2 places"),
    ],
)
def test_the_rule_leaves_out(personas, committee, case, reason, settings):
    settings.LANGUAGE_CODE = "en"
    person = committee[3]
    kwargs = {}
    if case == "retired":
        type(person).objects.filter(pk=person.pk).update(retired=True)
    elif case == "listed_retiring":
        kwargs["retiring"] = [person.pk]
    elif case == "appointed_this_year":
        appoint(personas.org_a, person, "standing", on=dt.date(2025, 3, 1))
    else:
        from dangvu.votes.models import Poll

        for org in (personas.cell_a1, personas.cell_a2):
            poll = Poll.objects.create(kind=PollKind.CONFIDENCE, organization=org, title="x", rule="r", held_on=HELD_ON)
            PollOption.objects.create(poll=poll, member=person, name=person.full_name)
    from django.utils import translation

    with translation.override("en"):
        people = _people(personas, **kwargs)
    assert people[person.full_name].excluded.startswith(reason)
    assert [p for p in people.values() if p.excluded] == [people[person.full_name]]


def test_a_person_voted_on_at_one_other_place_is_still_voted_on(personas, committee):
    from dangvu.votes.models import Poll

    person = committee[2]
    poll = Poll.objects.create(
        kind=PollKind.CONFIDENCE, organization=personas.cell_a1, title="x", rule="r", held_on=HELD_ON
    )
    PollOption.objects.create(poll=poll, member=person, name=person.full_name)
    assert not _people(personas)[person.full_name].excluded


def test_an_ended_post_or_one_decided_after_the_vote_is_not_voted_on(personas, committee):
    from dangvu.cadres.models import CommitteeAppointment

    CommitteeAppointment.objects.filter(member=committee[3]).update(ended_on=dt.date(2025, 11, 1))
    CommitteeAppointment.objects.filter(member=committee[2]).update(decided_on=dt.date(2025, 12, 11))
    assert set(_people(personas)) == {committee[0].full_name, committee[1].full_name}


def test_a_round_is_refused_when_nobody_is_to_be_voted_on(personas):
    with pytest.raises(ValidationError):
        confidence.create_round(
            organization=personas.org_a, held_on=HELD_ON, conference="Hội nghị", user=personas.secretary_a
        )
