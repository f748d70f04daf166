import datetime as dt

import pytest
from django.core import mail

from dangvu.accounts.models import Role, User
from dangvu.notifications.models import Rule
from dangvu.notifications.triggers import TRIGGERS, Occurrence, Trigger

DAY = dt.date(2026, 5, 10)


class FailingBackend:
    """An e-mail backend whose every send fails (a mail server down)."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


@pytest.fixture(autouse=True)
def only_the_tests_rules(db):
    """The default rules of the data migration name the apps' real triggers, which would add their own
    notifications to what a test counts: switched off here, each test makes the rules it means."""
    Rule.objects.filter(organization=None).update(active=False)


@pytest.fixture
def register():
    """Register test triggers for the test; removed afterwards."""
    added = []

    def add(code, find, *, still_due=None, audiences=("member",)):
        TRIGGERS[code] = Trigger(code=code, label=code, find=find, audiences=audiences, still_due=still_due)
        added.append(code)

    yield add
    for code in added:
        TRIGGERS.pop(code, None)


def occurrences_for(organization, member=None, *, key="x", on_day=DAY):
    """A find() giving one occurrence dated `on_day` about `organization` (and `member`)."""

    def find(anchor):
        if anchor == on_day:
            yield Occurrence(
                key=key,
                on=anchor,
                title=f"Việc {key}",
                organization_id=organization.pk,
                member_id=member.pk if member else None,
                url="/handbook/",
            )

    return find


def rule(code, audience, offset=0, channel="both", **extra) -> Rule:
    return Rule.objects.create(
        trigger=code, name=f"{code} {audience}", audience=audience, offset_days=offset, channel=channel, **extra
    )


def account(member, *, email="", role=Role.MEMBER, organization=None, active=True, username=None):
    return User.objects.create(
        username=username or f"u{member.pk}",
        email=email,
        role=role,
        member=member,
        organization=organization,
        is_active=active,
    )
