"""Congresses and the rules of an election before the count (QĐ 190-QĐ/TW of 2024, forms of HD 04-HD/TW).

- When a congress is due: from the last one held, a cell under a base committee twice in five years (every 30
  months), base organizations and committees every five years (Charter art. 24; Chỉ thị 35-CT/TW 2024: cells
  under a base committee elected for 2025-2027, base organizations for 2025-2030); six months either way with
  the higher committee's approval.
- The candidate list: at most 30% more names than seats; the convening committee prepares 10-15% more (a
  warning, since a small body cannot always hit that band); a floor or self nomination enters only with more than
  30% of those present agreeing.
- The counting committee: nobody on the ballot.
- The base of "more than half" (members' congress): the full members convened - the full members of the
  organization's subtree on the congress day - less those temporarily transferred out, exempted members who are
  absent, suspended members and members absent for the whole congress with leave. Who is left out, and why, is
  kept by name in `Participation` so the congress can check it.
- Rounds: a new poll for the seats still empty, with the candidates not yet elected.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.lib.dates import add_months, format_short
from dangvu.lib.vntext import name_sort_key
from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.votes.models import (
    Body,
    Congress,
    CongressKind,
    CongressState,
    CountingCommitteeMember,
    CountingRole,
    Exclusion,
    Nomination,
    Participation,
    Poll,
    PollKind,
    PollOption,
    PollState,
)

RULE = "QĐ 190-QĐ/TW (2024)"
# Months between congresses: a cell under a base committee holds two in a five-year term.
TERM_MONTHS = {OrganizationKind.CELL: 30}
DEFAULT_TERM_MONTHS = 60
TOLERANCE_MONTHS = 6
MAX_SURPLUS_PCT = 30
CONVENING_SURPLUS_PCT = (10, 15)
NOMINATION_AGREEING_PCT = 30


class Attendance:
    PRESENT = "present"
    ABSENT_WITH_LEAVE = "leave"
    ABSENT = "absent"

    choices = (
        (PRESENT, gettext_lazy("present")),
        (ABSENT_WITH_LEAVE, gettext_lazy("absent for the whole congress with leave")),
        (ABSENT, gettext_lazy("absent without leave")),
    )


def refuse(field: str | None, message: str) -> ValidationError:
    return ValidationError({field: message} if field else message)


# --- Due dates --------------------------------------------------------------------------------------------


def term_months(organization: Organization) -> int:
    return TERM_MONTHS.get(organization.kind, DEFAULT_TERM_MONTHS)


def due_on(organization: Organization, last_opened_on: dt.date) -> dt.date:
    """When the next congress is due after one opened on `last_opened_on`."""
    return add_months(last_opened_on, term_months(organization))


def last_held(organization: Organization, *, before: dt.date | None = None) -> Congress | None:
    rows = Congress.objects.filter(organization=organization, deleted_at__isnull=True).exclude(
        state=CongressState.PLANNED
    )
    if before is not None:
        rows = rows.filter(opens_on__lte=before)
    return rows.order_by("-opens_on").first()


@dataclass(frozen=True)
class Due:
    organization: Organization
    last: Congress | None
    due_on: dt.date | None  # None: no congress recorded, so due now
    overdue: bool  # past the due date and the six months of tolerance


def due_of(organization: Organization, *, on: dt.date) -> Due:
    last = last_held(organization, before=on)
    if last is None:
        return Due(organization, None, None, False)
    due = due_on(organization, last.opens_on)
    return Due(organization, last, due, on > add_months(due, TOLERANCE_MONTHS))


def term_label(organization: Organization, opens_on: dt.date) -> str:
    """The usual name of the term starting with a congress on `opens_on` ("2025-2030", "2025-2027")."""
    years = round(term_months(organization) / 12)
    return f"{opens_on.year}-{opens_on.year + years}"


# --- Congresses -------------------------------------------------------------------------------------------


def _editable(congress: Congress) -> None:
    if congress.state in (CongressState.SUBMITTED, CongressState.APPROVED):
        raise refuse(None, _("The congress was submitted for approval: its records can no longer change."))


@transaction.atomic
def congress_save(
    *,
    by,
    organization: Organization,
    term: str,
    opens_on: dt.date,
    kind: str = CongressKind.MEMBERS,
    closes_on: dt.date | None = None,
    place: str = "",
    congress: Congress | None = None,
) -> Congress:
    if congress is not None:
        _editable(congress)
        moved = congress.organization_id != organization.pk or congress.opens_on != opens_on
        if moved and congress.polls.exists():
            raise refuse(
                "opens_on",
                _("The congress has elections, whose people convened come from its organization and date: keep them."),
            )
    term = (term or "").strip()
    if not term:
        raise refuse("term", _("Enter the term, e.g. 2025-2030."))
    if closes_on and closes_on < opens_on:
        raise refuse("closes_on", _("The congress cannot close before it opens."))
    clash = Congress.objects.filter(organization=organization, term=term, deleted_at__isnull=True)
    if congress is not None:
        clash = clash.exclude(pk=congress.pk)
    if clash.exists():
        raise refuse(
            "term",
            _("%(org)s already has a congress for the term %(term)s.") % {"org": organization.name, "term": term},
        )
    record = congress or Congress()
    record.organization, record.term, record.kind = organization, term, kind
    record.opens_on, record.closes_on, record.place = opens_on, closes_on, (place or "").strip()
    record._history_user = by
    record.save()
    return record


@transaction.atomic
def counter_add(*, by, congress: Congress, name: str, role: str = CountingRole.MEMBER, member=None):
    """A member of the counting committee: refused if on the ballot of any of the congress' polls."""
    _editable(congress)
    name = (member.full_name if member is not None else (name or "")).strip()
    if not name:
        raise refuse("name", _("Enter the name of the member of the counting committee."))
    candidates = PollOption.objects.filter(poll__congress=congress)
    on_list = candidates.filter(member=member).exists() if member is not None else False
    on_list = on_list or candidates.filter(name__iexact=name).exists()
    if on_list:
        raise refuse(
            "name",
            _("%(name)s is a candidate: a member of the counting committee cannot be on the ballot (QĐ 190).")
            % {"name": name},
        )
    if role == CountingRole.HEAD and congress.counters.filter(role=CountingRole.HEAD).exists():
        raise refuse("role", _("The counting committee already has a head."))
    counter = CountingCommitteeMember(congress=congress, member=member, name=name, role=role)
    counter._history_user = by
    counter.save()
    return counter


@transaction.atomic
def counter_remove(*, by, counter: CountingCommitteeMember) -> None:
    _editable(counter.congress)
    counter.delete()


# --- The base of "more than half" ------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryFacts:
    """What the registry says of one full member on the congress day."""

    member_id: int
    name: str
    transferred_out: bool = False
    exempted: bool = False
    suspended: bool = False


def registry_members(organization: Organization, on: dt.date) -> list[RegistryFacts]:
    """The full members of the organization's subtree on `on`, with what the registry says of each."""
    from dangvu.members.models import EventKind, Member, MemberEvent, MembershipSpell, TransferMode
    from dangvu.ratings.models import MemberRating
    from dangvu.ratings.rules import NotGradedReason

    ids = list(
        MembershipSpell.objects.open_on(on)
        .filter(organization__path__startswith=organization.path, probationary=False)
        .values_list("member_id", flat=True)
        .distinct()
    )
    names = dict(Member.objects.filter(pk__in=ids).values_list("pk", "full_name"))
    transferred = set(
        MemberEvent.objects.filter(
            member_id__in=ids,
            kind=EventKind.TRANSFERRED_OUT,
            transfer_mode=TransferMode.TEMPORARY,
            on__lte=on,
            deleted_at__isnull=True,
        )
        .filter(Q(temporary_until__isnull=True) | Q(temporary_until__gte=on))
        .values_list("member_id", flat=True)
    )
    # Exemption and suspension are recorded in the rating of the year (or of the year before).
    ratings = MemberRating.objects.filter(
        member_id__in=ids,
        season__year__in=[on.year - 1, on.year],
        not_graded_reason__in=[NotGradedReason.EXEMPT, NotGradedReason.SUSPENDED],
        deleted_at__isnull=True,
    ).values_list("member_id", "not_graded_reason")
    exempted = {m for m, reason in ratings if reason == NotGradedReason.EXEMPT}
    suspended = {m for m, reason in ratings if reason == NotGradedReason.SUSPENDED}
    rows = [RegistryFacts(pk, names.get(pk, ""), pk in transferred, pk in exempted, pk in suspended) for pk in set(ids)]
    return sorted(rows, key=lambda r: (_given_name(r.name), r.name, r.member_id))


def _given_name(name: str) -> bytes:
    """Vietnamese lists sort by the given name, then the rest (ICU collation)."""
    return name_sort_key(name)


def exclusion_of(facts: RegistryFacts, attendance: str) -> str:
    """Why someone convened is left out of the base ("" when counted), in the order of QĐ 190."""
    if facts.transferred_out:
        return Exclusion.TRANSFERRED_OUT
    if facts.suspended:
        return Exclusion.SUSPENDED
    if facts.exempted and attendance != Attendance.PRESENT:
        return Exclusion.EXEMPTED_ABSENT
    if attendance == Attendance.ABSENT_WITH_LEAVE:
        return Exclusion.ABSENT_WITH_LEAVE
    return ""


def attendance_of(participation: Participation) -> str:
    if participation.present:
        return Attendance.PRESENT
    if participation.excluded == Exclusion.ABSENT_WITH_LEAVE:
        return Attendance.ABSENT_WITH_LEAVE
    return Attendance.ABSENT


def base_counts(poll: Poll) -> dict:
    rows = list(poll.participations.all())
    return {
        "convened": len(rows),
        "present": sum(1 for r in rows if r.present),
        "base": sum(1 for r in rows if not r.excluded),
    }


def _refresh_counts(poll: Poll) -> None:
    if poll.congress is None or poll.congress.kind != CongressKind.MEMBERS:
        return
    counts = base_counts(poll)
    poll.convened, poll.present, poll.base = counts["convened"], counts["present"], counts["base"]
    poll.save(update_fields=["convened", "present", "base"])


def build_participations(poll: Poll, *, attendance: dict[int, str] | None = None) -> None:
    """Who was convened, from the registry on the congress day, with the attendance known so far."""
    attendance = attendance or {}
    poll.participations.all().delete()
    if poll.congress is not None and poll.congress.kind == CongressKind.DELEGATES:
        return  # the delegates are not in the registry: the figures are typed in with the count
    rows = []
    for facts in registry_members(poll.organization, poll.held_on):
        state = attendance.get(facts.member_id, Attendance.PRESENT)
        rows.append(
            Participation(
                poll=poll,
                member_id=facts.member_id,
                name=facts.name,
                present=state == Attendance.PRESENT,
                excluded=exclusion_of(facts, state),
            )
        )
    Participation.objects.bulk_create(rows)
    _refresh_counts(poll)


def _ensure_open(poll: Poll) -> None:
    if poll.state in (PollState.FINISHED, PollState.PUBLISHED):
        raise refuse(None, _("The vote was counted: reopen the count to change it."))
    if poll.congress is not None:
        _editable(poll.congress)


@transaction.atomic
def set_attendance(*, by, poll: Poll, member_id: int, attendance: str) -> Participation:
    """Mark one person convened as present, absent with leave or absent; the exclusion follows the registry."""
    _ensure_open(poll)
    if attendance not in dict(Attendance.choices):
        raise refuse("attendance", _("Choose present, absent with leave or absent."))
    row = poll.participations.filter(member_id=member_id).first()
    if row is None:
        raise refuse("member", _("This person was not convened to the congress."))
    facts = {f.member_id: f for f in registry_members(poll.organization, poll.held_on)}.get(member_id)
    facts = facts or RegistryFacts(member_id, row.name)
    row.present = attendance == Attendance.PRESENT
    row.excluded = exclusion_of(facts, attendance)
    row.save(update_fields=["present", "excluded"])
    _refresh_counts(poll)
    return row


@dataclass(frozen=True)
class BaseRow:
    member_id: int
    name: str
    present: bool
    excluded: str
    label: str
    attendance: str


def base_rows(poll: Poll) -> list[BaseRow]:
    """The people convened, by name, with why each is left out of the base, for the congress to check."""
    labels = dict(Exclusion.choices)
    return [
        BaseRow(p.member_id, p.name, p.present, p.excluded, str(labels.get(p.excluded, "")), attendance_of(p))
        for p in sorted(poll.participations.all(), key=lambda p: (_given_name(p.name), p.name))
    ]


# --- Polls and the candidate list -------------------------------------------------------------------------


@transaction.atomic
def poll_create(
    *, by, congress: Congress, body: str, seats: int, held_on: dt.date | None = None, title: str = ""
) -> Poll:
    _editable(congress)
    if seats is None or seats < 1:
        raise refuse("seats", _("Enter the number of seats, at least 1."))
    if body not in dict(Body.choices):
        raise refuse("body", _("Choose what the vote elects."))
    held_on = held_on or congress.opens_on
    if held_on < congress.opens_on or (congress.closes_on and held_on > congress.closes_on):
        raise refuse("held_on", _("The vote must be held during the congress."))
    title = (title or "").strip() or _("Election of the %(body)s, %(org)s, term %(term)s") % {
        "body": Body(body).label,
        "org": congress.organization.name,
        "term": congress.term,
    }
    poll = Poll.objects.create(
        kind=PollKind.ELECTION,
        organization=congress.organization,
        congress=congress,
        title=title,
        body=body,
        rule=RULE,
        held_on=held_on,
        seats=seats,
        created_by=by,
    )
    build_participations(poll)
    return poll


def list_limits(seats: int) -> dict:
    """The length of the candidate list the rules allow for `seats` (whole people)."""
    low, high = CONVENING_SURPLUS_PCT
    return {
        "max": seats + seats * MAX_SURPLUS_PCT // 100,
        "convening_min": seats + -(-seats * low // 100),
        "convening_max": seats + seats * high // 100,
    }


def surplus_pct(candidates: int, seats: int) -> float:
    return 0.0 if not seats else round((candidates - seats) * 100 / seats, 1)


def nomination_accepted(agreeing: int | None, present: int | None) -> bool:
    """A floor or self nomination enters the list only with more than 30% of those present agreeing."""
    return bool(present) and agreeing is not None and agreeing * 100 > NOMINATION_AGREEING_PCT * present


def list_warnings(poll: Poll) -> list[str]:
    """What the congress should know about the list, without refusing it."""
    options = list(poll.options.all())
    convening = sum(1 for o in options if o.nominated_by == Nomination.CONVENING)
    warnings = []
    limits = list_limits(poll.seats or 0)
    if len(options) <= (poll.seats or 0):
        warnings.append(
            _("The list has %(n)s names for %(seats)s seats: a list should have more names than seats.")
            % {"n": len(options), "seats": poll.seats}
        )
    elif not (limits["convening_min"] <= convening <= limits["convening_max"]) and convening:
        warnings.append(
            _(
                "The convening committee proposed %(n)s names for %(seats)s seats (%(pct)s%% more); "
                "QĐ 190 asks it to prepare 10-15%% more."
            )
            % {"n": convening, "seats": poll.seats, "pct": surplus_pct(convening, poll.seats)}
        )
    return warnings


@transaction.atomic
def candidate_add(
    *,
    by,
    poll: Poll,
    member=None,
    name: str = "",
    post: str = "",
    nominated_by: str = Nomination.CONVENING,
    agreeing: int | None = None,
) -> PollOption:
    _ensure_open(poll)
    if poll.state != PollState.CREATED:
        raise refuse(None, _("Voting has started: the list can no longer change."))
    name = (member.full_name if member is not None else (name or "")).strip()
    if not name:
        raise refuse("name", _("Enter the candidate's name."))
    same = Q(name__iexact=name) | (Q(member=member) if member is not None else Q(pk__in=[]))
    if poll.options.filter(same).exists():
        raise refuse("name", _("%(name)s is already on the list.") % {"name": name})
    if poll.congress and poll.congress.counters.filter(same).exists():
        raise refuse("name", _("%(name)s is on the counting committee and cannot be a candidate.") % {"name": name})
    if nominated_by != Nomination.CONVENING:
        present = poll.present
        if not nomination_accepted(agreeing, present):
            raise refuse(
                "agreeing",
                _(
                    "A nomination at the congress enters the list only with more than 30%% of those present "
                    "agreeing: %(agreeing)s of %(present)s present is not enough."
                )
                % {"agreeing": agreeing if agreeing is not None else 0, "present": present or 0},
            )
    limit = list_limits(poll.seats or 0)["max"]
    if poll.options.count() + 1 > limit:
        raise refuse(
            None,
            _("The list may have at most %(max)s names for %(seats)s seats (30%% more, QĐ 190).")
            % {"max": limit, "seats": poll.seats},
        )
    option = PollOption(
        poll=poll,
        member=member,
        name=name,
        post=(post or "").strip(),
        order=poll.options.count() + 1,
        nominated_by=nominated_by,
        nomination_agreeing=agreeing if nominated_by != Nomination.CONVENING else None,
    )
    option._history_user = by
    option.save()
    _renumber(poll)
    return option


@transaction.atomic
def candidate_remove(*, by, option: PollOption) -> None:
    poll = option.poll
    _ensure_open(poll)
    if poll.state != PollState.CREATED:
        raise refuse(None, _("Voting has started: the list can no longer change."))
    option.delete()
    _renumber(poll)


def _renumber(poll: Poll) -> None:
    """The list is printed in alphabetical order (HD 04)."""
    options = sorted(poll.options.all(), key=lambda o: (_given_name(o.name), o.name))
    for number, option in enumerate(options, 1):
        if option.order != number:
            PollOption.objects.filter(pk=option.pk).update(order=number)


@transaction.atomic
def start(*, by, poll: Poll) -> Poll:
    _ensure_open(poll)
    if poll.state != PollState.CREATED:
        raise refuse(None, _("Voting has already started."))
    count = poll.options.count()
    if count < (poll.seats or 0):
        raise refuse(
            None,
            _("The list has %(n)s names for %(seats)s seats: add candidates first.")
            % {"n": count, "seats": poll.seats},
        )
    poll.state = PollState.STARTED
    poll._history_user = by
    poll.save()
    return poll


@transaction.atomic
def next_round(*, by, poll: Poll) -> Poll:
    """Another round for the seats still empty, with the candidates not elected, the same people convened."""
    from dangvu.votes import elections

    if poll.state not in (PollState.FINISHED, PollState.PUBLISHED):
        raise refuse(None, _("Close the count before preparing another round."))
    outcome = elections.outcome(poll)
    if not outcome.another_round:
        raise refuse(None, _("Every seat was filled: no other round is needed."))
    if Poll.objects.filter(congress=poll.congress, body=poll.body, round_number=poll.round_number + 1).exists():
        raise refuse(None, _("The next round already exists."))
    remaining = (poll.seats or 0) - len(outcome.elected)
    new = Poll.objects.create(
        kind=PollKind.ELECTION,
        organization=poll.organization,
        congress=poll.congress,
        title=poll.title,
        body=poll.body,
        rule=poll.rule,
        held_on=poll.held_on,
        seats=remaining,
        round_number=poll.round_number + 1,
        method=poll.method,
        created_by=by,
    )
    Participation.objects.bulk_create(
        Participation(poll=new, member_id=p.member_id, name=p.name, present=p.present, excluded=p.excluded)
        for p in poll.participations.all()
    )
    _refresh_counts(new)
    elected_ids = {o.pk for o in outcome.elected}
    for number, option in enumerate((o for o in poll.options.all() if o.pk not in elected_ids), 1):
        PollOption.objects.create(
            poll=new,
            member_id=option.member_id,
            name=option.name,
            post=option.post,
            order=number,
            nominated_by=option.nominated_by,
            nomination_agreeing=option.nomination_agreeing,
        )
    return new


def congress_due_message(due: Due) -> str:
    if due.due_on is None:
        return _("No congress recorded.")
    return _("Next congress due by %(date)s.") % {"date": format_short(due.due_on)}
