import datetime as dt
import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dangvu.demo.seed import DEFAULT_UNTIL, SIZES, demo_logins, seed
from dangvu.organizations.models import Organization


class Command(BaseCommand):
    help = "Create the realistic demo data set (organizations, members and their histories, demo logins)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(SIZES), default="bloc")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--until", default=DEFAULT_UNTIL.isoformat(), help="last day of the simulated history")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when the database has organizations")

    def handle(self, *args, size, until: str, if_empty: bool, **options):
        if Organization.objects.exists():
            if if_empty:
                self.stdout.write(_("The database already has data; the demo data set was not created again."))
                self._print_logins()
                return
            raise CommandError(_("The database already has organizations; seed an empty database."))
        try:
            until_date = dt.date.fromisoformat(until)
        except ValueError as error:
            raise CommandError(_("Invalid date %(value)s (expected YYYY-MM-DD).") % {"value": until}) from error
        started = time.perf_counter()
        verbose = options.get("verbosity", 1) > 1
        counts = seed(
            size=size, seed=options["seed"], until=until_date, log=self.stderr.write if verbose else lambda m: None
        )
        counts["seconds"] = round(time.perf_counter() - started, 1)
        self._print_logins()
        self.stdout.write(json.dumps(counts, ensure_ascii=False, sort_keys=True))

    def _print_logins(self):
        for username, password, who in demo_logins():
            self.stdout.write(
                _("Login: %(user)s / %(password)s (%(who)s)") % {"user": username, "password": password, "who": who}
            )
