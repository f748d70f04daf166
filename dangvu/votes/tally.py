"""Every count checks itself: the arithmetic of a tally, shared by confidence votes and elections.

`poll_problems` returns one Vietnamese sentence per inconsistency (empty when the tally holds); services refuse to
finish or publish a poll with problems, screens show them beside the fields they concern.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from dangvu.votes.models import Poll, PollKind, PollOption


def more_than_half(votes: int, base: int) -> bool:
    """Elected or decided: strictly more than half of the base (2 × votes > base, no rounding)."""
    return base > 0 and 2 * votes > base


def poll_problems(poll: Poll, options: Iterable[PollOption] | None = None) -> list[str]:
    problems: list[str] = []
    issued, collected = poll.ballots_issued, poll.ballots_collected
    valid, invalid = poll.ballots_valid, poll.ballots_invalid
    if poll.present is not None and poll.convened is not None and poll.present > poll.convened:
        problems.append(_("More present (%(present)s) than convened (%(convened)s).") % _counts(poll))
    if issued is not None and poll.present is not None and issued > poll.present:
        problems.append(_("More ballots issued (%(issued)s) than people present (%(present)s).") % _counts(poll))
    if collected is not None and issued is not None and collected > issued:
        problems.append(_("More ballots collected (%(collected)s) than issued (%(issued)s).") % _counts(poll))
    if None not in (valid, invalid, collected) and valid + invalid != collected:
        problems.append(
            _("Valid (%(valid)s) and invalid (%(invalid)s) ballots do not add up to those collected (%(collected)s).")
            % _counts(poll)
        )
    for option in poll.options.all() if options is None else options:
        problems.extend(_option_problems(poll, option))
    return problems


def _option_problems(poll: Poll, option: PollOption) -> list[str]:
    valid = poll.ballots_valid
    if valid is None:
        return []
    if poll.kind == PollKind.ELECTION:
        if option.votes is not None and option.votes > valid:
            return [
                _("%(name)s has more votes (%(votes)s) than there are valid ballots (%(valid)s).")
                % {"name": option.name, "votes": option.votes, "valid": valid}
            ]
        return []
    levels = [option.high, option.confident, option.low]
    if None not in levels and sum(levels) > valid:
        return [
            _("The levels of %(name)s add up to %(total)s, more than the valid ballots (%(valid)s).")
            % {"name": option.name, "total": sum(levels), "valid": valid}
        ]
    return []


def _counts(poll: Poll) -> dict:
    return {
        "convened": poll.convened,
        "present": poll.present,
        "issued": poll.ballots_issued,
        "collected": poll.ballots_collected,
        "valid": poll.ballots_valid,
        "invalid": poll.ballots_invalid,
    }
