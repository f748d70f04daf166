import datetime as dt

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import Role, User
from dangvu.lib.dates import format_short
from dangvu.reports.services import round_reminders


class Command(BaseCommand):
    help = "Remind the secretaries of base organizations whose report for a round is due soon (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="remind this many days before the due date")
        parser.add_argument("--today", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, days: int, today: str | None, **options):
        day = dt.date.fromisoformat(today) if today else timezone.localdate()
        sent = 0
        for round_, missing in round_reminders(today=day, days_before=days):
            for organization in missing:
                recipients = [
                    u.email
                    for u in User.objects.filter(role=Role.SECRETARY, organization=organization, is_active=True)
                    if u.email
                ]
                subject = _("Reminder: the %(report)s is due on %(date)s") % {
                    "report": round_.title,
                    "date": format_short(round_.due_on),
                }
                body = _("%(org)s has not submitted its report for the round yet.") % {"org": organization.name}
                if recipients:
                    send_mail(subject, body, None, recipients)
                    sent += len(recipients)
                self.stdout.write(f"{organization.code}: {subject}")
        self.stdout.write(_("%(count)d reminders sent.") % {"count": sent})
