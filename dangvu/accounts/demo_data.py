"""Demo accounts of the members (issue 17 point 1): about 90 % of the live members have activated an account
(password "demo", username their card number), most of the others hold a code (some expired), and a few members
who left have a suspended account. Bulk-created: one password hash for every account, codes hashed with an HMAC.
The demo logins (dangvien, bithuchibo) already have their accounts and are left as they are.
"""

import datetime as dt
import time
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from dangvu.accounts.activation import hash_code, new_code
from dangvu.accounts.models import ActivationCode, MemberAccountState, Role, SuspendedBecause, User
from dangvu.lib import bulk
from dangvu.members.models import ACTIVE_STATUSES, Member

ACTIVATED_SHARE = 0.9
CODE_SHARE = 0.7  # of the members not activated
EXPIRED_SHARE = 0.3  # of those codes
SUSPENDED_LEFT = 40  # members who left with a suspended account


def seed(context) -> Counter:
    started = time.perf_counter()
    rng = context.rng
    now = timezone.now()
    today = timezone.localdate()
    password = make_password("demo")
    taken = set(User.objects.values_list("member_id", flat=True).exclude(member_id=None))
    live = [
        m
        for m in Member.objects.filter(status__in=ACTIVE_STATUSES)
        .order_by("pk")
        .values_list("pk", "card_number", "organization_id", "full_name")
        if m[0] not in taken
    ]
    users, codes = [], []
    for pk, card, cell, name in live:
        roll = rng.random()
        if roll < ACTIVATED_SHARE:
            users.append(_account(pk, card, name, password, now, active=True))
        elif rng.random() < CODE_SHARE:
            expired = rng.random() < EXPIRED_SHARE
            issued = now - dt.timedelta(days=rng.randint(35, 60) if expired else rng.randint(1, 20))
            codes.append(
                ActivationCode(
                    member_id=pk,
                    organization_id=cell,
                    code_hash=hash_code(new_code()),
                    issued_at=issued,
                    expires_on=timezone.localdate(issued) + dt.timedelta(days=30),
                )
            )
    left = list(
        Member.objects.exclude(status__in=ACTIVE_STATUSES)
        .exclude(status="none")
        .exclude(pk__in=taken)
        .order_by("-pk")
        .values_list("pk", "card_number", "full_name", "status")[:SUSPENDED_LEFT]
    )
    suspended = [_account(pk, card, name, password, now, active=False) for pk, card, name, _status in left]
    bulk.create(User, users + suspended, batch_size=2000)
    ids = dict(User.objects.filter(member_id__in=[m[0] for m in left]).values_list("member_id", "pk"))
    states = [
        MemberAccountState(
            user_id=ids[pk],
            suspended_at=now,
            suspended_because=status if status in SuspendedBecause.values else SuspendedBecause.NOT_A_MEMBER,
        )
        for pk, _card, _name, status in left
    ]
    bulk.create(MemberAccountState, states)
    bulk.create(ActivationCode, codes, batch_size=2000)
    expired = sum(1 for c in codes if c.expires_on < today)
    context.log(
        f"accounts: {len(users)} active, {len(suspended)} suspended, {len(codes)} codes "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return Counter({"User": len(users) + len(suspended), "ActivationCode": len(codes), "expired_codes": expired})


def _account(pk, card, name, password, now, *, active: bool) -> User:
    family, _, given = name.rpartition(" ")
    return User(
        username=card or f"dv{pk:06d}",
        password=password,
        role=Role.MEMBER,
        member_id=pk,
        first_name=given,
        last_name=family,
        is_active=active,
        date_joined=now - dt.timedelta(days=30),
    )
