import datetime as dt

import factory

from dangvu.members.models import EventKind, Member, Sex
from dangvu.members.services import member_create, member_event_record
from dangvu.organizations.models import Organization


class MemberRecordFactory(factory.DictFactory):
    """Personal-record fields for `member_create`."""

    full_name = factory.Iterator(["Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường", "Phạm Thị Dung"])
    sex = factory.LazyAttribute(lambda o: Sex.FEMALE if " Thị " in f" {o.full_name} " else Sex.MALE)
    date_of_birth = dt.date(1985, 6, 15)
    ethnicity = "Kinh"
    religion = "Không"


def admit(
    organization: Organization,
    *,
    on: dt.date = dt.date(2020, 3, 2),
    ceremony_on: dt.date | None = None,
    full: bool = True,
    by=None,
    **record,
) -> Member:
    """A member admitted in `organization` on `on`, made full after probation unless `full=False`."""
    data = MemberRecordFactory(**record)
    member = member_create(
        by=by,
        data=data,
        first_event={
            "kind": EventKind.ADMITTED,
            "on": on,
            "organization": organization,
            "document_no": "01-QĐ/ĐU",
            "ceremony_on": ceremony_on or on,
        },
    )
    if full:
        probation_end = (ceremony_on or on).replace(year=(ceremony_on or on).year + 1)
        member_event_record(member=member, kind=EventKind.MADE_FULL, on=probation_end, document_no="02-QĐ/ĐU", by=by)
        member.refresh_from_db()
    return member
