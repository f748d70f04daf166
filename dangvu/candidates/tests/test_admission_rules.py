"""Admission pipeline rules, one row per rule with its source (RULES.md §1)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.candidates import rules
from dangvu.candidates.models import Candidate, Stage
from dangvu.candidates.selectors import deadline_warning
from dangvu.candidates.services import (
    candidate_admit,
    candidate_cell_vote,
    candidate_committee_vote,
    candidate_create,
    candidate_decide,
    introducer_add,
)
from dangvu.members.models import EventKind, Member, MemberEvent
from dangvu.members.tests.factories import admit
from dangvu.workcalendar.selectors import add_working_days

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
TODAY = dt.date(2026, 11, 22)


def make(personas, **over) -> Candidate:
    data = {
        "full_name": "Hoàng Văn Ưu",
        "sex": "male",
        "date_of_birth": dt.date(1998, 5, 1),
        "organization": personas.cell_a1,
        "awareness_class_on": dt.date(2026, 3, 1),
        "awareness_certificate_no": "12/GCN",
        "application_on": dt.date(2026, 4, 1),
        "cv_verified_on": dt.date(2026, 5, 4),
    }
    data.update(over)
    return candidate_create(by=None, data=data, today=TODAY)


def with_introducers(personas, candidate, count=2):
    members = [personas.member_a, admit(personas.cell_a1, full_name="Phạm Thị Dung", national_id="001085000009")]
    for member in members[:count]:
        introducer_add(
            candidate=candidate, member=member, known_since=dt.date(2024, 1, 1), letter_on=dt.date(2026, 5, 10), by=None
        )
    return candidate


def through_decision(personas, candidate, cell_on=dt.date(2026, 6, 1)):
    candidate_cell_vote(candidate=candidate, on=cell_on, votes_for=9, voters=12, by=None, today=TODAY)
    candidate_committee_vote(
        candidate=candidate, on=cell_on + dt.timedelta(days=7), votes_for=5, voters=7, by=None, today=TODAY
    )
    return candidate_decide(
        candidate=candidate,
        decision_no="101-QĐ/ĐUK",
        decision_on=cell_on + dt.timedelta(days=30),
        decision_received_on=cell_on + dt.timedelta(days=33),
        by=None,
        today=TODAY,
    )


def test_the_whole_pipeline_creates_the_member_with_the_admitted_event(personas):
    candidate = through_decision(personas, with_introducers(personas, make(personas)))
    member = candidate_admit(candidate=candidate, ceremony_on=dt.date(2026, 7, 20), by=None, today=TODAY)
    candidate.refresh_from_db()
    assert candidate.stage == Stage.ADMITTED and candidate.member == member
    event = MemberEvent.objects.get(member=member, kind=EventKind.ADMITTED)
    assert (event.on, event.cell_resolution_on, event.ceremony_on) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 6, 1),
        dt.date(2026, 7, 20),
    )
    assert member.status == "probationary" and member.organization == personas.cell_a1


def test_the_cell_vote_of_a_17_year_old_is_refused(personas):
    """QĐ 232 §1: at least 18 at the date the cell considers the case; refused at the resolution itself."""
    candidate = with_introducers(personas, make(personas, date_of_birth=dt.date(2009, 1, 1)))
    with pytest.raises(ValidationError) as refused:
        through_decision(personas, candidate)
    assert list(refused.value.message_dict) == ["cell_vote_on"]
    candidate.refresh_from_db()
    assert candidate.cell_vote_on is None


def test_the_age_rule_of_the_registry_refuses_the_whole_admission(personas):
    """QĐ 232 §1: 18 to 60 at the cell's resolution; member_create refuses, nothing is half-written (a file
    whose cell vote was recorded before the pipeline checked the age)."""
    candidate = through_decision(personas, with_introducers(personas, make(personas)))
    Candidate.objects.filter(pk=candidate.pk).update(date_of_birth=dt.date(2009, 1, 1))
    candidate.refresh_from_db()
    members_before = Member.all_objects.count()
    with pytest.raises(ValidationError):
        candidate_admit(candidate=candidate, ceremony_on=dt.date(2026, 7, 20), by=None, today=TODAY)
    candidate.refresh_from_db()
    assert candidate.stage == Stage.DECIDED and candidate.member is None
    assert Member.all_objects.count() == members_before


INTRODUCER_REFUSALS = [
    pytest.param({"known_since": dt.date(2025, 12, 1)}, "known_since", id="worked-together-12-months-QD24-3.2.1"),
    pytest.param({"known_since": dt.date(2026, 6, 1)}, "known_since", id="started-after-the-letter"),
    pytest.param(
        {"letter_on": dt.date(2020, 6, 1), "known_since": dt.date(2018, 1, 1)},
        "member",
        id="full-member-on-the-letter-date-QD24-3.2.1",
    ),
    pytest.param({"letter_on": dt.date(2027, 1, 1)}, "letter_on", id="no-future-letter"),
]


@pytest.mark.parametrize(("over", "field"), INTRODUCER_REFUSALS)
def test_introducers_must_be_full_members_who_know_the_candidate(personas, over, field):
    candidate = make(personas)
    data = {"known_since": dt.date(2024, 1, 1), "letter_on": dt.date(2026, 5, 10)}
    data.update(over)
    with pytest.raises(ValidationError) as refused:
        introducer_add(candidate=candidate, member=personas.member_a, by=None, today=TODAY, **data)
    assert field in refused.value.error_dict


CELL_VOTE_REFUSALS = [
    pytest.param(
        {"awareness_class_on": None}, 2, (9, 12), "awareness_class_on", id="class-certificate-first-HD12-2022"
    ),
    pytest.param({"cv_verified_on": None}, 2, (9, 12), "cv_verified_on", id="cv-verified-first-HD12-2022"),
    pytest.param({}, 1, (9, 12), "cell_vote_on", id="two-introducers-Charter-art4-2"),
    pytest.param({}, 2, (7, 12), "cell_votes_for", id="two-thirds-of-the-cell-Charter-art4-3"),
    pytest.param({}, 2, (13, 12), "cell_votes_for", id="votes-cannot-exceed-voters"),
]


@pytest.mark.parametrize(("over", "introducers", "votes", "field"), CELL_VOTE_REFUSALS)
def test_the_cell_votes_on_a_complete_file_with_two_thirds(personas, over, introducers, votes, field):
    candidate = with_introducers(personas, make(personas, **over), introducers)
    with pytest.raises(ValidationError) as refused:
        candidate_cell_vote(
            candidate=candidate, on=dt.date(2026, 6, 1), votes_for=votes[0], voters=votes[1], by=None, today=TODAY
        )
    assert field in refused.value.error_dict
    candidate.refresh_from_db()
    assert candidate.cell_vote_on is None


def test_one_introducer_is_enough_with_the_youth_union_recommendation(personas):
    """Charter art. 4 §2: one full member with the youth union's recommendation."""
    candidate = with_introducers(personas, make(personas, youth_union_recommended=True), 1)
    candidate_cell_vote(candidate=candidate, on=dt.date(2026, 6, 1), votes_for=8, voters=12, by=None, today=TODAY)
    candidate.refresh_from_db()
    assert candidate.introducers.count() == 1
    assert candidate.stage == Stage.CELL_APPROVED
    assert (candidate.cell_vote_on, candidate.cell_votes_for, candidate.cell_voters) == (dt.date(2026, 6, 1), 8, 12)


def test_the_steps_come_in_order(personas):
    candidate = with_introducers(personas, make(personas))
    with pytest.raises(ValidationError):
        candidate_committee_vote(
            candidate=candidate, on=dt.date(2026, 6, 5), votes_for=5, voters=5, by=None, today=TODAY
        )
    candidate_cell_vote(candidate=candidate, on=dt.date(2026, 6, 1), votes_for=9, voters=12, by=None, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        candidate_committee_vote(
            candidate=candidate, on=dt.date(2026, 5, 5), votes_for=5, voters=5, by=None, today=TODAY
        )
    assert "committee_vote_on" in refused.value.error_dict
    with pytest.raises(ValidationError):
        candidate_admit(candidate=candidate, ceremony_on=dt.date(2026, 7, 1), by=None, today=TODAY)


@pytest.mark.parametrize(
    "rule_set",
    [pytest.param(r, id=r.name) for r in rules.ADMISSION_RULE_SETS],
)
def test_deadlines_are_counted_in_working_days(personas, rule_set):
    """QĐ 24 / QĐ 232 §4: decision within 60 working days of the cell's resolution; ceremony within 30 of receipt."""
    on = rule_set.valid_from + dt.timedelta(days=10)
    assert rules.rules_on(on) == rule_set
    candidate = with_introducers(
        personas,
        make(
            personas,
            awareness_class_on=on - dt.timedelta(days=90),
            application_on=on - dt.timedelta(days=40),
            cv_verified_on=on - dt.timedelta(days=20),
        ),
    )
    candidate.introducers.update(letter_on=on - dt.timedelta(days=5))
    candidate = candidate_cell_vote(candidate=candidate, on=on, votes_for=3, voters=3, by=None, today=TODAY)
    assert candidate.decision_due_on == add_working_days(on, rule_set.decision_working_days)


WARNINGS = [
    pytest.param(0, None, id="far-from-the-deadline"),
    pytest.param(55, "near", id="near-the-60-day-deadline-QD232-4"),
    pytest.param(61, "overdue", id="past-the-60-day-deadline-QD232-4"),
]


@pytest.mark.parametrize(("working_days_later", "level"), WARNINGS)
def test_candidates_near_or_past_the_decision_deadline_are_flagged(personas, working_days_later, level):
    candidate = with_introducers(personas, make(personas))
    candidate = candidate_cell_vote(
        candidate=candidate, on=dt.date(2026, 6, 1), votes_for=9, voters=12, by=None, today=TODAY
    )
    today = add_working_days(dt.date(2026, 6, 1), working_days_later)
    warning = deadline_warning(candidate, today)
    assert (warning.level if warning else None) == level


def test_a_late_ceremony_is_flagged_against_the_30_day_deadline(personas):
    candidate = through_decision(personas, with_introducers(personas, make(personas)))
    late = add_working_days(candidate.decision_received_on, 31)
    assert deadline_warning(candidate, late).level == "overdue"
