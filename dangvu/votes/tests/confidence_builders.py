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


def committee_of(org, cell, *, names=("Phạm Văn Hải", "Vũ Thị Lan", "Đỗ Minh Quân", "Hoàng Thu Trang")):
    """Members of `cell` holding the committee posts of `org`: a secretary, a deputy, then executive members."""
    members = [admit(cell, full_name=name) for name in names]
    positions = ["secretary", "deputy_secretary"] + ["executive"] * (len(members) - 2)
    for member, position in zip(members, positions, strict=True):
        appoint(org, member, position)
    return members
