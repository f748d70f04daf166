"""Reads of the notifications app, scoped to the user."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dangvu.accounts.policy import (
    may_manage_notification_rules,
    organization_filter,
    scope_root_path,
)
from dangvu.notifications.models import AudienceChoice, Channel, Delivery, Notification, Preference, Rule
from dangvu.notifications.triggers import TRIGGERS


def inbox(user) -> QuerySet:
    """The user's own notifications, unread first, newest first."""
    return (
        Notification.objects.filter(recipient=user, in_inbox=True)
        # Unread (no read_at) first on both databases: PostgreSQL puts NULLs last in an ascending order.
        .order_by(F("read_at").asc(nulls_first=True), "-created_at", "-pk")
        .only("pk", "title", "body", "url", "created_at", "read_at", "occurrence_on")
    )


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, in_inbox=True, read_at__isnull=True).count()


def notification_of(*, user, pk: int) -> Notification:
    """One of the user's own notifications (DoesNotExist for anyone else's)."""
    return Notification.objects.get(recipient=user, pk=pk)


def wants_digest(user) -> bool:
    return Preference.objects.filter(user=user, daily_digest=True).exists()


def trigger_choices() -> list[tuple[str, str]]:
    """The registered triggers, plus the codes rules already name (a trigger whose app is not installed)."""
    choices = {code: str(t.label) for code, t in TRIGGERS.items()}
    for code in Rule.objects.values_list("trigger", flat=True).distinct():
        choices.setdefault(code, _("%(code)s (not registered)") % {"code": code})
    return sorted(choices.items(), key=lambda c: c[1])


def describe(rule: Rule) -> str:
    """The rule in words: "3 ngày trước ngày được nhắc, gửi đảng viên của chi bộ, qua hộp thư và e-mail"."""
    days = abs(rule.offset_days)
    if rule.offset_days < 0:
        when = ngettext("%(days)s day before the date", "%(days)s days before the date", days) % {"days": days}
    elif rule.offset_days > 0:
        when = ngettext("%(days)s day after the date", "%(days)s days after the date", days) % {"days": days}
    else:
        when = _("on the date")
    to = {
        AudienceChoice.MEMBER: _("to the member concerned"),
        AudienceChoice.CELL_MEMBERS: _("to the members of the cell"),
        AudienceChoice.CELL_SECRETARY: _("to the cell secretary"),
        AudienceChoice.COMMITTEE: _("to the committee in charge"),
        AudienceChoice.HIGHER_COMMITTEE: _("to the higher committee"),
        AudienceChoice.NAMED: _("to the people named by the record"),
    }.get(rule.audience, rule.audience)
    by = {
        Channel.INBOX: _("by the inbox"),
        Channel.EMAIL: _("by e-mail"),
        Channel.BOTH: _("by the inbox and e-mail"),
    }.get(rule.channel, rule.channel)
    return f"{when}, {to}, {by}"


def rules_visible(user) -> QuerySet:
    """Rules for every organization, and the rules of organizations in the user's subtree or above it."""
    if not may_manage_notification_rules(user):
        return Rule.objects.none()
    path = scope_root_path(user)
    above = [path[:end] for end in range(len(path), 0, -4)]
    return Rule.objects.filter(
        Q(organization__isnull=True) | Q(organization_filter(user, "organization__")) | Q(organization__path__in=above)
    ).select_related("organization")


@dataclass(frozen=True)
class RuleFilters:
    trigger: str = ""
    audience: str = ""
    active: str = ""  # "" | "yes" | "no"


def rule_list(*, user, filters: RuleFilters) -> QuerySet:
    rows = rules_visible(user)
    if filters.trigger:
        rows = rows.filter(trigger=filters.trigger)
    if filters.audience:
        rows = rows.filter(audience=filters.audience)
    if filters.active:
        rows = rows.filter(active=filters.active == "yes")
    return rows.order_by("trigger", "offset_days", "pk")


def rule_of(*, user, pk: int, deleted: bool = False) -> Rule:
    return rules_visible(user).get(pk=pk)


@dataclass(frozen=True)
class LogFilters:
    rule: int | None = None
    state: str = ""  # "" | "ok" | "failed"
    day: dt.date | None = None


def send_log(*, user, filters: LogFilters) -> QuerySet:
    """Send attempts to recipients of the user's subtree (their account's organization or their member's cell)."""
    if not may_manage_notification_rules(user):
        return Delivery.objects.none()
    scope = organization_filter(user, "notification__recipient__organization__") | organization_filter(
        user, "notification__recipient__member__organization__"
    )
    digest_scope = organization_filter(user, "digest__user__organization__") | organization_filter(
        user, "digest__user__member__organization__"
    )
    rows = Delivery.objects.filter(scope | digest_scope)
    if filters.rule:
        rows = rows.filter(notification__rule_id=filters.rule)
    if filters.state:
        rows = rows.filter(ok=filters.state == "ok")
    if filters.day:
        rows = rows.filter(at__date=filters.day)
    return rows.select_related("notification__rule", "notification__recipient", "digest__user").order_by("-at", "-pk")
