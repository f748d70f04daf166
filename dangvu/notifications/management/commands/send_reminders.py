"""Run the notification rules for a day (cron, daily).

    python manage.py send_reminders [--on YYYY-MM-DD] [--dry-run] [--format json]

With --format json: one JSON object per notification (rule, recipient, key, channel, title, state, ...), then
nothing else on stdout (warnings and the summary go to stderr). Run twice on the same day it sends nothing new.
"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.notifications.engine import days_to_run, record_run, run_day


class Command(BaseCommand):
    help = "Run the notification rules for a day: inbox entries and e-mails, each sent once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--on", help="the day (YYYY-MM-DD); by default today, and the days missed since the last run"
        )
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; write and send nothing")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, on=None, dry_run=False, format="text", **options):
        if on:
            try:
                day = dt.date.fromisoformat(on)
            except ValueError:
                raise CommandError(
                    _("Invalid date “%(value)s”: write it as YYYY-MM-DD, e.g. 2026-05-01.") % {"value": on},
                    returncode=2,
                ) from None
            days = [day]
        else:
            days = days_to_run(timezone.localdate())
        for day in days:
            self.run(day, dry_run=dry_run, as_json=format == "json")

    def run(self, day, *, dry_run, as_json):

        def emit(line):
            if as_json:
                self.stdout.write(json.dumps(line.as_dict(), ensure_ascii=False))

        report = run_day(day, dry_run=dry_run, emit=emit)
        if not dry_run:
            record_run(report)
        out = self.stderr if as_json else self.stdout
        for warning in report.warnings:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        if dry_run:
            summary = _(
                "Dry run for %(day)s: %(rules)s rules, %(occurrences)s occurrences; nothing was written or sent "
                "(%(already)s already sent)."
            )
        else:
            summary = _(
                "Reminders for %(day)s: %(rules)s rules, %(occurrences)s occurrences, %(created)s new notifications "
                "(%(already)s already sent, %(not_due)s no longer due); e-mails sent %(sent)s, failed %(failed)s, "
                "retried %(retried)s; digests sent %(digests)s."
            )
        out.write(
            summary
            % {
                "day": day.strftime("%d/%m/%Y"),
                "rules": report.rules,
                "occurrences": report.occurrences,
                "created": report.created,
                "already": report.already_sent,
                "not_due": report.not_due,
                "sent": report.emails_sent,
                "failed": report.emails_failed + report.digests_failed,
                "retried": report.retried,
                "digests": report.digests_sent,
            }
        )
