import datetime as dt
import json
from decimal import Decimal

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.indicators.registry import REGISTRY, compute
from dangvu.lib.commands import OneLineErrorCommand
from dangvu.lib.numbers import format_decimal, format_int
from dangvu.organizations.models import Organization


def _parse_date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(
            _("Invalid date for %(option)s: %(value)s (expected YYYY-MM-DD, a real date).")
            % {"option": option, "value": value},
            returncode=2,
        ) from None


class Command(OneLineErrorCommand):
    help = "Every indicator of the registry for a subtree and a period."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="code of the organization (the whole tree when omitted)")
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument("--code", action="append", help="only these indicator codes (repeatable)")

    def handle(self, *args, start, end, org, format, code, **options):
        start_date, end_date = _parse_date(start, "--from"), _parse_date(end, "--to")
        if start_date > end_date:
            raise CommandError(_("The first day comes after the last day."), returncode=2)
        organization = None
        if org:
            organization = Organization.objects.filter(code=org, deleted_at__isnull=True).first()
            if organization is None:
                raise CommandError(_("No organization has the code %(code)s.") % {"code": org}, returncode=2)
        unknown = [c for c in code or [] if c not in REGISTRY]
        if unknown:
            raise CommandError(_("Unknown indicator code: %(codes)s.") % {"codes": ", ".join(unknown)}, returncode=2)
        values = compute(organization=organization, start=start_date, end=end_date, codes=code)
        if format == "json":
            self.stdout.write(json.dumps({k: _json(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True))
            return
        width = max(len(k) for k in values)
        for key, value in values.items():
            shown = format_decimal(value) if isinstance(value, Decimal) else format_int(value)
            self.stdout.write(f"{key.ljust(width)}  {shown.rjust(12)}  {REGISTRY[key].label}")


def _json(value):
    return float(value) if isinstance(value, Decimal) else value
