"""Accounts for every member: activation codes, activating an account with one, and the rate limit of attempts.

A code is printed once, on the cell's sheet, when it is issued; the database keeps only a keyed hash of it
(HMAC with the SECRET_KEY), so a copy of the database does not give the codes away and a code typed in is
found by its hash. A member has at most one live code; issuing again revokes the previous one. A code is
used once, and expires DANGVU_ACTIVATION_CODE_DAYS days after it was issued (the last valid day is printed).

Activating asks for the code and the member's card number or national ID: every refusal says the same thing
(which part was wrong is not told), and counts against the caller's address and against the code and the
identity number typed in; past the limits the page answers 429 until the window has passed.
"""

import datetime as dt
import hashlib
import re
import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from dangvu.accounts.models import ActivationCode, ActivationFailure, RevokedBecause, Role, User
from dangvu.members.models import ACTIVE_STATUSES, Member

# No 0/O, 1/I/L: a code read off paper and typed on a phone has no look-alike letters.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
GROUPS = (4, 4, 2)  # K7PM-4XQA-9T


class ActivationRefused(Exception):
    """The code, or the identity that goes with it, does not open an account (deliberately not saying which)."""


class ActivationLocked(Exception):
    """Too many refused attempts from this address or for this code or identity number."""


def code_days() -> int:
    return int(getattr(settings, "DANGVU_ACTIVATION_CODE_DAYS", 30))


def failure_limit() -> int:
    return int(getattr(settings, "DANGVU_ACTIVATION_FAILURE_LIMIT", 5))


def address_failure_limit() -> int:
    return int(getattr(settings, "DANGVU_ACTIVATION_ADDRESS_FAILURE_LIMIT", 20))


def lock_minutes() -> int:
    return int(getattr(settings, "DANGVU_ACTIVATION_LOCK_MINUTES", 15))


# --- Codes ----------------------------------------------------------------------------------------


def expiry(today: dt.date) -> dt.date:
    """The last day on which a code issued on `today` opens an account."""
    return today + dt.timedelta(days=code_days())


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    parts, at = [], 0
    for size in GROUPS:
        parts.append(code[at : at + size])
        at += size
    return "-".join(parts)


def normalize_code(typed: str) -> str:
    """What a member typed, as the code: case, spaces and dashes do not matter."""
    return re.sub(r"[^0-9A-Z]", "", (typed or "").upper())


def hash_code(code: str) -> str:
    return salted_hmac("dangvu.accounts.activation", normalize_code(code), algorithm="sha256").hexdigest()


def members_to_invite(cell):
    """Live members (full and probationary) of the cell without an active account, in the register's order."""
    return (
        Member.objects.filter(organization=cell, status__in=ACTIVE_STATUSES)
        .exclude(account__is_active=True)
        .order_by("sort_key", "pk")
    )


@transaction.atomic
def issue_activation_codes(*, cell, by: User | None, members=None, today: dt.date | None = None) -> list[tuple]:
    """New codes for `members` (default: every live member of the cell without an active account), revoking
    their live codes. Returns (member, printed code) pairs: the only time the codes exist in the clear. The
    codes are valid until `expiry(today)`."""
    now = timezone.now()
    today = today or timezone.localdate()
    chosen = members_to_invite(cell)
    if members is not None:
        chosen = chosen.filter(pk__in=[getattr(m, "pk", m) for m in members])
    chosen = list(chosen)
    for old in ActivationCode.objects.filter(
        member__in=chosen, used_at__isnull=True, revoked_at__isnull=True
    ).select_for_update():
        old.revoked_at, old.revoked_because = now, RevokedBecause.REISSUED
        old._history_user = by
        old.save(update_fields=["revoked_at", "revoked_because"])
    expires_on = expiry(today)
    issued = []
    for member in chosen:
        code = new_code()
        row = ActivationCode(
            member=member,
            organization=cell,
            code_hash=hash_code(code),
            issued_by=by if by is not None and by.pk else None,
            issued_at=now,
            expires_on=expires_on,
        )
        row._history_user = by
        row.save()
        issued.append((member, format_code(code)))
    return issued


def revoke_codes(member_ids, *, because: str) -> int:
    now = timezone.now()
    rows = ActivationCode.objects.filter(member_id__in=member_ids, used_at__isnull=True, revoked_at__isnull=True)
    count = 0
    for row in rows:
        row.revoked_at, row.revoked_because = now, because
        row.save(update_fields=["revoked_at", "revoked_because"])
        count += 1
    return count


# --- Rate limit -----------------------------------------------------------------------------------


def _targets(code: str, identifier: str) -> list[str]:
    """What the attempts are counted against besides the address: the code and the identity number typed in
    (hashed: the table keeps no national ID)."""
    targets = []
    if normalize_code(code):
        targets.append("c:" + hash_code(code)[:40])
    digits = re.sub(r"\D", "", identifier or "")
    if digits:
        targets.append("i:" + hashlib.sha256(digits.encode()).hexdigest()[:40])
    return targets


def is_locked(*, ip_address: str, code: str, identifier: str) -> bool:
    since = timezone.now() - dt.timedelta(minutes=lock_minutes())
    recent = ActivationFailure.objects.filter(at__gte=since)
    if recent.filter(ip_address=ip_address).count() >= address_failure_limit():
        return True
    targets = _targets(code, identifier)
    return bool(targets) and any(recent.filter(target=t).count() >= failure_limit() for t in targets)


def record_failure(*, ip_address: str, code: str, identifier: str) -> None:
    now = timezone.now()
    # Old rows serve no lock any more.
    ActivationFailure.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    ActivationFailure.objects.bulk_create(
        [ActivationFailure(ip_address=ip_address, target=t) for t in _targets(code, identifier) or ["-"]]
    )


# --- Activating -----------------------------------------------------------------------------------


def _identity_matches(member: Member, identifier: str) -> bool:
    digits = re.sub(r"\s", "", identifier or "")
    if not digits.isdigit():
        return False
    if len(digits) == 8:
        return bool(member.card_number) and member.card_number == digits
    if len(digits) == 12:
        return bool(member.national_id) and member.national_id == digits
    return False


def find_code(*, code: str, identifier: str, today: dt.date | None = None) -> ActivationCode:
    """The live, unexpired code typed in, if the identity number is the member's; else ActivationRefused."""
    today = today or timezone.localdate()
    if not normalize_code(code):
        raise ActivationRefused
    row = (
        ActivationCode.objects.select_related("member")
        .filter(code_hash=hash_code(code), used_at__isnull=True, revoked_at__isnull=True, expires_on__gte=today)
        .first()
    )
    if row is None or row.member.deleted_at is not None or row.member.status not in ACTIVE_STATUSES:
        raise ActivationRefused
    if not _identity_matches(row.member, identifier):
        raise ActivationRefused
    return row


def username_for(member: Member) -> str:
    """The card number when the member has one and no other account took it; else a stable generated name."""
    if member.card_number and not User.objects.filter(username=member.card_number).exclude(member=member).exists():
        return member.card_number
    return f"dv{member.pk:06d}"


def check_password(password: str, member: Member) -> None:
    """Django's validators (AUTH_PASSWORD_VALIDATORS), measured against the member's own names and numbers."""
    probe = User(username=username_for(member), first_name=member.full_name)
    validate_password(password, user=probe)


@transaction.atomic
def activate(*, code: ActivationCode, password: str) -> User:
    """Make (or reopen) the member's account with `password`, and use the code. Raises ActivationRefused when
    the code was used meanwhile."""
    row = ActivationCode.objects.select_for_update().filter(pk=code.pk, used_at__isnull=True).first()
    if row is None:
        raise ActivationRefused
    member = Member.objects.get(pk=row.member_id)
    account = User.objects.filter(member=member).first()
    if account is None:
        account = User(username=username_for(member), role=Role.MEMBER, member=member)
    names = member.full_name.rsplit(" ", 1)
    account.first_name, account.last_name = (names[-1], names[0]) if len(names) == 2 else (member.full_name, "")
    account.is_active = True
    account.set_password(password)
    account._change_reason = "activation code"
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError as error:  # the username was taken between the check and the save
        raise ActivationRefused from error
    row.used_at, row.account = timezone.now(), account
    row._history_user = account
    row.save(update_fields=["used_at", "account"])
    return account


# --- Phone numbers (login) ------------------------------------------------------------------------


def normalize_phone(typed: str) -> str:
    """A phone number as the login compares it: digits only, +84 / 84 turned into the leading 0."""
    digits = re.sub(r"[\s.\-()]", "", typed or "")
    if digits.startswith("+"):
        digits = digits[1:]
        if digits.startswith("84"):
            digits = "0" + digits[2:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if digits.isdigit() else ""
