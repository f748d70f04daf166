"""Reads of the members' accounts (issue 17 point 1): who has activated, who holds a code, who is suspended.

The office sees the members of its subtree; a cell secretary the members of their cell. A member's state:
- none: no account and no live code;
- code issued: a live code (not used, not revoked) not yet expired;
- code expired: a live code past its last valid day;
- active: an active account;
- suspended: an inactive account and no live code (the account of a member who left, or one the office
  closed).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.models import ActivationCode, User
from dangvu.accounts.policy import organization_filter, secretary_cell
from dangvu.lib.vntext import fold
from dangvu.members.models import ACTIVE_STATUSES, Member
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


class State:
    NONE = "none"
    CODE_ISSUED = "code_issued"
    CODE_EXPIRED = "code_expired"
    ACTIVE = "active"
    SUSPENDED = "suspended"

    choices = (
        (NONE, _("No account, no code")),
        (CODE_ISSUED, _("Code issued")),
        (CODE_EXPIRED, _("Code expired")),
        (ACTIVE, _("Active account")),
        (SUSPENDED, _("Suspended account")),
    )
    labels = dict(choices)


@dataclass
class AccountFilters:
    q: str = ""
    organization: Organization | None = None
    state: str = ""


def _annotated(members: QuerySet, today: dt.date) -> QuerySet:
    live_code = ActivationCode.objects.filter(member=OuterRef("pk"), used_at__isnull=True, revoked_at__isnull=True)
    return members.annotate(
        account_active=Exists(User.objects.filter(member=OuterRef("pk"), is_active=True)),
        account_suspended=Exists(User.objects.filter(member=OuterRef("pk"), is_active=False)),
        code_expires_on=Subquery(live_code.values("expires_on")[:1]),
        code_issued_at=Subquery(live_code.values("issued_at")[:1]),
    )


def _state_q(state: str, today: dt.date) -> Q:
    """The rows `state_of` names `state`, as a condition on the annotations (codes are revoked when a member
    leaves, so only live members hold one)."""
    waiting = Q(status__in=ACTIVE_STATUSES, account_active=False)
    if state == State.ACTIVE:
        return Q(account_active=True)
    if state == State.CODE_ISSUED:
        return waiting & Q(code_expires_on__gte=today)
    if state == State.CODE_EXPIRED:
        return waiting & Q(code_expires_on__lt=today)
    if state == State.SUSPENDED:
        return Q(account_active=False, account_suspended=True, code_expires_on__isnull=True)
    if state == State.NONE:
        return waiting & Q(account_suspended=False, code_expires_on__isnull=True)
    return Q()


def state_of(row, today: dt.date) -> str:
    if row.account_active:
        return State.ACTIVE
    if row.code_expires_on is not None and row.status in ACTIVE_STATUSES:
        return State.CODE_ISSUED if row.code_expires_on >= today else State.CODE_EXPIRED
    if row.account_suspended:
        return State.SUSPENDED
    return State.NONE


def member_accounts(*, user: User, filters: AccountFilters, today: dt.date | None = None) -> QuerySet[Member]:
    """The members whose accounts the user follows: live members of the subtree (or of the cell secretary's
    cell), and members who left with a suspended account; annotated for `state_of`."""
    today = today or timezone.localdate()
    cell = secretary_cell(user)
    if cell is not None:
        scope = Q(last_organization=cell)
    elif user.is_authenticated and user.is_scoped:
        scope = organization_filter(user, "last_organization__")
    else:
        return Member.objects.none()
    members = Member.objects.filter(scope)
    members = members.filter(Q(status__in=ACTIVE_STATUSES) | Q(account__isnull=False))
    for token in fold(filters.q).split():
        members = members.filter(search_text__contains=token)
    if filters.organization is not None:
        members = members.filter(last_organization__path__startswith=filters.organization.path)
    members = _annotated(members, today)
    if filters.state:
        members = members.filter(_state_q(filters.state, today))
    return members.select_related("last_organization").order_by("last_organization__path", "sort_key", "pk")


def cell_counts(cell, today: dt.date | None = None) -> dict:
    """Live members of a cell, how many have an active account, and how many hold a valid code (one query)."""
    today = today or timezone.localdate()
    rows = _annotated(Member.objects.filter(organization=cell, status__in=ACTIVE_STATUSES), today)
    counts = {"members": 0, "active": 0, "code_issued": 0}
    for row in rows.values("account_active", "code_expires_on"):
        counts["members"] += 1
        if row["account_active"]:
            counts["active"] += 1
        elif row["code_expires_on"] and row["code_expires_on"] >= today:
            counts["code_issued"] += 1
    return counts


def cells_for(user: User) -> QuerySet[Organization]:
    """The member-holding organizations the user may issue codes for."""
    cell = secretary_cell(user)
    if cell is not None:
        return Organization.objects.filter(pk=cell.pk)
    if not (user.is_authenticated and user.is_scoped):
        return Organization.objects.none()
    return Organization.objects.filter(
        organization_filter(user), kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True
    ).order_by("path")
