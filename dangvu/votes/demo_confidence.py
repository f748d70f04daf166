"""Demo confidence votes: the year's round of votes (QĐ 96-QĐ/TW) in most base organizations whose committee posts
are held, with realistic tallies (most "high", a few "low", now and then someone over the thresholds), counted
and published; a few units have not held theirs, as in the reports ("Có 42/46 đơn vị thực hiện").

Called from the votes app's `demo_data.seed` (owned by the congress part): `seed_confidence(context)`."""

import datetime as dt

from django.db.models import Q

from dangvu.votes import confidence
from dangvu.votes.models import CountMethod

MAX_ROUNDS = {"small": 12, "bloc": 40, "province": 60, "country": 60}
HELD_SHARE = 0.9  # about one unit in ten has not held its vote yet


def _vote_year(until: dt.date) -> int:
    return until.year if until >= dt.date(until.year, 12, 20) else until.year - 1


def seed_confidence(context) -> dict[str, int]:
    from dangvu.cadres.models import CommitteeAppointment
    from dangvu.organizations.models import BASE_KINDS, Organization

    rng = context.rng
    year = _vote_year(context.until)
    day = dt.date(year, 12, 1)
    with_posts = (
        CommitteeAppointment.objects.filter(decided_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        .values("organization_id")
    )
    bases = list(
        Organization.objects.filter(pk__in=with_posts, kind__in=BASE_KINDS, deleted_at__isnull=True).order_by("path")
    )[: MAX_ROUNDS[context.size]]
    rounds = people = 0
    for number, base in enumerate(bases, start=1):
        if rng.random() > HELD_SHARE and rounds:
            continue
        held_on = day + dt.timedelta(days=rng.randint(0, 18))
        while held_on.weekday() >= 5:
            held_on += dt.timedelta(days=1)
        poll = _round(base, held_on, number, rng)
        if poll is not None:
            rounds += 1
            people += poll.options.count()
    context.log(f"votes: {rounds} confidence votes, {people} people voted on")
    return {"Poll (confidence)": rounds, "PollOption (confidence)": people}


def _round(base, held_on, number, rng):
    from django.core.exceptions import ValidationError

    kind = "Đảng bộ" if base.kind == "base_party_committee" else "Chi bộ"
    try:
        poll = confidence.create_round(
            organization=base,
            held_on=held_on,
            conference=f"Hội nghị {kind} mở rộng lấy phiếu tín nhiệm năm {held_on.year}",
            voters=confidence.Voters.MEMBERS,
            method=CountMethod.PAPER,
            user=None,
        )
    except ValidationError:
        return None  # nobody to vote on that day (all appointed in the year), or nobody to vote
    participations = list(poll.participations.all())
    absent = rng.randint(0, max(0, len(participations) // 10))
    present = [p.member_id for p in participations[absent:]]
    confidence.set_presence(poll=poll, present_ids=present, user=None)
    if not confidence.quorum_met(poll.present, poll.convened):
        return None
    confidence.start(poll=poll, user=None)
    collected = poll.present - (1 if poll.present > 12 and rng.random() < 0.3 else 0)
    invalid = 1 if collected > 15 and rng.random() < 0.4 else 0
    valid = collected - invalid
    levels = {}
    for index, option in enumerate(poll.options.all()):
        # One person in a dozen rounds fares badly; otherwise most ballots say "high".
        if number % 12 == 5 and index == 0:
            low = valid * 2 // 3 + 1 if number % 24 == 5 else valid // 2 + 1
        else:
            low = rng.randint(0, max(0, valid // 12))
        high = rng.randint((valid - low) * 6 // 10, valid - low)
        levels[option.pk] = (high, valid - low - high, low)
    confidence.record_totals(
        poll=poll,
        user=None,
        issued=poll.present,
        collected=collected,
        valid=valid,
        invalid=invalid,
        levels=levels,
    )
    confidence.finish(poll=poll, user=None)
    if rng.random() < 0.85:
        confidence.publish(poll=poll, user=None)
    for option in poll.options.exclude(outcome="kept"):
        follow_up = (
            "Ban Thường vụ xem xét cho thôi giữ chức vụ theo Quy định 96-QĐ/TW."
            if option.outcome == "two_thirds_low"
            else "Đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét bố trí công tác khác."
        )
        confidence.record_follow_up(option=option, text=follow_up, user=None)
    return poll
