"""Writes of the notifications app: rules (with history), reading notifications, the digest preference."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from dangvu.accounts.policy import may_edit_notification_rule
from dangvu.notifications.models import Notification, Preference, Rule

RULE_FIELDS = ("trigger", "name", "offset_days", "audience", "channel", "active", "organization")


@transaction.atomic
def rule_save(*, rule: Rule | None = None, by, **values) -> Rule:
    rule = rule or Rule()
    for name in RULE_FIELDS:
        if name in values:
            setattr(rule, name, values[name])
    if not may_edit_notification_rule(by, rule):
        raise PermissionDenied
    rule._history_user = by
    rule.save()
    return rule


def mark_read(*, notification: Notification, by) -> Notification:
    if notification.recipient_id != by.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, by) -> int:
    return Notification.objects.filter(recipient=by, in_inbox=True, read_at__isnull=True).update(read_at=timezone.now())


def set_digest(*, by, daily_digest: bool) -> Preference:
    preference, _created = Preference.objects.update_or_create(user=by, defaults={"daily_digest": daily_digest})
    return preference
