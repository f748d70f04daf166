"""An election's count and result (QĐ 190-QĐ/TW): totals typed in from the paper count or ballots entered one by
one, the checks of the tally, the elected, another round, and the freeze once published.

- A ballot keeping more names than seats is invalid; a ballot has no voter, no user and no time.
- Elected: more than half of the base (`Poll.base`), in order of votes, up to the seats. A tie at the last seat
  elects none of the tied and asks for another round, as too few elected does.
- A counted vote changes only after it is reopened with a reason (kept in its history); a published one never.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.votes.congress import _ensure_open, refuse
from dangvu.votes.models import Ballot, BallotMark, CongressState, CountMethod, Poll, PollKind, PollOption, PollState
from dangvu.votes.tally import more_than_half, poll_problems

COUNT_FIELDS = ("ballots_issued", "ballots_collected", "ballots_valid", "ballots_invalid")


@dataclass
class Outcome:
    elected: list[PollOption] = field(default_factory=list)  # in order of votes
    tied: list[PollOption] = field(default_factory=list)  # tied at the last seat
    another_round: bool = False
    reason: str = ""


def ranked(poll: Poll) -> list[PollOption]:
    return sorted(poll.options.all(), key=lambda o: (-(o.votes or 0), o.order, o.pk))


def outcome(poll: Poll) -> Outcome:
    """Who is elected by the votes entered: more than half of the base, the most votes first, up to the seats."""
    seats, base = poll.seats or 0, poll.base or 0
    qualified = [o for o in ranked(poll) if o.votes is not None and more_than_half(o.votes, base)]
    if len(qualified) > seats and seats > 0 and qualified[seats].votes == qualified[seats - 1].votes:
        last = qualified[seats - 1].votes
        elected = [o for o in qualified if o.votes > last]
        tied = [o for o in qualified if o.votes == last]
        return Outcome(
            elected,
            tied,
            True,
            _("%(n)s candidates are tied at the last seat with %(votes)s votes: another round is needed.")
            % {"n": len(tied), "votes": last},
        )
    elected = qualified[:seats]
    if len(elected) < seats:
        return Outcome(
            elected,
            [],
            True,
            _(
                "Only %(n)s of %(seats)s seats were filled with more than half of the base (%(base)s): "
                "another round is needed."
            )
            % {"n": len(elected), "seats": seats, "base": base},
        )
    return Outcome(elected, [], False, "")


def pct_of_base(votes: int | None, base: int | None) -> str:
    from dangvu.lib.numbers import format_percent, round_half_up

    if votes is None or not base:
        return ""
    return format_percent(round_half_up(votes * 100 / base, 2))


def _check(poll: Poll, options) -> None:
    problems = poll_problems(poll, options)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def enter_totals(
    *,
    by,
    poll: Poll,
    ballots_issued: int,
    ballots_collected: int,
    ballots_valid: int,
    ballots_invalid: int,
    votes: dict[int, int],
    convened: int | None = None,
    present: int | None = None,
    base: int | None = None,
) -> Poll:
    """The totals of the paper count: the ballots and the votes of each candidate."""
    _ensure_open(poll)
    if poll.kind != PollKind.ELECTION:
        raise refuse(None, _("This is not an election."))
    if poll.ballots.exists():
        raise refuse(None, _("Ballots were entered one by one: the totals come from them."))
    poll.ballots_issued, poll.ballots_collected = ballots_issued, ballots_collected
    poll.ballots_valid, poll.ballots_invalid = ballots_valid, ballots_invalid
    if not poll.participations.exists():  # a delegates' congress: the figures are typed in
        poll.convened, poll.present, poll.base = convened, present, base
    options = list(poll.options.all())
    missing = [o.name for o in options if votes.get(o.pk) is None]
    if missing:
        raise refuse(None, _("Enter the votes of %(names)s.") % {"names": ", ".join(missing)})
    for option in options:
        option.votes = votes[option.pk]
    _check(poll, options)
    for option in options:
        option._history_user = by
        option.save(update_fields=["votes"])
    poll.method = CountMethod.PAPER
    if poll.state == PollState.CREATED:
        poll.state = PollState.STARTED
    poll._history_user = by
    poll.save()
    return poll


@transaction.atomic
def enter_ballot(*, by, poll: Poll, kept: list[int], spoiled: bool = False) -> Ballot:
    """One ballot as the counting staff read it: the candidates kept on it. More names kept than seats, or a
    ballot spoiled otherwise, is invalid. Nothing on the ballot names who cast it."""
    _ensure_open(poll)
    if poll.state == PollState.CREATED:
        raise refuse(None, _("Start the vote before entering ballots."))
    options = {o.pk: o for o in poll.options.all()}
    unknown = [pk for pk in kept if pk not in options]
    if unknown:
        raise refuse(None, _("A name on the ballot is not on the list."))
    collected = poll.ballots.count()
    if poll.ballots_issued is not None and collected + 1 > poll.ballots_issued:
        raise refuse(
            None,
            _("All %(issued)s ballots issued were already entered.") % {"issued": poll.ballots_issued},
        )
    valid = not spoiled and len(set(kept)) <= (poll.seats or 0)
    ballot = Ballot.objects.create(poll=poll, valid=valid)
    if valid:
        BallotMark.objects.bulk_create(BallotMark(ballot=ballot, option_id=pk) for pk in set(kept))
    recount(poll, by=by)
    return ballot


@transaction.atomic
def set_ballots_issued(*, by, poll: Poll, issued: int) -> Poll:
    _ensure_open(poll)
    if issued < poll.ballots.count():
        raise refuse("issued", _("More ballots were entered than that."))
    poll.ballots_issued = issued
    if poll.present is not None and issued > poll.present:
        raise refuse(
            "issued",
            _("More ballots issued (%(issued)s) than people present (%(present)s).")
            % {"issued": issued, "present": poll.present},
        )
    poll._history_user = by
    poll.save(update_fields=["ballots_issued"])
    return poll


def recount(poll: Poll, *, by=None) -> None:
    """The totals from the ballots entered one by one."""
    ballots = poll.ballots.all()
    poll.ballots_collected = ballots.count()
    poll.ballots_valid = ballots.filter(valid=True).count()
    poll.ballots_invalid = poll.ballots_collected - poll.ballots_valid
    poll.method = CountMethod.BALLOTS
    poll._history_user = by
    poll.save()
    for option in poll.options.all():
        votes = BallotMark.objects.filter(option=option, ballot__valid=True).count()
        if option.votes != votes:
            option.votes = votes
            option._history_user = by
            option.save(update_fields=["votes"])


@transaction.atomic
def finish(*, by, poll: Poll) -> Outcome:
    """Close the count: every figure in and the tally consistent; the elected are marked."""
    _ensure_open(poll)
    if poll.state == PollState.CREATED:
        raise refuse(None, _("Start the vote before counting it."))
    missing = [str(Poll._meta.get_field(f).verbose_name) for f in COUNT_FIELDS if getattr(poll, f) is None]
    if poll.base is None:
        missing.append(str(Poll._meta.get_field("base").verbose_name))
    options = list(poll.options.all())
    if missing or any(o.votes is None for o in options):
        raise refuse(None, _("The count is not complete: %(what)s.") % {"what": ", ".join(missing) or _("votes")})
    _check(poll, options)
    result = outcome(poll)
    elected = {o.pk for o in result.elected}
    for option in options:
        option.elected = option.pk in elected
        option._history_user = by
        option.save(update_fields=["elected"])
    poll.state, poll.finished_at = PollState.FINISHED, timezone.now()
    poll._history_user = by
    poll.save()
    return result


@transaction.atomic
def reopen(*, by, poll: Poll, reason: str) -> Poll:
    """Reopen a counted vote to correct it; the reason stays in its history. A published vote is frozen."""
    if poll.state == PollState.PUBLISHED:
        raise refuse(None, _("The result was published: it can no longer change."))
    if poll.state != PollState.FINISHED:
        raise refuse(None, _("The vote has not been counted."))
    if not (reason or "").strip():
        raise refuse("reason", _("Say why the count is reopened."))
    poll.state, poll.finished_at = PollState.STARTED, None
    poll._history_user = by
    poll._change_reason = reason.strip()[:100]
    poll.save()
    return poll


@transaction.atomic
def publish(*, by, poll: Poll) -> Poll:
    if poll.state != PollState.FINISHED:
        raise refuse(None, _("Only a counted vote can be published."))
    poll.state, poll.published_at = PollState.PUBLISHED, timezone.now()
    poll._history_user = by
    poll.save()
    congress = poll.congress
    if congress is not None and congress.state == CongressState.PLANNED:
        congress.state = CongressState.HELD
        congress._history_user = by
        congress.save()
    return poll
