"""The result of any poll (a confidence vote or an election) as a plain dict: what `vote_results` prints, what the
screens and the reports read. Percentages: confidence levels over ballots collected (QĐ 96), an election's votes
over the base of "more than half" (QĐ 190), rounded half-up to two decimals."""

from decimal import Decimal

from dangvu.lib.numbers import round_half_up
from dangvu.votes.models import Poll, PollKind

COUNTS = (
    "convened",
    "present",
    "base",
    "seats",
    "ballots_issued",
    "ballots_collected",
    "ballots_valid",
    "ballots_invalid",
)


def percent(count: int | None, total: int | None) -> float | None:
    if count is None or not total:
        return None
    return float(round_half_up(Decimal(count) * 100 / Decimal(total), 2))


def poll_result(poll: Poll) -> dict:
    result = {
        "id": poll.pk,
        "kind": poll.kind,
        "title": poll.title,
        "organization": poll.organization.name,
        "rule": poll.rule,
        "held_on": poll.held_on.isoformat(),
        "round": poll.round_number,
        "state": poll.state,
        **{name: getattr(poll, name) for name in COUNTS},
    }
    people = []
    for option in poll.options.all():
        person = {"name": option.name, "post": option.post}
        if poll.kind == PollKind.ELECTION:
            person.update(
                votes=option.votes,
                votes_pct=percent(option.votes, poll.base),
                elected=option.elected,
            )
        else:
            for level in ("high", "confident", "low"):
                count = getattr(option, level)
                person[level] = count
                person[f"{level}_pct"] = percent(count, poll.ballots_collected)
            person["outcome"] = option.outcome or None
            person["follow_up"] = option.follow_up
        people.append(person)
    result["people"] = people
    return result
