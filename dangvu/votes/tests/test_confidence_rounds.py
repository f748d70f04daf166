"""A confidence-vote round from creation to published results: quorum, paper totals, ballots one by one, the tally
checking itself, outcomes, frozen once published, corrections audited; the results dict, the command, the report."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from docx import Document

from dangvu.votes import confidence
from dangvu.votes.models import Ballot, BallotMark, CountMethod, Outcome, Participation, PollState
from dangvu.votes.results import poll_result
from dangvu.votes.tests.confidence_builders import HELD_ON, committee_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(personas):
    return committee_of(personas.org_a, personas.cell_a1)


def _round(personas, method=CountMethod.PAPER, voters=confidence.Voters.MEMBERS):
    return confidence.create_round(
        organization=personas.org_a,
        held_on=HELD_ON,
        conference="Hội nghị Ban Chấp hành Đảng bộ lần thứ 12",
        voters=voters,
        method=method,
        user=personas.secretary_a,
    )


def _levels(poll, *rows):
    return {o.pk: row for o, row in zip(poll.options.all(), rows, strict=True)}


def test_a_round_takes_the_people_voted_on_and_who_votes(personas, committee):
    poll = _round(personas, voters=confidence.Voters.COMMITTEE)
    assert poll.kind == "confidence" and poll.rule == "QĐ 96-QĐ/TW (2023)" and poll.state == PollState.CREATED
    assert [o.name for o in poll.options.all()][0] == committee[0].full_name
    assert set(poll.participations.values_list("member_id", flat=True)) == {m.pk for m in committee}
    assert (poll.convened, poll.present) == (4, 4)


def test_voting_does_not_start_without_two_thirds_present(personas, committee):
    poll = _round(personas)  # all members of A: the committee, An, Cúc
    assert poll.convened == 6
    present = [p.member_id for p in poll.participations.all()][:3]
    confidence.set_presence(poll=poll, present_ids=present, user=personas.secretary_a)
    with pytest.raises(ValidationError, match="có mặt 3/6"):
        confidence.start(poll=poll, user=personas.secretary_a)
    confidence.set_presence(
        poll=poll, present_ids=present + [poll.participations.last().member_id], user=personas.secretary_a
    )
    confidence.start(poll=poll, user=personas.secretary_a)
    assert poll.state == PollState.STARTED and poll.present == 4


def test_paper_totals_give_each_person_an_outcome_and_publishing_freezes_them(personas, committee):
    poll = _round(personas)
    confidence.start(poll=poll, user=personas.secretary_a)
    levels = _levels(poll, (5, 1, 0), (2, 2, 2), (0, 2, 4), (1, 1, 3))
    confidence.record_totals(
        poll=poll, user=personas.secretary_a, issued=6, collected=6, valid=6, invalid=0, levels=levels
    )
    confidence.finish(poll=poll, user=personas.secretary_a)
    outcomes = list(poll.options.values_list("outcome", flat=True))
    # base 6 collected: 3 low is exactly half (kept), 4 low is 2/3 (two thirds or more)
    assert outcomes == [Outcome.KEPT, Outcome.KEPT, Outcome.TWO_THIRDS_LOW, Outcome.KEPT]
    assert poll.base == 6
    confidence.publish(poll=poll, user=personas.secretary_a)
    with pytest.raises(ValidationError, match="đã công bố"):
        confidence.record_totals(
            poll=poll, user=personas.secretary_a, issued=6, collected=6, valid=6, invalid=0, levels=levels, reason="x"
        )
    confidence.record_follow_up(option=poll.options.all()[2], text="Đưa ra khỏi quy hoạch.", user=personas.secretary_a)
    assert poll.options.all()[2].follow_up == "Đưa ra khỏi quy hoạch."


@pytest.mark.parametrize(
    ("totals", "levels", "message"),
    [
        ((6, 6, 5, 0), (1, 1, 1), "do not add up"),
        ((6, 7, 7, 0), (1, 1, 1), "More ballots collected"),
        ((7, 6, 6, 0), (1, 1, 1), "More ballots issued"),
        ((6, 6, 5, 1), (3, 2, 1), "add up to 6, more than the valid ballots"),
    ],
)
def test_a_tally_that_does_not_hold_is_refused(personas, committee, totals, levels, message, settings):
    from django.utils import translation

    poll = _round(personas)
    confidence.start(poll=poll, user=personas.secretary_a)
    issued, collected, valid, invalid = totals
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        confidence.record_totals(
            poll=poll,
            user=personas.secretary_a,
            issued=issued,
            collected=collected,
            valid=valid,
            invalid=invalid,
            levels=_levels(poll, *[levels] * 4),
        )


def test_the_count_cannot_end_before_the_whole_tally_is_entered(personas, committee):
    poll = _round(personas)
    confidence.start(poll=poll, user=personas.secretary_a)
    with pytest.raises(ValidationError):
        confidence.finish(poll=poll, user=personas.secretary_a)


def test_a_counted_tally_changes_only_with_a_reason_kept_in_the_history(personas, committee):
    poll = _round(personas)
    confidence.start(poll=poll, user=personas.secretary_a)
    levels = _levels(poll, (5, 1, 0), (2, 2, 2), (0, 2, 4), (1, 1, 3))
    kwargs = {"poll": poll, "user": personas.secretary_a, "issued": 6, "collected": 6, "valid": 6, "invalid": 0}
    confidence.record_totals(levels=levels, **kwargs)
    confidence.finish(poll=poll, user=personas.secretary_a)
    levels[poll.options.all()[3].pk] = (0, 2, 4)
    with pytest.raises(ValidationError):
        confidence.record_totals(levels=levels, **kwargs)
    confidence.record_totals(levels=levels, reason="Tổ kiểm phiếu cộng nhầm phiếu của đồng chí thứ tư.", **kwargs)
    option = poll.options.all()[3]
    assert option.outcome == Outcome.TWO_THIRDS_LOW
    latest = option.history.first()
    assert latest.history_change_reason == "Tổ kiểm phiếu cộng nhầm phiếu của đồng chí thứ tư." and latest.low == 4


def test_ballots_entered_one_by_one_give_the_totals_and_name_no_voter(personas, committee):
    poll = _round(personas, method=CountMethod.BALLOTS)
    confidence.start(poll=poll, user=personas.secretary_a, ballots_issued=6)
    first, second, third, fourth = poll.options.all()
    for low_for_third in (True, True, True, False, False):
        marks = {first.pk: "high", second.pk: "confident", third.pk: "low" if low_for_third else "high"}
        confidence.add_ballot(poll=poll, user=personas.secretary_a, marks=marks)
    confidence.add_ballot(poll=poll, user=personas.secretary_a, marks={}, valid=False)
    with pytest.raises(ValidationError, match="6"):
        confidence.add_ballot(poll=poll, user=personas.secretary_a, marks={})
    poll.refresh_from_db()
    assert (poll.ballots_collected, poll.ballots_valid, poll.ballots_invalid) == (6, 5, 1)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.high, third.confident, third.low) == (2, 0, 3)
    assert (fourth.high, fourth.confident, fourth.low) == (0, 0, 0)
    confidence.finish(poll=poll, user=personas.secretary_a)
    third.refresh_from_db()
    assert third.outcome == Outcome.KEPT  # 3 low of 6 ballots collected: exactly half is not more than half
    # A ballot has no voter, user or time; presence is kept apart.
    assert {f.name for f in Ballot._meta.get_fields()} == {"id", "poll", "valid", "marks"}
    assert {f.name for f in BallotMark._meta.get_fields()} == {"id", "ballot", "option", "level"}
    assert Participation.objects.filter(poll=poll).count() == 6


def test_nobody_outside_the_subtree_or_without_the_editor_role_runs_a_round(personas, committee):
    from django.core.exceptions import PermissionDenied

    poll = _round(personas)
    for user in (personas.secretary_b, personas.inspector):
        with pytest.raises(PermissionDenied):
            confidence.start(poll=poll, user=user)


def _published(personas):
    poll = _round(personas)
    confidence.start(poll=poll, user=personas.secretary_a)
    levels = _levels(poll, (4, 1, 0), (2, 2, 1), (0, 1, 4), (1, 1, 3))
    confidence.record_totals(
        poll=poll, user=personas.secretary_a, issued=6, collected=6, valid=5, invalid=1, levels=levels
    )
    confidence.finish(poll=poll, user=personas.secretary_a)
    confidence.publish(poll=poll, user=personas.secretary_a)
    return poll


def test_the_result_lists_the_ballots_and_each_persons_levels_over_ballots_collected(personas, committee):
    result = poll_result(_published(personas))
    assert result["kind"] == "confidence" and result["state"] == "published"
    assert (result["convened"], result["present"], result["ballots_issued"]) == (6, 6, 6)
    assert (result["ballots_collected"], result["ballots_valid"], result["ballots_invalid"]) == (6, 5, 1)
    third = result["people"][2]
    assert (third["high"], third["confident"], third["low"]) == (0, 1, 4)
    assert (third["high_pct"], third["confident_pct"], third["low_pct"]) == (0.0, 16.67, 66.67)
    assert third["outcome"] == "two_thirds_low"


def test_vote_results_prints_json_for_one_or_all(personas, committee):
    poll = _published(personas)
    out = io.StringIO()
    call_command("vote_results", str(poll.pk), "--format", "json", stdout=out)
    one = json.loads(out.getvalue())
    assert one == json.loads(json.dumps(poll_result(poll)))
    for key in (
        "kind",
        "convened",
        "present",
        "ballots_issued",
        "ballots_collected",
        "ballots_valid",
        "ballots_invalid",
    ):
        assert key in one
    assert {"name", "high", "confident", "low", "outcome"} <= set(one["people"][0])
    out = io.StringIO()
    call_command("vote_results", "--all", "--format", "json", stdout=out)
    assert [r["id"] for r in json.loads(out.getvalue())] == [poll.pk]
    out = io.StringIO()
    call_command("vote_results", str(poll.pk), stdout=out)
    assert "tín nhiệm cao 0 (0,00%)" in out.getvalue()


def test_vote_results_writes_the_results_report_whose_figures_are_the_tally(personas, committee, tmp_path):
    poll = _published(personas)
    path = tmp_path / "ket-qua.docx"
    call_command("vote_results", str(poll.pk), "--output", str(path), stdout=io.StringIO())
    document = Document(path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in document.tables[0].rows[0].cells[1].text
    assert "Số phiếu phát ra: 6; số phiếu thu vào: 6; số phiếu hợp lệ: 5; số phiếu không hợp lệ: 1." in text
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows[1:]]
    assert rows[2][1:] == [
        poll.options.all()[2].name,
        "Ủy viên Ban Chấp hành",
        "0",
        "0,00%",
        "1",
        "16,67%",
        "4",
        "66,67%",
        "Từ 2/3 trở lên tín nhiệm thấp",
    ]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["1", "--all"],
        ["abc"],
        ["999999"],
        ["--all", "--format", "xml"],
        ["--all", "--output", "x.docx"],
        ["1", "--output", "x.pdf"],
    ],
)
def test_bad_arguments_get_a_one_line_vietnamese_error_and_status_2(db, args, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("vote_results", *args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("Lỗi")


def test_the_result_of_an_election_gives_votes_their_share_of_the_base_and_who_was_elected(personas):
    import datetime as dt

    from dangvu.votes.models import Poll, PollKind, PollOption

    poll = Poll.objects.create(
        kind=PollKind.ELECTION,
        organization=personas.org_a,
        title="Bầu Ban Chấp hành",
        rule="QĐ 190-QĐ/TW (2024)",
        held_on=dt.date(2025, 6, 1),
        seats=1,
        convened=30,
        present=28,
        base=29,
        ballots_issued=28,
        ballots_collected=28,
        ballots_valid=27,
        ballots_invalid=1,
    )
    PollOption.objects.create(poll=poll, name="Nguyễn Văn An", votes=15, elected=True, order=0)
    PollOption.objects.create(poll=poll, name="Trần Thị Bình", votes=12, elected=False, order=1)
    result = poll_result(poll)
    assert result["kind"] == "election" and result["base"] == 29 and result["seats"] == 1
    assert result["people"] == [
        {"name": "Nguyễn Văn An", "post": "", "votes": 15, "votes_pct": 51.72, "elected": True},
        {"name": "Trần Thị Bình", "post": "", "votes": 12, "votes_pct": 41.38, "elected": False},
    ]
    out = io.StringIO()
    call_command("vote_results", str(poll.pk), "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["people"][0]["elected"] is True
