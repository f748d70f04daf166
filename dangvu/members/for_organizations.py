"""The members app's side of `organizations.membership`: what the organization services ask of members."""

import datetime as dt

from django.db.models import QuerySet

from dangvu.members.models import MemberEvent, MembershipSpell
from dangvu.members.services import transfer_all_members, transfer_all_members_out, transfer_members
from dangvu.organizations.models import Organization

__all__ = ["recorded_in", "spells_counting_on", "transfer_all_members", "transfer_all_members_out", "transfer_members"]


def spells_counting_on(on: dt.date) -> QuerySet[MembershipSpell]:
    return MembershipSpell.objects.open_on(on)


def recorded_in(organization: Organization) -> bool:
    return MemberEvent.all_objects.filter(organization=organization).exists() or organization.spells.exists()
