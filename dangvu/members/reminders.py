"""What a member's record can trigger: the end of probation, a party badge due.

Both read the derived dates the member services keep on the record (`probation_ends_on`: 12 months after the
admission decision; `next_badge_on`/`next_badge_years`: the next badge milestone), from the covering index of the
dashboard's membership warnings, with `.iterator()`: the province's 60,000 members are never in memory at once.
"""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.members.models import ACTIVE_STATUSES, Member, Status
from dangvu.notifications.triggers import Audience, Occurrence, trigger

CHUNK = 2000


def _member_url(member_id: int) -> str:
    return reverse("members:detail", kwargs={"pk": member_id})


def _probation_still_due(key: str) -> bool:
    # "member:7:probation:2026-05-01": still probationary, and the end date has not moved.
    _kind, member_id, _what, day = key.split(":")
    return Member.objects.filter(
        pk=int(member_id), status=Status.PROBATIONARY, probation_ends_on=dt.date.fromisoformat(day)
    ).exists()


@trigger(
    "members.probation_ending",
    _("Probation ending"),
    audiences=(Audience.MEMBER, Audience.CELL_SECRETARY, Audience.COMMITTEE),
    still_due=_probation_still_due,
)
def probation_ending(anchor_day: dt.date):
    """Probationary members whose 12 months of probation end on `anchor_day` (the cell then considers and votes on
    their full membership)."""
    rows = Member.objects.filter(
        status=Status.PROBATIONARY, probation_ends_on=anchor_day, organization__isnull=False
    ).values_list("pk", "full_name", "organization_id")
    for member_id, name, cell_id in rows.iterator(chunk_size=CHUNK):
        yield Occurrence(
            key=f"member:{member_id}:probation:{anchor_day.isoformat()}",
            on=anchor_day,
            title=_("Probation of %(name)s ends on %(date)s") % {"name": name, "date": f"{anchor_day:%d/%m/%Y}"},
            organization_id=cell_id,
            member_id=member_id,
            body=_("The cell considers the full membership and sends its resolution to the committee."),
            url=_member_url(member_id),
        )


def _badge_still_due(key: str) -> bool:
    # "member:7:badge:30:2026-05-01": still a member, the same milestone on the same day (not yet awarded).
    _kind, member_id, _what, years, day = key.split(":")
    return Member.objects.filter(
        pk=int(member_id),
        status__in=ACTIVE_STATUSES,
        next_badge_years=int(years),
        next_badge_on=dt.date.fromisoformat(day),
    ).exists()


@trigger(
    "members.badge_due",
    _("Party badge due"),
    audiences=(Audience.MEMBER, Audience.CELL_SECRETARY, Audience.COMMITTEE),
    still_due=_badge_still_due,
)
def badge_due(anchor_day: dt.date):
    """Members who reach the seniority of their next party badge (30, 40, 45 … years) on `anchor_day`."""
    rows = Member.objects.filter(
        status__in=ACTIVE_STATUSES, next_badge_on=anchor_day, next_badge_years__isnull=False, organization__isnull=False
    ).values_list("pk", "full_name", "organization_id", "next_badge_years")
    for member_id, name, cell_id, years in rows.iterator(chunk_size=CHUNK):
        yield Occurrence(
            key=f"member:{member_id}:badge:{years}:{anchor_day.isoformat()}",
            on=anchor_day,
            title=_("%(name)s is due the %(years)s-year party badge on %(date)s")
            % {"name": name, "years": years, "date": f"{anchor_day:%d/%m/%Y}"},
            organization_id=cell_id,
            member_id=member_id,
            url=_member_url(member_id),
        )
