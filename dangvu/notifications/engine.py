"""The engine: runs the rules for a day. Plain functions; `send_reminders` and `triggers.run_now` call them.

For each active rule whose trigger is registered: the occurrences of (day - offset), streamed in chunks; each
chunk's audience resolved to accounts in a few queries; `still_due` asked right before sending; the rows
inserted with their unique key (rule, recipient, occurrence) ignoring conflicts, and only the rows this chunk
inserted (found by the chunk's token) delivered. A failed e-mail stays "failed" and is tried again by the next
runs, up to settings.NOTIFICATIONS_MAX_ATTEMPTS; a row or digest left "being sent" by a run that died is sent
again after settings.NOTIFICATIONS_STALE_MINUTES. Each retry first claims its rows with one UPDATE, so two runs
never send the same e-mail.
"""

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.notifications import channels
from dangvu.notifications.audiences import Resolver
from dangvu.notifications.models import Channel, Delivery, Digest, EmailState, Notification, Preference, Rule, Run
from dangvu.notifications.triggers import TRIGGERS, Occurrence

logger = logging.getLogger(__name__)
CHUNK = 1000


@dataclass
class Line:
    """One notification of a run, as `send_reminders --format json` prints it."""

    rule: int
    rule_name: str
    trigger: str
    recipient: int
    key: str
    occurrence: str
    on: str
    channel: str
    title: str
    url: str
    state: str  # "new" (created and delivered by this run), "would_send" (dry run), "already_sent" (dry run)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Report:
    day: dt.date
    dry_run: bool = False
    rules: int = 0
    occurrences: int = 0
    created: int = 0
    already_sent: int = 0
    not_due: int = 0
    without_recipient: int = 0
    emails_sent: int = 0
    emails_failed: int = 0
    retried: int = 0
    digests_sent: int = 0
    digests_failed: int = 0
    warnings: list[str] = field(default_factory=list)


def batched(iterable: Iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def new_token() -> str:
    return uuid.uuid4().hex


def run_day(
    day: dt.date,
    *,
    dry_run: bool = False,
    codes: Iterable[str] | None = None,
    rule_ids: Iterable[int] | None = None,
    emit: Callable[[Line], None] | None = None,
    chunk_size: int = CHUNK,
    retry: bool = True,
    digests: bool = True,
) -> Report:
    """Run the active rules (all, or of `codes` / `rule_ids`) for `day`; then retry failed e-mails and send the
    digests, unless told not to. With `dry_run` nothing is written and nothing is sent."""
    report = Report(day=day, dry_run=dry_run)
    started = timezone.now()
    rules = Rule.objects.filter(active=True).select_related("organization").order_by("pk")
    if codes is not None:
        rules = rules.filter(trigger__in=list(codes))
    if rule_ids is not None:
        rules = rules.filter(pk__in=list(rule_ids))
    resolver = Resolver()
    digest_users = set(Preference.objects.filter(daily_digest=True).values_list("user_id", flat=True))
    for rule in rules:
        trigger = TRIGGERS.get(rule.trigger)
        if trigger is None:
            report.warnings.append(
                _("Rule “%(rule)s” skipped: no trigger “%(code)s” is registered.")
                % {"rule": rule.name, "code": rule.trigger}
            )
            continue
        report.rules += 1
        anchor = day - dt.timedelta(days=rule.offset_days)
        try:
            for chunk in batched(trigger.find(anchor), chunk_size):
                _run_chunk(rule, trigger, chunk, day, resolver, digest_users, report, emit, dry_run, chunk_size)
        except Exception as error:  # noqa: BLE001 - one broken trigger must not stop the other rules
            logger.exception("notification rule %s failed", rule.pk)
            report.warnings.append(
                _("Rule “%(rule)s” stopped by an error: %(error)s") % {"rule": rule.name, "error": error}
            )
    if not dry_run:
        if retry:
            retry_emails(report, before=started)
        if digests:
            send_digests(day, report, before=started)
    return report


def _run_chunk(
    rule, trigger, chunk: list[Occurrence], day, resolver, digest_users, report, emit, dry_run, chunk_size=CHUNK
) -> None:
    report.occurrences += len(chunk)
    if rule.organization_id is not None:
        resolver.load_paths({o.organization_id for o in chunk})
        chunk = [o for o in chunk if resolver.in_subtree(o, rule.organization.path)]
    if trigger.still_due is not None:
        due = [o for o in chunk if trigger.still_due(o.key)]
        report.not_due += len(chunk) - len(due)
        chunk = due
    if not chunk:
        return
    recipients = resolver.resolve(rule.audience, chunk)
    rows: dict[tuple[int, str], Notification] = {}
    emails: dict[int, str] = {}
    now = timezone.now()
    for occurrence in chunk:
        found = recipients.pop(occurrence.key, [])
        if not found:
            report.without_recipient += 1
        for recipient in found:
            if (recipient.id, occurrence.key) in rows:
                continue
            emails[recipient.id] = recipient.email
            by_email = rule.sends_email and bool(recipient.email)
            if not by_email:
                state = EmailState.NONE
            elif recipient.id in digest_users:
                state = EmailState.DIGEST
            else:
                state = EmailState.SENDING
            rows[(recipient.id, occurrence.key)] = Notification(
                rule=rule,
                recipient_id=recipient.id,
                occurrence_key=occurrence.key[:200],
                occurrence_on=occurrence.on,
                run_on=day,
                title=str(occurrence.title)[:300],
                body=str(occurrence.body),
                url=occurrence.url[:300],
                # Without an e-mail address, the inbox whatever the channel: nobody is left out.
                in_inbox=rule.sends_inbox or not by_email,
                email_state=state,
                email_tried_at=now if state == EmailState.SENDING else None,
            )
            # An audience of many (a cell's members) per occurrence: rows are written a chunk at a time too.
            if len(rows) >= chunk_size:
                _write(rule, rows, emails, report, emit, dry_run)
                rows, emails = {}, {}
    if rows:
        _write(rule, rows, emails, report, emit, dry_run)


def _write(rule, rows: dict, emails: dict, report: Report, emit, dry_run: bool) -> None:
    """Insert the rows (the database refuses the keys already there) and deliver those this call inserted."""
    if dry_run:
        keys = {key for _id, key in rows}
        existing = set(
            Notification.objects.filter(rule=rule, occurrence_key__in=keys).values_list(
                "recipient_id", "occurrence_key"
            )
        )
        for pair, row in rows.items():
            state = "already_sent" if pair in existing else "would_send"
            if state == "already_sent":
                report.already_sent += 1
            if emit:
                emit(_line(rule, row, state))
        return
    token = new_token()
    for row in rows.values():
        row.run_token = token
    Notification.objects.bulk_create(rows.values(), ignore_conflicts=True, batch_size=500)
    created = list(Notification.objects.filter(run_token=token).order_by("pk"))
    report.created += len(created)
    report.already_sent += len(rows) - len(created)
    _deliver(created, emails, report)
    if emit:
        for row in created:
            emit(_line(rule, row, "new"))


def _line(rule, row: Notification, state: str) -> Line:
    channel = "inbox" if row.in_inbox else ""
    if row.email_state in (EmailState.SENDING, EmailState.SENT, EmailState.FAILED):
        channel = f"{channel}+email" if channel else "email"
    elif row.email_state == EmailState.DIGEST:
        channel = f"{channel}+digest" if channel else "digest"
    return Line(
        rule=rule.pk,
        rule_name=rule.name,
        trigger=rule.trigger,
        recipient=row.recipient_id,
        key=f"{rule.pk}:{row.recipient_id}:{row.occurrence_key}",
        occurrence=row.occurrence_key,
        on=row.occurrence_on.isoformat(),
        channel=channel,
        title=row.title,
        url=row.url,
        state=state,
    )


def _deliver(created: list[Notification], emails: dict[int, str], report: Report) -> None:
    """The inbox (logged at once) and the e-mails of rows this run inserted."""
    log = [Delivery(notification=n, channel=Channel.INBOX, ok=True) for n in created if n.in_inbox]
    to_mail = [n for n in created if n.email_state == EmailState.SENDING]
    log += _send_emails(to_mail, emails, report)
    Delivery.objects.bulk_create(log, batch_size=500)


def _send_emails(rows: list[Notification], emails: dict[int, str], report: Report) -> list[Delivery]:
    if not rows:
        return []
    errors = channels.send_each([channels.notification_message(n, emails[n.recipient_id]) for n in rows])
    log = []
    for row, error in zip(rows, errors, strict=True):
        row.email_attempts += 1
        if error:
            report.emails_failed += 1
            gave_up = row.email_attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
            row.email_state = EmailState.GAVE_UP if gave_up else EmailState.FAILED
        else:
            report.emails_sent += 1
            row.email_state = EmailState.SENT
        log.append(Delivery(notification=row, channel=Channel.EMAIL, ok=not error, error=error))
    Notification.objects.bulk_update(rows, ["email_state", "email_attempts"], batch_size=500)
    return log


def _stale() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.NOTIFICATIONS_STALE_MINUTES)


def retry_emails(report: Report, *, before: dt.datetime, chunk_size: int = CHUNK) -> None:
    """E-mails that failed before this run (or were left half-sent by a run that died): claimed, sent again."""
    due = Q(email_state=EmailState.FAILED, email_tried_at__lt=before) | Q(
        email_state=EmailState.SENDING, email_tried_at__lt=_stale()
    )
    last = 0
    while True:
        ids = list(
            Notification.objects.filter(due, pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk_size]
        )
        if not ids:
            return
        last = ids[-1]
        token = new_token()
        # The claim: a row another run claimed meanwhile no longer matches `due`.
        Notification.objects.filter(due, pk__in=ids).update(
            email_state=EmailState.SENDING, email_tried_at=timezone.now(), run_token=token
        )
        rows = list(Notification.objects.filter(run_token=token).select_related("recipient").order_by("pk"))
        emails = {n.recipient_id: n.recipient.email for n in rows}
        report.retried += len(rows)
        Delivery.objects.bulk_create(_send_emails(rows, emails, report), batch_size=500)


def send_digests(day: dt.date, report: Report, *, before: dt.datetime, chunk_size: int = CHUNK) -> None:
    """One e-mail per user and day with the notifications kept for the digest and not in one yet."""
    users = (
        Notification.objects.filter(email_state=EmailState.DIGEST, digest__isnull=True)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    for user_ids in batched(users.iterator(), chunk_size):
        token = new_token()
        Digest.objects.bulk_create(
            [Digest(user_id=u, day=day, run_token=token, tried_at=timezone.now()) for u in user_ids],
            ignore_conflicts=True,
        )
        created = list(Digest.objects.filter(run_token=token))
        if created:
            Notification.objects.filter(
                email_state=EmailState.DIGEST, digest__isnull=True, recipient_id__in=[d.user_id for d in created]
            ).update(
                digest_id=Case(
                    *[When(recipient_id=d.user_id, then=Value(d.pk)) for d in created], output_field=IntegerField()
                )
            )
        _send_digest_mails(created, report)
    due = Q(state=EmailState.FAILED, tried_at__lt=before) | Q(state=EmailState.SENDING, tried_at__lt=_stale())
    for ids in batched(Digest.objects.filter(due).values_list("pk", flat=True).iterator(), chunk_size):
        token = new_token()
        Digest.objects.filter(due, pk__in=ids).update(
            state=EmailState.SENDING, tried_at=timezone.now(), run_token=token
        )
        _send_digest_mails(list(Digest.objects.filter(run_token=token)), report)


def _send_digest_mails(digests: list[Digest], report: Report) -> None:
    if not digests:
        return
    from django.contrib.auth import get_user_model

    emails = dict(get_user_model().objects.filter(pk__in=[d.user_id for d in digests]).values_list("pk", "email"))
    by_digest: dict[int, list[Notification]] = {d.pk: [] for d in digests}
    for n in Notification.objects.filter(digest__in=digests).order_by("created_at", "pk"):
        by_digest[n.digest_id].append(n)
    sendable = [d for d in digests if emails.get(d.user_id) and by_digest[d.pk]]
    errors = channels.send_each([channels.digest_message(d.day, by_digest[d.pk], emails[d.user_id]) for d in sendable])
    log = []
    for digest, error in zip(sendable, errors, strict=True):
        digest.attempts += 1
        if error:
            report.digests_failed += 1
            gave_up = digest.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
            digest.state = EmailState.GAVE_UP if gave_up else EmailState.FAILED
        else:
            report.digests_sent += 1
            digest.state = EmailState.SENT
        log.append(Delivery(digest=digest, channel=Channel.EMAIL, ok=not error, error=error))
    for digest in digests:
        if digest not in sendable:
            digest.state = EmailState.NONE
    Digest.objects.bulk_update(digests, ["state", "attempts"])
    Delivery.objects.bulk_create(log)


def run_trigger_now(code: str, on: dt.date) -> Report | None:
    """`triggers.run_now`: the rules of `code` for the occurrences dated `on` whose day has come (on + offset
    is today or past) run at once; later ones are left to the daily run. Same keys: the daily run skips them."""
    today = timezone.localdate()
    report = None
    for rule in Rule.objects.filter(active=True, trigger=code).order_by("pk"):
        due = on + dt.timedelta(days=rule.offset_days)
        if due <= today:
            report = run_day(due, rule_ids=[rule.pk], retry=False, digests=False)
            for warning in report.warnings:
                logger.warning(warning)
    return report


def days_to_run(today: dt.date) -> list[dt.date]:
    """The days since the last recorded run up to today (at most settings.NOTIFICATIONS_CATCH_UP_DAYS): a day
    cron missed is run late rather than never. The first run ever, or a run after today's: today only."""
    last = Run.objects.order_by("-day").values_list("day", flat=True).first()
    if last is None or last >= today:
        return [today]
    first = max(last + dt.timedelta(days=1), today - dt.timedelta(days=settings.NOTIFICATIONS_CATCH_UP_DAYS - 1))
    return [first + dt.timedelta(days=n) for n in range((today - first).days + 1)]


def record_run(report: Report) -> None:
    Run.objects.update_or_create(day=report.day, defaults={"finished_at": timezone.now(), "created": report.created})
