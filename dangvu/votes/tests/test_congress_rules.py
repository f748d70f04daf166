"""The rules of a congress election (QĐ 190-QĐ/TW), table by table, with the thresholds at their edges."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.members.models import EventKind, TransferMode
from dangvu.members.services import member_event_record
from dangvu.organizations.models import OrganizationKind
from dangvu.ratings.models import MemberRating, RatingSeason
from dangvu.ratings.rules import NotGradedReason
from dangvu.votes import approval, elections
from dangvu.votes import congress as rules
from dangvu.votes.models import Body, Congress, Exclusion, Nomination, PollState
from dangvu.votes.tally import more_than_half
from dangvu.votes.tests.congress_factories import OPENS, congress_of, election, organization_with_members

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    ("votes", "base", "elected"),
    [(5, 10, False), (6, 10, True), (5, 9, True), (4, 9, False), (0, 0, False), (1, 1, True), (1, 2, False)],
)
def test_more_than_half_of_the_base_is_strict(votes, base, elected):
    assert more_than_half(votes, base) is elected


@pytest.mark.parametrize(
    ("seats", "maximum", "convening_min", "convening_max"),
    [(3, 3, 4, 3), (5, 6, 6, 5), (7, 9, 8, 8), (9, 11, 10, 10), (10, 13, 11, 11), (20, 26, 22, 23)],
)
def test_the_list_may_be_at_most_thirty_percent_longer_than_the_seats(seats, maximum, convening_min, convening_max):
    assert rules.list_limits(seats) == {"max": maximum, "convening_min": convening_min, "convening_max": convening_max}


@pytest.mark.parametrize(
    ("agreeing", "present", "accepted"),
    [(3, 10, False), (4, 10, True), (30, 100, False), (31, 100, True), (0, 0, False), (None, 10, False), (1, 3, True)],
)
def test_a_floor_nomination_needs_more_than_thirty_percent_of_those_present(agreeing, present, accepted):
    assert rules.nomination_accepted(agreeing, present) is accepted


@pytest.mark.parametrize(
    ("kind", "last", "on", "due", "overdue"),
    [
        (OrganizationKind.CELL, D(2025, 5, 20), D(2027, 11, 20), D(2027, 11, 20), False),
        (OrganizationKind.CELL, D(2025, 5, 20), D(2028, 5, 20), D(2027, 11, 20), False),
        (OrganizationKind.CELL, D(2025, 5, 20), D(2028, 5, 21), D(2027, 11, 20), True),
        (OrganizationKind.BASE_CELL, D(2025, 5, 20), D(2030, 11, 20), D(2030, 5, 20), False),
        (OrganizationKind.BASE_CELL, D(2025, 5, 20), D(2030, 11, 21), D(2030, 5, 20), True),
        (OrganizationKind.BASE_PARTY_COMMITTEE, D(2020, 7, 1), D(2025, 7, 1), D(2025, 7, 1), False),
    ],
)
def test_a_cell_is_due_twice_in_five_years_other_organizations_every_five(kind, last, on, due, overdue):
    _, org, _ = organization_with_members(0, kind=kind)
    held = congress_of(org, opens_on=last, term="old")
    Congress.objects.filter(pk=held.pk).update(state="approved")
    state = rules.due_of(org, on=on)
    assert (state.due_on, state.overdue) == (due, overdue)


def test_an_organization_without_a_congress_has_no_due_date():
    _, org, _ = organization_with_members(0)
    assert rules.due_of(org, on=OPENS).due_on is None


def _rate(member, org, reason, year=2025):
    season = RatingSeason.objects.get_or_create(organization=org, year=year, defaults={"opened_on": D(year, 1, 2)})[0]
    MemberRating.objects.create(
        season=season, member=member, organization=org, base_organization=org, not_graded_reason=reason
    )


MARCH, END_OF_YEAR = D(2025, 3, 1), D(2025, 12, 31)


def _transfer_temporarily(member, on=MARCH, until=END_OF_YEAR):
    member_event_record(
        member=member,
        kind=EventKind.TRANSFERRED_OUT,
        on=on,
        transfer_mode=TransferMode.TEMPORARY,
        temporary_until=until,
        external_place="Học viện Chính trị khu vực",
        document_no="05-GGT",
        by=None,
    )


@pytest.mark.parametrize(
    ("case", "attendance", "exclusion", "base"),
    [
        ("none", rules.Attendance.PRESENT, "", 10),
        ("none", rules.Attendance.ABSENT, "", 10),
        ("none", rules.Attendance.ABSENT_WITH_LEAVE, Exclusion.ABSENT_WITH_LEAVE, 9),
        ("transferred", rules.Attendance.PRESENT, Exclusion.TRANSFERRED_OUT, 9),
        ("exempted", rules.Attendance.PRESENT, "", 10),
        ("exempted", rules.Attendance.ABSENT, Exclusion.EXEMPTED_ABSENT, 9),
        ("suspended", rules.Attendance.PRESENT, Exclusion.SUSPENDED, 9),
        ("transfer_ended", rules.Attendance.PRESENT, "", 10),
    ],
)
def test_the_base_of_more_than_half_leaves_out_each_exclusion_by_name(case, attendance, exclusion, base):
    _, org, members = organization_with_members(10)
    someone = members[4]
    if case == "transferred":
        _transfer_temporarily(someone)
    elif case == "transfer_ended":
        _transfer_temporarily(someone, on=D(2024, 11, 1), until=D(2025, 5, 1))
    elif case == "exempted":
        _rate(someone, org, NotGradedReason.EXEMPT, year=2024)
    elif case == "suspended":
        _rate(someone, org, NotGradedReason.SUSPENDED)
    poll = election(congress_of(org), members)
    rules.set_attendance(by=None, poll=poll, member_id=someone.pk, attendance=attendance)
    poll.refresh_from_db()
    row = poll.participations.get(member=someone)
    assert row.excluded == exclusion
    assert (poll.convened, poll.base) == (10, base)
    assert poll.present == (10 if attendance == rules.Attendance.PRESENT else 9)
    named = {r.name: r.label for r in rules.base_rows(poll)}
    assert bool(named[someone.full_name]) is bool(exclusion)


def test_probationary_members_are_not_convened_to_vote():
    _, org, members = organization_with_members(4)
    from dangvu.members.tests.factories import admit

    admit(org, full_name="Mai Văn Tân", national_id="001085099999", on=D(2025, 1, 5), full=False)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    assert poll.convened == 4


def test_the_list_refuses_a_name_beyond_thirty_percent_and_a_floor_nomination_without_support():
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=3, candidates=3)
    with pytest.raises(ValidationError, match="nhiều nhất 3 người|at most 3"):
        rules.candidate_add(by=None, poll=poll, member=members[5])
    poll = election(congress_of(org, term="2025-2030 bis"), members, seats=5, candidates=5)
    with pytest.raises(ValidationError, match="30%"):
        rules.candidate_add(by=None, poll=poll, member=members[6], nominated_by=Nomination.FLOOR, agreeing=3)
    option = rules.candidate_add(by=None, poll=poll, member=members[6], nominated_by=Nomination.FLOOR, agreeing=4)
    assert option.nomination_agreeing == 4


def test_a_candidate_cannot_sit_on_the_counting_committee_and_the_other_way_round():
    _, org, members = organization_with_members(6)
    congress = congress_of(org)
    poll = election(congress, members, seats=2, candidates=2)
    with pytest.raises(ValidationError):
        rules.counter_add(by=None, congress=congress, name="", member=members[0])
    rules.counter_add(by=None, congress=congress, name="", member=members[5])
    with pytest.raises(ValidationError):
        rules.candidate_add(by=None, poll=poll, member=members[5])


def _count(poll, votes, *, issued=10, collected=10, invalid=0):
    options = list(poll.options.order_by("order"))
    by_name = dict(zip([o.name for o in options], [o.pk for o in options], strict=True))
    return elections.enter_totals(
        by=None,
        poll=poll,
        ballots_issued=issued,
        ballots_collected=collected,
        ballots_valid=collected - invalid,
        ballots_invalid=invalid,
        votes={by_name[name]: n for name, n in votes.items()},
    )


@pytest.mark.parametrize(
    ("votes", "elected", "another_round"),
    [
        ({"A": 9, "B": 8, "C": 7, "D": 6, "E": 2}, {"A", "B", "C", "D"}, False),
        ({"A": 9, "B": 8, "C": 7, "D": 6, "E": 6}, {"A", "B", "C"}, True),  # tie at the last seat
        ({"A": 9, "B": 8, "C": 5, "D": 5, "E": 5}, {"A", "B"}, True),  # 5 of 10 is not more than half
        ({"A": 9, "B": 8, "C": 7, "D": 6, "E": 5}, {"A", "B", "C", "D"}, False),
        ({"A": 6, "B": 6, "C": 6, "D": 6, "E": 6}, set(), True),
        ({"A": 10, "B": 10, "C": 10, "D": 10, "E": 0}, {"A", "B", "C", "D"}, False),
    ],
)
def test_the_elected_have_more_than_half_of_the_base_and_a_tie_asks_for_another_round(votes, elected, another_round):
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    letters = dict(zip([o.name for o in poll.options.order_by("order")], "ABCDE", strict=True))
    _count(poll, {name: votes[letter] for name, letter in letters.items()})
    poll.refresh_from_db()
    result = elections.finish(by=None, poll=poll)
    assert {letters[o.name] for o in result.elected} == elected
    assert result.another_round is another_round
    if another_round:
        elections.publish(by=None, poll=poll)
        second = rules.next_round(by=None, poll=poll)
        assert second.seats == 4 - len(elected)
        assert second.options.count() == 5 - len(elected)
        assert (second.base, second.round_number) == (10, 2)


@pytest.mark.parametrize(
    "figures",
    [
        {"issued": 11, "collected": 10},  # more issued than present
        {"issued": 9, "collected": 10},  # more collected than issued
        {"invalid": 11},  # valid and invalid do not add up
    ],
)
def test_a_count_that_does_not_add_up_is_refused(figures):
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    options = list(poll.options.all())
    with pytest.raises(ValidationError):
        elections.enter_totals(
            by=None,
            poll=poll,
            ballots_issued=figures.get("issued", 10),
            ballots_collected=figures.get("collected", 10),
            ballots_valid=10 - figures.get("invalid", 0),
            ballots_invalid=figures.get("invalid", 0),
            votes={o.pk: 1 for o in options},
        )


def test_a_candidate_with_more_votes_than_valid_ballots_is_refused():
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    with pytest.raises(ValidationError):
        _count(poll, {o.name: 9 for o in poll.options.all()}, invalid=2)


def test_a_ballot_with_more_names_than_seats_is_invalid_and_the_totals_follow_the_ballots():
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    rules.start(by=None, poll=poll)
    a, b, c, d, e = [o.pk for o in poll.options.order_by("order")]
    elections.set_ballots_issued(by=None, poll=poll, issued=4)
    elections.enter_ballot(by=None, poll=poll, kept=[a, b, c, d])
    elections.enter_ballot(by=None, poll=poll, kept=[a, b, c, d, e])
    elections.enter_ballot(by=None, poll=poll, kept=[a])
    elections.enter_ballot(by=None, poll=poll, kept=[b], spoiled=True)
    poll.refresh_from_db()
    assert (poll.ballots_collected, poll.ballots_valid, poll.ballots_invalid) == (4, 2, 2)
    assert [o.votes for o in poll.options.order_by("order")] == [2, 1, 1, 1, 0]
    with pytest.raises(ValidationError):
        elections.enter_ballot(by=None, poll=poll, kept=[a])


def test_a_published_result_is_frozen_and_a_reopened_count_keeps_its_reason():
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=4, candidates=5)
    _count(poll, {o.name: n for o, n in zip(poll.options.order_by("order"), (8, 8, 7, 6, 2), strict=True)})
    poll.refresh_from_db()
    elections.finish(by=None, poll=poll)
    elections.reopen(by=None, poll=poll, reason="Nhập nhầm số phiếu")
    assert poll.history.first().history_change_reason == "Nhập nhầm số phiếu"
    elections.finish(by=None, poll=poll)
    elections.publish(by=None, poll=poll)
    with pytest.raises(ValidationError):
        elections.reopen(by=None, poll=poll, reason="x")
    with pytest.raises(ValidationError):
        _count(poll, {o.name: 5 for o in poll.options.all()})


def test_approval_makes_the_elected_dated_committee_appointments_and_ends_the_old_ones():
    from dangvu.cadres.models import CommitteeAppointment

    _, org, members = organization_with_members(10)
    congress = congress_of(org)
    poll = election(congress, members, seats=4, candidates=5)
    secretary = rules.poll_create(by=None, congress=congress, body=Body.SECRETARY, seats=1)
    rules.candidate_add(by=None, poll=secretary, member=members[0])
    _count(poll, dict(zip([o.name for o in poll.options.order_by("order")], (9, 8, 7, 6, 2), strict=True)))
    _count(secretary, {members[0].full_name: 9})
    for each in (poll, secretary):
        each.refresh_from_db()
        elections.finish(by=None, poll=each)
        elections.publish(by=None, poll=each)
    with pytest.raises(ValidationError):
        approval.approve(by=None, congress=congress, approved_on=D(2025, 6, 10), approved_by="ĐUK", document_no="1")
    approval.submit(by=None, congress=congress)
    made = approval.approve(
        by=None, congress=congress, approved_on=D(2025, 6, 10), approved_by="Đảng ủy Khối", document_no="125-QĐ/ĐUK"
    )
    assert len(made) == 5
    rows = CommitteeAppointment.objects.filter(organization=org)
    assert set(rows.values_list("position", flat=True)) == {"executive", "secretary"}
    assert set(rows.values_list("decided_on", "term", "kind")) == {(D(2025, 6, 10), "2025-2030", "approved")}
    congress.refresh_from_db()
    assert congress.state == "approved"
    with pytest.raises(ValidationError):
        rules.poll_create(by=None, congress=congress, body=Body.INSPECTION, seats=3)


def test_the_poll_state_moves_created_started_counted_published():
    _, org, members = organization_with_members(10)
    poll = election(congress_of(org), members, seats=1, candidates=1)
    assert poll.state == PollState.CREATED
    rules.start(by=None, poll=poll)
    assert poll.state == PollState.STARTED


def test_a_delegates_congress_types_in_its_figures_and_is_checked_the_same_way():
    _, org, members = organization_with_members(4)
    congress = rules.congress_save(
        by=None, organization=org, term="2025-2030", opens_on=OPENS, kind="delegates", place="Hội trường"
    )
    poll = election(congress, members, seats=1, candidates=1)
    assert poll.participations.count() == 0
    option = poll.options.get()
    with pytest.raises(ValidationError):
        elections.enter_totals(
            by=None,
            poll=poll,
            ballots_issued=120,
            ballots_collected=120,
            ballots_valid=120,
            ballots_invalid=0,
            votes={option.pk: 100},
            convened=130,
            present=110,
            base=125,
        )
    elections.enter_totals(
        by=None,
        poll=poll,
        ballots_issued=110,
        ballots_collected=110,
        ballots_valid=109,
        ballots_invalid=1,
        votes={option.pk: 63},
        convened=130,
        present=110,
        base=125,
    )
    poll.refresh_from_db()
    assert [o.name for o in elections.finish(by=None, poll=poll).elected] == [option.name]
