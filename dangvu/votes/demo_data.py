"""Demo congresses: the 2025 congresses of a share of cells (term 2025-2027) and base organizations (2025-2030),
each with its counting committee, the election of the committee and of the secretary, tallies that hold (a few
absences, the odd invalid ballot, one candidate short of votes), results published and mostly approved into
committee appointments. Written in bulk: a few queries per congress."""

import datetime as dt

from dangvu.cadres.models import AppointmentKind, CommitteeAppointment, Position
from dangvu.lib import bulk
from dangvu.organizations.models import BASE_KINDS, Organization, OrganizationKind
from dangvu.votes import congress as rules
from dangvu.votes.demo_confidence import seed_confidence
from dangvu.votes.models import (
    Body,
    Congress,
    CongressState,
    CountingCommitteeMember,
    CountingRole,
    CountMethod,
    Nomination,
    Participation,
    Poll,
    PollKind,
    PollOption,
    PollState,
)

SHARE = {"small": 0.6, "bloc": 0.4, "province": 0.3, "country": 0.3}
MAX_CONGRESSES = {"small": 80, "bloc": 200, "province": 300, "country": 300}


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _seats(members: int, kind: str) -> int:
    if kind == OrganizationKind.CELL or members < 30:
        return 3 if members >= 9 else 1
    return 5 if members < 100 else 7 if members < 300 else 9


def seed(context) -> dict[str, int]:
    # The congresses first: people elected in 2025 are left out of that year's confidence vote.
    counts = _seed_congresses(context)
    counts.update(seed_confidence(context))
    return counts


def _seed_congresses(context) -> dict[str, int]:
    rng, until = context.rng, context.until
    if until < dt.date(2025, 9, 1):
        return {}
    organizations = list(
        Organization.objects.filter(
            kind__in=[*BASE_KINDS, OrganizationKind.CELL], deleted_at__isnull=True, ended_on__isnull=True
        ).order_by("path")
    )
    chosen = [o for o in organizations if rng.random() < SHARE[context.size]][: MAX_CONGRESSES[context.size]]
    counts = {"Congress": 0, "Poll": 0, "PollOption": 0, "Participation": 0, "CommitteeAppointment": 0}
    for organization in chosen:
        made = _congress(organization, rng)
        for key, value in made.items():
            counts[key] += value
    return counts


def _congress(organization: Organization, rng) -> dict[str, int]:
    # Cells first (April-May), base organizations after (June-August), as the directive orders them.
    if organization.kind == OrganizationKind.CELL:
        opens_on = _weekday(dt.date(2025, 4, 1) + dt.timedelta(days=rng.randint(0, 55)))
    else:
        opens_on = _weekday(dt.date(2025, 6, 1) + dt.timedelta(days=rng.randint(0, 80)))
    facts = rules.registry_members(organization, opens_on)
    if len(facts) < 3:
        return {}
    congress = Congress.objects.create(
        organization=organization,
        term=rules.term_label(organization, opens_on),
        opens_on=opens_on,
        closes_on=opens_on,
        place=f"Hội trường {organization.name}",
        state=CongressState.HELD,
    )
    people = list(facts)
    rng.shuffle(people)
    counters = people[:3]
    eligible = people[3:]
    bulk.create(
        CountingCommitteeMember,
        [
            CountingCommitteeMember(
                congress=congress,
                member_id=f.member_id,
                name=f.name,
                role=CountingRole.HEAD if i == 0 else CountingRole.MEMBER,
            )
            for i, f in enumerate(counters)
        ],
    )
    seats = _seats(len(facts), organization.kind)
    limits = rules.list_limits(seats)
    size = min(len(eligible), limits["max"] if seats > 1 else 1)
    if size < seats:
        return {"Congress": 1}
    candidates = eligible[:size]
    # Attendance: most come; a few absent with leave, the odd one without.
    attendance = {}
    for f in facts:
        draw = rng.random()
        attendance[f.member_id] = (
            rules.Attendance.ABSENT_WITH_LEAVE if draw < 0.05 else rules.Attendance.ABSENT if draw < 0.07 else "present"
        )
    for f in candidates + counters:
        attendance[f.member_id] = rules.Attendance.PRESENT
    committee = _election(congress, Body.COMMITTEE, seats, candidates, facts, attendance, rng)
    if not committee["elected"]:
        return {"Congress": 1, "Poll": 1, "PollOption": committee["options"], "Participation": len(facts)}
    top = max(committee["elected"], key=lambda o: o.votes)
    secretary = _election(
        congress, Body.SECRETARY, 1, [f for f in candidates if f.member_id == top.member_id], facts, attendance, rng
    )
    counts = {
        "Congress": 1,
        "Poll": 2,
        "PollOption": committee["options"] + secretary["options"],
        "Participation": 2 * len(facts),
    }
    # Most results are approved a few weeks later; the newest wait for approval.
    approved_on = _weekday(opens_on + dt.timedelta(days=rng.randint(10, 30)))
    later = CommitteeAppointment.objects.filter(organization=organization, decided_on__gte=approved_on).exists()
    if later or rng.random() < 0.15:
        Congress.objects.filter(pk=congress.pk).update(state=CongressState.SUBMITTED)
        return counts
    parent = Organization.objects.get_parent(organization) if organization.depth > 1 else None
    decided_by = f"Ban Thường vụ {parent.name}" if parent else "Ban Thường vụ"
    document_no = f"{rng.randint(100, 990)}-QĐ/{'ĐU' if organization.kind == OrganizationKind.CELL else 'ĐUK'}"
    CommitteeAppointment.objects.filter(
        organization=organization, ended_on__isnull=True, deleted_at__isnull=True
    ).update(ended_on=approved_on)
    appointments = [
        CommitteeAppointment(
            organization=organization,
            member_id=option.member_id,
            position=position,
            kind=AppointmentKind.APPROVED,
            decided_by=decided_by,
            decided_on=approved_on,
            document_no=document_no,
            term=congress.term,
        )
        for position, result in ((Position.EXECUTIVE, committee), (Position.SECRETARY, secretary))
        for option in result["elected"]
    ]
    bulk.create(CommitteeAppointment, appointments)
    Congress.objects.filter(pk=congress.pk).update(
        state=CongressState.APPROVED, approved_on=approved_on, approved_by=decided_by, approval_document_no=document_no
    )
    counts["CommitteeAppointment"] = len(appointments)
    return counts


def _election(congress, body, seats, candidates, facts, attendance, rng) -> dict:
    poll = Poll.objects.create(
        kind=PollKind.ELECTION,
        organization=congress.organization,
        congress=congress,
        title=f"Bầu {Body(body).label}, {congress.organization.name}, nhiệm kỳ {congress.term}",
        body=body,
        rule=rules.RULE,
        held_on=congress.opens_on,
        seats=seats,
        method=CountMethod.PAPER,
        state=PollState.PUBLISHED,
    )
    participations = [
        Participation(
            poll=poll,
            member_id=f.member_id,
            name=f.name,
            present=attendance[f.member_id] == rules.Attendance.PRESENT,
            excluded=rules.exclusion_of(f, attendance[f.member_id]),
        )
        for f in facts
    ]
    bulk.create(Participation, participations)
    convened = len(participations)
    present = sum(1 for p in participations if p.present)
    base = sum(1 for p in participations if not p.excluded)
    invalid = 1 if present > 20 and rng.random() < 0.3 else 0
    valid = present - invalid
    ordered = sorted(candidates, key=lambda f: rules._given_name(f.name))
    options = []
    for order, f in enumerate(ordered, 1):
        options.append(
            PollOption(poll=poll, member_id=f.member_id, name=f.name, order=order, nominated_by=Nomination.CONVENING)
        )
    # Votes: the list's favourites near all valid ballots, the surplus names well short of half of the base.
    shuffled = options[:]
    rng.shuffle(shuffled)
    for rank, option in enumerate(shuffled):
        if rank < seats:
            option.votes = max(base // 2 + 1, valid - rng.randint(0, max(1, valid // 8)))
            option.votes = min(option.votes, valid)
        else:
            option.votes = rng.randint(max(0, base // 4), base // 2)
    ranked = sorted(options, key=lambda o: -o.votes)
    elected = [o for o in ranked[:seats] if 2 * o.votes > base]
    for option in options:
        option.elected = option in elected
    bulk.create(PollOption, options)
    Poll.objects.filter(pk=poll.pk).update(
        convened=convened,
        present=present,
        base=base,
        ballots_issued=present,
        ballots_collected=present,
        ballots_valid=valid,
        ballots_invalid=invalid,
    )
    return {"elected": elected, "options": len(options)}
