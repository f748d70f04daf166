"""Builders for the congress tests: an organization with full members, a congress, an election with candidates."""

import datetime as dt

from dangvu.members.tests.factories import admit
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.tests.factories import make_org
from dangvu.votes import congress as rules
from dangvu.votes.models import Body

OPENS = dt.date(2025, 5, 20)
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Đức Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Hoa",
    "Đỗ Văn Khánh",
    "Ngô Thị Lan",
    "Dương Văn Minh",
    "Lý Thị Ngọc",
]


def organization_with_members(n: int = 10, *, kind=OrganizationKind.BASE_CELL, code="CB1"):
    top = make_org(None, name="Đảng bộ Khối", code=f"K{code}")
    if kind == OrganizationKind.CELL:
        top = make_org(top, kind=OrganizationKind.BASE_PARTY_COMMITTEE, name="Đảng bộ cơ sở", code=f"B{code}")
    org = make_org(top, kind=kind, name=f"Chi bộ {code}", code=code)
    members = [
        admit(org, full_name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f" {i}"), national_id=f"0010850{i:05d}")
        for i in range(n)
    ]
    return top, org, members


def congress_of(org, *, by=None, opens_on=OPENS, term="2025-2030"):
    return rules.congress_save(by=by, organization=org, term=term, opens_on=opens_on, place="Hội trường")


def election(congress, members, *, seats=3, candidates=3, by=None, body=Body.COMMITTEE):
    poll = rules.poll_create(by=by, congress=congress, body=body, seats=seats)
    for member in members[:candidates]:
        rules.candidate_add(by=by, poll=poll, member=member)
    return poll
