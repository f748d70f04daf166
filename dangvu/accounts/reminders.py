"""Trigger `accounts.activation_pending`: a member's activation code is still unused a week after it was issued.

Rule: the occurrences of anchor day D are the live codes (not used, not revoked) issued on D - 7
(DANGVU_ACTIVATION_REMINDER_DAYS) and still valid on D, of members without an active account. A member without an
account cannot be reached in the app, so the audiences are the cell secretary (who hands out the slips) and the
committee; a rule's offset moves the reminder later (e.g. +14: three weeks after issue). `still_due` asks again,
just before sending, whether the member is still not activated and the code still live.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.accounts.models import ActivationCode, User
from dangvu.notifications.triggers import Audience, Occurrence, trigger


def reminder_days() -> int:
    return int(getattr(settings, "DANGVU_ACTIVATION_REMINDER_DAYS", 7))


def _key(code: ActivationCode) -> str:
    return f"member:{code.member_id}:activation:{code.pk}"


def _still_due(key: str) -> bool:
    try:
        member_id, code_id = int(key.split(":")[1]), int(key.split(":")[3])
    except (IndexError, ValueError):
        return False
    live = ActivationCode.objects.filter(pk=code_id, used_at__isnull=True, revoked_at__isnull=True).exists()
    return live and not User.objects.filter(member_id=member_id, is_active=True).exists()


@trigger(
    "accounts.activation_pending",
    gettext_lazy("Account not activated"),
    audiences=(Audience.CELL_SECRETARY, Audience.COMMITTEE),
    still_due=_still_due,
)
def activation_pending(anchor_day: dt.date):
    issued_on = anchor_day - dt.timedelta(days=reminder_days())
    start = timezone.make_aware(dt.datetime.combine(issued_on, dt.time.min))
    codes = (
        ActivationCode.objects.filter(
            issued_at__gte=start,
            issued_at__lt=start + dt.timedelta(days=1),
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_on__gte=anchor_day,
        )
        .exclude(member__account__is_active=True)
        .select_related("member")
        .only("pk", "member_id", "organization_id", "expires_on", "member__full_name")
        .order_by("pk")
    )
    url = reverse("accounts:cell_accounts")
    for code in codes.iterator(chunk_size=2000):
        yield Occurrence(
            key=_key(code),
            on=anchor_day,
            title=_("%(name)s has not activated their account yet (code valid until %(day)s)")
            % {"name": code.member.full_name, "day": f"{code.expires_on:%d/%m/%Y}"},
            organization_id=code.organization_id,
            member_id=code.member_id,
            url=url,
        )
