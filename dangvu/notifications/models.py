"""Notifications: the rules (data), what was sent (one row per rule, recipient and occurrence) and the send log.

The key of a notification is (rule, recipient, occurrence key), unique in the database: whatever runs twice
(cron and `run_now`, two cron runs at once, a retry after a crash) the database lets only one row in, and only
the run that inserted a row delivers it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.notifications.triggers import Audience


class AudienceChoice(models.TextChoices):
    MEMBER = Audience.MEMBER, _("the member concerned")
    CELL_MEMBERS = Audience.CELL_MEMBERS, _("the members of the cell")
    CELL_SECRETARY = Audience.CELL_SECRETARY, _("the cell secretary")
    COMMITTEE = Audience.COMMITTEE, _("the committee in charge")
    HIGHER_COMMITTEE = Audience.HIGHER_COMMITTEE, _("the higher committee")
    NAMED = Audience.NAMED, _("the people named by the record")


class Channel(models.TextChoices):
    INBOX = "inbox", _("inbox")
    EMAIL = "email", _("e-mail")
    BOTH = "both", _("inbox and e-mail")


class Rule(models.Model):
    """On day D, the occurrences of `trigger` dated D - offset_days are sent to `audience` by `channel`."""

    trigger = models.CharField(_("trigger"), max_length=100, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    offset_days = models.IntegerField(
        _("offset (days)"), default=0, help_text=_("Negative: before the date; positive: after it.")
    )
    audience = models.CharField(_("to whom"), max_length=32, choices=AudienceChoice.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.BOTH)
    active = models.BooleanField(_("active"), default=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("only for the subtree of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: a rule for every organization."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["trigger", "offset_days", "pk"]
        verbose_name = _("notification rule")
        verbose_name_plural = _("notification rules")

    def __str__(self) -> str:
        return self.name

    @property
    def sends_inbox(self) -> bool:
        return self.channel in (Channel.INBOX, Channel.BOTH)

    @property
    def sends_email(self) -> bool:
        return self.channel in (Channel.EMAIL, Channel.BOTH)


class EmailState(models.TextChoices):
    NONE = "none", _("no e-mail")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed, to retry")
    GAVE_UP = "gave_up", _("failed, no more attempts")
    DIGEST = "digest", _("in the daily digest")


class Notification(models.Model):
    rule = models.ForeignKey(Rule, on_delete=models.PROTECT, related_name="notifications", verbose_name=_("rule"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    occurrence_key = models.CharField(_("occurrence"), max_length=200)
    occurrence_on = models.DateField(_("date concerned"))
    run_on = models.DateField(_("day of the run"), db_index=True)
    title = models.CharField(pgettext_lazy("notification", "title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    in_inbox = models.BooleanField(default=True)
    email_state = models.CharField(_("e-mail"), max_length=16, choices=EmailState.choices, default=EmailState.NONE)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_tried_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey("Digest", null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications")
    # The run that inserted the row: that run, and only it, delivers it.
    run_token = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(pgettext_lazy("notification", "created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "recipient", "occurrence_key"], name="notification_once_per_rule_recipient_occurrence"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_state", "email_attempts"]),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title

    @property
    def key(self) -> str:
        return f"{self.rule_id}:{self.recipient_id}:{self.occurrence_key}"


class Digest(models.Model):
    """The daily e-mail of a user who chose the digest: one per user and day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    state = models.CharField(max_length=16, choices=EmailState.choices, default=EmailState.SENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    tried_at = models.DateTimeField(null=True, blank=True)
    run_token = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_per_user_day")]


class Delivery(models.Model):
    """The send log: one row per attempt on one channel."""

    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    ok = models.BooleanField(_("sent"))
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("send attempt")
        verbose_name_plural = _("send log")


class Preference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    daily_digest = models.BooleanField(
        _("one daily e-mail instead of single e-mails"),
        default=False,
        help_text=_("The inbox still shows each notification at once."),
    )


class Run(models.Model):
    """A day the rules were run for by `send_reminders` (not a dry run): a day the daily run missed (cron down)
    is caught up by the next one."""

    day = models.DateField(unique=True)
    finished_at = models.DateTimeField()
    created = models.PositiveIntegerField(default=0)
