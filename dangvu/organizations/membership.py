"""What the organization services and selectors need from the members app.

Members are recorded in organizations, so the members app imports this one and this one never imports the
members app: the members app plugs its side in when it is ready (`MembersConfig.ready` plugs
`members.for_organizations`)."""

import datetime as dt
from typing import Protocol

from django.db.models import QuerySet


class Members(Protocol):
    def spells_counting_on(self, on: dt.date) -> QuerySet:
        """The membership spells open on `on` (each counts its member in its organization)."""

    def recorded_in(self, organization) -> bool:
        """Whether any member event or spell was ever recorded in the organization."""

    def transfer_members(self, *, source, target, member_ids, on, by, document_no, note) -> int: ...

    def transfer_all_members(self, *, source, target, on, by, document_no, note) -> int: ...

    def transfer_all_members_out(self, *, organization, external_place, on, by, document_no) -> int: ...


_members: Members | None = None


def plug(members: Members) -> None:
    global _members
    _members = members


def members() -> Members:
    if _members is None:
        raise RuntimeError("The members app is not installed or not ready: it plugs itself in organizations.")
    return _members
