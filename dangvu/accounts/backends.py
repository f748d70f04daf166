"""Logging in with a party card number or a phone number instead of the username.

Kept after `axes.backends.AxesStandaloneBackend` in AUTHENTICATION_BACKENDS, so failures are still counted (and
locked) by django-axes under what was typed. A card number (8 digits) names the account of the member who holds
the card; a phone number names an account only when exactly one member account has it.
"""

import re

from django.contrib.auth.backends import ModelBackend
from django.db.models import F, Value
from django.db.models.functions import Replace

from dangvu.accounts.activation import normalize_phone
from dangvu.accounts.models import User
from dangvu.members.models import Member


def account_for_login(typed: str) -> User | None:
    """The member account named by a card number or a phone number, or None (unknown, or a phone shared)."""
    typed = (typed or "").strip()
    if re.fullmatch(r"\d{8}", typed):
        account = User.objects.filter(member__card_number=typed).first()
        if account is not None:
            return account
    phone = normalize_phone(typed)
    if len(phone) < 9:
        return None
    # Stored phones are written in several ways (spaces, dots, +84): compare the digits without separators
    # in the query (the last nine identify the number), then exactly in Python.
    digits = Replace(Replace(Replace(F("phone"), Value(" "), Value("")), Value("."), Value("")), Value("-"), Value(""))
    candidates = (
        Member.objects.filter(account__isnull=False)
        .exclude(phone="")
        .alias(digits=digits)
        .filter(digits__endswith=phone[-9:])
        .values_list("pk", "phone")
    )
    matching = [pk for pk, stored in candidates if normalize_phone(stored) == phone]
    if len(matching) != 1:
        return None
    return User.objects.filter(member_id=matching[0]).first()


class CardOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        if User.objects.filter(username=username).exists():
            return None  # a username: the ModelBackend's case
        account = account_for_login(username)
        if account is None:
            User().set_password(password)  # the same time as a wrong password (ModelBackend does this too)
            return None
        if account.check_password(password) and self.user_can_authenticate(account):
            return account
        return None
