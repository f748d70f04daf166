"""Accounts follow their member's record (issue 17 point 1).

Whenever the member services rewrite a member's spells (an event recorded, deleted or restored, the record
edited, deleted or restored) they send `members.signals.spells_rewritten`; here the portal accounts of those
members are brought in line:
- a member who no longer counts (removed, resigned, expelled, deceased, transferred out of the system, or a
  record deleted) has their account suspended (inactive: Django no longer lets its sessions in), the reason
  kept in `MemberAccountState` (with history), their live activation codes revoked, and a cell-secretary role
  given up;
- a member transferred within the tree keeps their account (it is tied to the member record, not to a cell),
  but a cell secretary whose record is no longer in the cell they keep goes back to a plain member account;
- a member who returns (re-admitted, transferred back, a record or an event restored) gets the account back.
Only portal accounts (members and cell secretaries) follow; staff accounts are the office's to manage.
"""

from django.utils import timezone

from dangvu.accounts.activation import revoke_codes
from dangvu.accounts.models import MemberAccountState, RevokedBecause, Role, SuspendedBecause, User
from dangvu.accounts.roles import PORTAL_ROLES
from dangvu.members.models import ACTIVE_STATUSES, Member


def _reason(member: Member) -> str:
    if member.deleted_at is not None:
        return SuspendedBecause.DELETED
    return member.status if member.status in SuspendedBecause.values else SuspendedBecause.NOT_A_MEMBER


def follow_members(member_ids) -> None:
    members = {m.pk: m for m in Member.all_objects.filter(pk__in=member_ids)}
    gone = [pk for pk, m in members.items() if m.deleted_at is not None or m.status not in ACTIVE_STATUSES]
    if gone:
        revoke_codes(gone, because=RevokedBecause.MEMBER_LEFT)
    for account in User.objects.filter(member_id__in=list(members), role__in=PORTAL_ROLES):
        member = members[account.member_id]
        state = MemberAccountState.objects.filter(user=account).first() or MemberAccountState(user=account)
        if member.pk in gone:
            _suspend(account, state, _reason(member))
        else:
            _resume(account, state, member)


def _give_up_cell(account: User, state: MemberAccountState, why: str) -> None:
    state.lost_role = account.role
    account.role, account.organization = Role.MEMBER, None
    account._change_reason = why


def _suspend(account: User, state: MemberAccountState, because: str) -> None:
    if not account.is_active and state.suspended_at:
        return
    if account.role == Role.CELL_SECRETARY:
        _give_up_cell(account, state, "member left the registry")
    account.is_active = False
    account._change_reason = f"member left the registry: {because}"
    account.save()
    state.suspended_at, state.suspended_because = timezone.now(), because
    state.save()


def _resume(account: User, state: MemberAccountState, member: Member) -> None:
    changed = False
    if account.role == Role.CELL_SECRETARY and account.organization_id != member.organization_id:
        _give_up_cell(account, state, "cell secretary no longer in the cell")
        changed = True
    if state.suspended_at and not account.is_active:
        account.is_active = True
        account._change_reason = "member back in the registry"
        state.suspended_at, state.suspended_because = None, ""
        changed = True
    if changed:
        account.save()
        state.save()


def on_spells_rewritten(*, member_ids, **kwargs) -> None:
    follow_members(member_ids)
