"""A base organization whose committee posts are held, for the confidence-vote tests and access rows."""

import datetime as dt

from dangvu.cadres.services import appointment_record
from dangvu.members.tests.factories import admit

HELD_ON = dt.date(2025, 12, 10)


def appoint(org, member, position, on=dt.date(2024, 6, 3), **extra):
    return appointment_record(
        by=None,
        organization=org,
        member=member,
        position=position,
        kind="appointed",
        decided_by="Ban Thường vụ Đảng ủy Khối",
        decided_on=on,
        document_no="15-QĐ/ĐUK",
        **extra,
    )


def committee_of(
    org, cell, *, names=("Phạm Văn Hải", "Vũ Thị Lan", "Đỗ Minh Quân", "Hoàng Thu Trang"), with_secretary=True
):
    """Members of `cell` holding the committee posts of `org`: a secretary, a deputy, then executive members."""
    members = [admit(cell, full_name=name) for name in names]
    positions = (["secretary", "deputy_secretary"] if with_secretary else ["executive"] * 2) + ["executive"] * (
        len(members) - 2
    )
    for member, position in zip(members, positions, strict=True):
        appoint(org, member, position)
    return members


def rounds_in_every_state(org, user):
    """Confidence rounds of `org` (whose committee is appointed) in each state, for access rows and screens."""
    from dangvu.votes import confidence
    from dangvu.votes.models import CountMethod

    def new(method=CountMethod.PAPER):
        return confidence.create_round(
            organization=org, held_on=HELD_ON, conference="Hội nghị Ban Chấp hành", method=method, user=user
        )

    def counted(poll):
        n = poll.present
        levels = {o.pk: (n - 1, 1, 0) for o in poll.options.all()}
        confidence.record_totals(poll=poll, user=user, issued=n, collected=n, valid=n, invalid=0, levels=levels)
        return poll

    created = new()
    started = counted(confidence.start(poll=new(), user=user))
    ballots = confidence.start(poll=new(CountMethod.BALLOTS), user=user)
    finished = confidence.finish(poll=counted(confidence.start(poll=new(), user=user)), user=user)
    published = confidence.publish(
        poll=confidence.finish(poll=counted(confidence.start(poll=new(), user=user)), user=user), user=user
    )
    return {"created": created, "started": started, "ballots": ballots, "finished": finished, "published": published}
