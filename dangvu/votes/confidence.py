"""Confidence votes (lấy phiếu tín nhiệm) under QĐ 96-QĐ/TW of 2023: the rules and the services of a round.

A round is a `Poll(kind=CONFIDENCE)` at a conference of an organization. The people voted on come from the
committee appointments in force on the day, less those the rule leaves out; who votes is frozen in
`Participation`; the tally is typed in from the paper count or computed from ballots entered one by one
(never linked to a voter). The round moves created → started (quorum of 2/3 present) → finished (the tally
checks itself; outcomes by the thresholds) → published (frozen). Changes to a counted tally need a reason,
kept in the history.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.policy import ensure_may_edit
from dangvu.lib.numbers import round_half_up
from dangvu.lib.rulesets import RuleSet, in_force
from dangvu.votes.models import (
    Ballot,
    BallotMark,
    CountMethod,
    Level,
    Outcome,
    Participation,
    Poll,
    PollKind,
    PollOption,
    PollState,
)
from dangvu.votes.tally import poll_problems

# --- The rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConfidenceRules(RuleSet):
    name: str
    quorum: tuple[int, int]  # present / convened at least this fraction
    over_half: tuple[int, int]  # "low" strictly more than this fraction of the base
    two_thirds: tuple[int, int]  # "low" this fraction of the base or more
    max_places: int  # a person is voted on at this many places at most in a year


RULES = (
    ConfidenceRules(
        source="QĐ 262-QĐ/TW (2014)",
        valid_from=dt.date(2014, 10, 8),
        valid_to=dt.date(2023, 2, 1),
        name="QĐ 262-QĐ/TW (2014)",
        quorum=(2, 3),
        over_half=(1, 2),
        two_thirds=(2, 3),
        max_places=2,
    ),
    ConfidenceRules(
        source="QĐ 96-QĐ/TW (2023)",
        valid_from=dt.date(2023, 2, 2),
        valid_to=None,
        name="QĐ 96-QĐ/TW (2023)",
        quorum=(2, 3),
        over_half=(1, 2),
        two_thirds=(2, 3),
        max_places=2,
    ),
)

# The denominator of the thresholds is unconfirmed (RULES.md §6b): ballots collected by default.


def rules_on(day: dt.date) -> ConfidenceRules:
    return in_force(RULES, day)


def threshold_base_name() -> str:
    name = getattr(settings, "VOTES_CONFIDENCE_THRESHOLD_BASE", "collected")
    return name if name in THRESHOLD_FIELDS else "collected"


def quorum_met(present: int, convened: int, rules: ConfidenceRules | None = None) -> bool:
    """At least 2/3 of those convened present (3 × present ≥ 2 × convened), no rounding."""
    num, den = (rules or RULES[-1]).quorum
    return convened > 0 and den * present >= num * convened


def outcome(low: int, base: int, rules: ConfidenceRules | None = None) -> str:
    """The outcome of `low` "low confidence" out of `base`: 2/3 or more, more than 1/2 (and less than 2/3), or none."""
    rules = rules or RULES[-1]
    if not base:
        return Outcome.KEPT
    num, den = rules.two_thirds
    if den * low >= num * base:
        return Outcome.TWO_THIRDS_LOW
    num, den = rules.over_half
    if den * low > num * base:
        return Outcome.OVER_HALF_LOW
    return Outcome.KEPT


def share(count: int | None, total: int | None) -> Decimal | None:
    """`count` as a % of `total`, rounded half-up to two decimals (None when either is missing or total is 0)."""
    if count is None or not total:
        return None
    return round_half_up(Decimal(count) * 100 / Decimal(total), 2)


# --- Who is voted on, who votes ---------------------------------------------------------------------

POST_RANK = {"secretary": 0, "deputy_secretary": 1, "standing": 2, "executive": 3}


@dataclass
class Person:
    member: object
    name: str
    post: str
    excluded: str = ""  # why the rule leaves them out; empty: voted on


def _active_appointments(organization, on: dt.date):
    from django.db.models import Q

    from dangvu.cadres.models import CommitteeAppointment

    return (
        CommitteeAppointment.objects.filter(organization=organization, decided_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .select_related("member")
        .order_by("member_id", "decided_on")
    )


def people_to_vote_on(*, organization, on: dt.date, retiring=(), exclude_poll: Poll | None = None) -> list[Person]:
    """The holders of the organization's committee posts on `on`, each once with their posts, and why the rule
    leaves some out: notified of retirement (`member.retired` or listed in `retiring`), appointed or elected in
    the year of the vote, or already voted on at the most places allowed this year."""
    rules = rules_on(on)
    retiring_ids = {getattr(m, "pk", m) for m in retiring}
    by_member: dict[int, list] = defaultdict(list)
    for appointment in _active_appointments(organization, on):
        by_member[appointment.member_id].append(appointment)
    places = Counter(
        PollOption.objects.filter(
            poll__kind=PollKind.CONFIDENCE, poll__held_on__year=on.year, member_id__in=list(by_member)
        )
        .exclude(poll=exclude_poll)
        .exclude(poll__organization=organization)
        .values_list("member_id", flat=True)
    )
    people = []
    for member_id, appointments in by_member.items():
        member = appointments[0].member
        appointments.sort(key=lambda a: POST_RANK.get(a.position, 9))
        post = ", ".join(a.get_position_display() for a in appointments)
        excluded = ""
        if member.retired or member_id in retiring_ids:
            excluded = _("notified of retirement")
        elif any(a.decided_on.year == on.year for a in appointments):
            excluded = _("appointed or elected in the year of the vote")
        elif places[member_id] >= rules.max_places:
            excluded = _("already voted on at %(places)s places this year") % {"places": rules.max_places}
        people.append(Person(member, member.full_name, post, excluded))
    people.sort(key=lambda p: (POST_RANK.get(_rank_of(by_member[p.member.pk]), 9), p.name))
    return people


def _rank_of(appointments) -> str:
    return min((a.position for a in appointments), key=lambda pos: POST_RANK.get(pos, 9))


class Voters:
    COMMITTEE = "committee"
    MEMBERS = "members"


def voters_of(*, organization, on: dt.date, voters: str):
    """Who votes: the members of the organization's committee on the day, or all its members (a cell)."""
    from dangvu.members.models import ACTIVE_STATUSES, Member

    if voters == Voters.COMMITTEE:
        ids = _active_appointments(organization, on).values_list("member_id", flat=True)
        return Member.objects.filter(pk__in=list(ids)).order_by("full_name", "pk")
    return Member.objects.filter(organization__path__startswith=organization.path, status__in=ACTIVE_STATUSES).order_by(
        "full_name", "pk"
    )


# --- The round --------------------------------------------------------------------------------------


def _check(user, poll: Poll) -> None:
    """The policy decides for a person; `user=None` is the system itself (the demo data, data migrations)."""
    if user is not None:
        ensure_may_edit(user, poll)


def _refuse_unless(poll: Poll, *states: str) -> None:
    if poll.state == PollState.PUBLISHED and PollState.PUBLISHED not in states:
        raise ValidationError(_("The results are published: the vote can no longer be changed."))
    if poll.state not in states:
        raise ValidationError(
            _("This cannot be done while the vote is %(state)s.") % {"state": poll.get_state_display()}
        )


@transaction.atomic
def create_round(
    *,
    organization,
    held_on: dt.date,
    conference: str,
    user,
    voters: str = Voters.COMMITTEE,
    method: str = CountMethod.PAPER,
    retiring=(),
) -> Poll:
    """A new round at a conference: the people voted on (the rule's exclusions left out) and who votes."""
    poll = Poll(
        kind=PollKind.CONFIDENCE,
        organization=organization,
        title=conference.strip(),
        rule=rules_on(held_on).name,
        held_on=held_on,
        method=method,
        created_by=user,
    )
    _check(user, poll)
    if not poll.title:
        raise ValidationError({"conference": _("Name the conference.")})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date of the vote cannot be in the future.")})
    people = [p for p in people_to_vote_on(organization=organization, on=held_on, retiring=retiring) if not p.excluded]
    if not people:
        raise ValidationError(_("Nobody of this organization is to be voted on by the rule on that date."))
    members = list(voters_of(organization=organization, on=held_on, voters=voters))
    if not members:
        raise ValidationError(_("Nobody is to vote at this conference."))
    poll.convened = len(members)
    poll.present = len(members)
    poll.save()
    PollOption.objects.bulk_create(
        PollOption(poll=poll, member=p.member, name=p.name, post=p.post, order=i) for i, p in enumerate(people)
    )
    Participation.objects.bulk_create(Participation(poll=poll, member=m, name=m.full_name) for m in members)
    return poll


@transaction.atomic
def set_presence(*, poll: Poll, present_ids, user) -> Poll:
    """Who of those convened is present (before the vote starts)."""
    _check(user, poll)
    _refuse_unless(poll, PollState.CREATED)
    present_ids = {int(pk) for pk in present_ids}
    for participation in poll.participations.all():
        is_present = participation.member_id in present_ids
        if participation.present != is_present:
            participation.present = is_present
            participation.save(update_fields=["present"])
    poll.convened = poll.participations.count()
    poll.present = poll.participations.filter(present=True).count()
    poll.save(update_fields=["convened", "present"])
    return poll


@transaction.atomic
def start(*, poll: Poll, user, ballots_issued: int | None = None) -> Poll:
    """Open the vote: refused without the quorum of 2/3 of those convened present."""
    _check(user, poll)
    _refuse_unless(poll, PollState.CREATED)
    if not quorum_met(poll.present or 0, poll.convened or 0, rules_on(poll.held_on)):
        raise ValidationError(
            _("The conference is not valid: %(present)s present of %(convened)s convened, fewer than two thirds.")
            % {"present": poll.present or 0, "convened": poll.convened or 0}
        )
    if ballots_issued is not None:
        if ballots_issued > (poll.present or 0):
            raise ValidationError(
                {
                    "ballots_issued": _("More ballots issued than people present (%(present)s).")
                    % {"present": poll.present}
                }
            )
        poll.ballots_issued = ballots_issued
    elif poll.method == CountMethod.BALLOTS:
        poll.ballots_issued = poll.present
    poll.state = PollState.STARTED
    poll.save()
    return poll


@transaction.atomic
def record_totals(*, poll: Poll, user, issued: int, collected: int, valid: int, invalid: int, levels: dict, reason=""):
    """The totals of the paper count: ballots and, per person (option id → (high, confident, low)), the levels.

    Before counting ends they are simply typed in; after, a reason is required and kept in the history."""
    _check(user, poll)
    _refuse_unless(poll, PollState.STARTED, PollState.FINISHED)
    if poll.method != CountMethod.PAPER:
        raise ValidationError(_("This vote is counted from the ballots entered one by one."))
    corrected = poll.state == PollState.FINISHED
    if corrected and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for changing a counted tally.")})
    poll.ballots_issued, poll.ballots_collected = issued, collected
    poll.ballots_valid, poll.ballots_invalid = valid, invalid
    options = list(poll.options.all())
    for option in options:
        option.high, option.confident, option.low = levels.get(option.pk, (None, None, None))
    problems = poll_problems(poll, options)
    if problems:
        raise ValidationError(problems)
    if corrected:
        _decide(poll, options)
    _save_tally(poll, options, reason=reason.strip())
    return poll


def _save_tally(poll: Poll, options, *, reason: str = "") -> None:
    if reason:
        poll._change_reason = reason
    poll.save()
    for option in options:
        if reason:
            option._change_reason = reason
        option.save()


@transaction.atomic
def add_ballot(*, poll: Poll, user, marks: dict, valid: bool = True) -> Ballot:
    """One ballot as the counting staff read it: option id → level (a person left unmarked has none).

    Nothing about who cast it is stored. The totals are recomputed from all the ballots."""
    _check(user, poll)
    _refuse_unless(poll, PollState.STARTED)
    if poll.method != CountMethod.BALLOTS:
        raise ValidationError(_("This vote is counted from the totals of the paper count."))
    if poll.ballots_issued is not None and poll.ballots.count() >= poll.ballots_issued:
        raise ValidationError(_("All %(issued)s ballots issued are already entered.") % {"issued": poll.ballots_issued})
    option_ids = set(poll.options.values_list("pk", flat=True))
    if set(marks) - option_ids or any(level not in Level.values for level in marks.values()):
        raise ValidationError(_("The ballot names someone who is not voted on in this vote."))
    ballot = Ballot.objects.create(poll=poll, valid=valid)
    if valid:
        BallotMark.objects.bulk_create(BallotMark(ballot=ballot, option_id=pk, level=lv) for pk, lv in marks.items())
    recount(poll)
    return ballot


def recount(poll: Poll) -> Poll:
    """The totals from the ballots entered: collected, valid, invalid, and each person's levels over valid ones."""
    ballots = poll.ballots.all()
    poll.ballots_collected = ballots.count()
    poll.ballots_valid = ballots.filter(valid=True).count()
    poll.ballots_invalid = poll.ballots_collected - poll.ballots_valid
    counts = Counter(BallotMark.objects.filter(ballot__poll=poll, ballot__valid=True).values_list("option_id", "level"))
    options = list(poll.options.all())
    for option in options:
        option.high = counts[(option.pk, Level.HIGH)]
        option.confident = counts[(option.pk, Level.CONFIDENT)]
        option.low = counts[(option.pk, Level.LOW)]
    _save_tally(poll, options)
    return poll


THRESHOLD_FIELDS = {
    "collected": "ballots_collected",
    "valid": "ballots_valid",
    "convened": "convened",
    "present": "present",
}


def threshold_base(poll: Poll) -> int | None:
    """The denominator of the thresholds for this poll (settings.VOTES_CONFIDENCE_THRESHOLD_BASE)."""
    return getattr(poll, THRESHOLD_FIELDS[threshold_base_name()])


def _decide(poll: Poll, options) -> None:
    rules = rules_on(poll.held_on)
    poll.base = threshold_base(poll)
    for option in options:
        option.outcome = outcome(option.low or 0, poll.base or 0, rules)


@transaction.atomic
def finish(*, poll: Poll, user) -> Poll:
    """End the count: the tally must be complete and hold; each person's outcome follows from the thresholds."""
    _check(user, poll)
    _refuse_unless(poll, PollState.STARTED)
    options = list(poll.options.all())
    missing = [
        f
        for f in ("ballots_issued", "ballots_collected", "ballots_valid", "ballots_invalid")
        if getattr(poll, f) is None
    ]
    if missing or any(None in (o.high, o.confident, o.low) for o in options):
        raise ValidationError(
            _("Enter the whole tally (ballots and every person's three levels) before ending the count.")
        )
    problems = poll_problems(poll, options)
    if problems:
        raise ValidationError(problems)
    _decide(poll, options)
    poll.state = PollState.FINISHED
    poll.finished_at = timezone.now()
    _save_tally(poll, options)
    return poll


@transaction.atomic
def publish(*, poll: Poll, user) -> Poll:
    """Publish the results: from now on the tally is frozen."""
    _check(user, poll)
    _refuse_unless(poll, PollState.FINISHED)
    poll.state = PollState.PUBLISHED
    poll.published_at = timezone.now()
    poll.save()
    return poll


@transaction.atomic
def record_follow_up(*, option: PollOption, text: str, user) -> PollOption:
    """What was done about a person's outcome (planning, reassignment, resignation...), once the count is over.

    The follow-up is not part of the tally, so it may be recorded after publication too (kept in the history)."""
    _check(user, option.poll)
    _refuse_unless(option.poll, PollState.FINISHED, PollState.PUBLISHED)
    option.follow_up = text.strip()
    option.save(update_fields=["follow_up"])
    return option


@transaction.atomic
def delete_round(*, poll: Poll, user) -> None:
    """A round may be deleted only before voting starts (then nothing was voted)."""
    _check(user, poll)
    _refuse_unless(poll, PollState.CREATED)
    poll.delete()


# --- Reads (user-scoped) ----------------------------------------------------------------------------


def visible_rounds(*, user):
    from dangvu.accounts.policy import limit_to_scope

    rounds = Poll.objects.filter(kind=PollKind.CONFIDENCE).select_related("organization")
    return limit_to_scope(rounds, user, "organization__")


def round_list(*, user, filters):
    rows = visible_rounds(user=user)
    if filters.organization is not None:
        rows = rows.filter(organization__path__startswith=filters.organization.path)
    if filters.year:
        rows = rows.filter(held_on__year=filters.year)
    if filters.state:
        rows = rows.filter(state=filters.state)
    return rows.order_by("-held_on", "-pk")


def round_get(*, user, pk: int) -> Poll:
    """A round the user may see; DoesNotExist otherwise."""
    return visible_rounds(user=user).get(pk=pk)
