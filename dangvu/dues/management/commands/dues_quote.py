import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.dues.compute import quote
from dangvu.dues.models import Category
from dangvu.lib.commands import OneLineErrorCommand
from dangvu.lib.numbers import format_int

CATEGORIES = [c for c in Category.values if c != Category.ABROAD]


def _date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(
            _("Invalid date for %(option)s: %(value)s (expected YYYY-MM-DD, a real date).")
            % {"option": option, "value": value},
            returncode=2,
        ) from None


def _int(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    text = value.replace(".", "").replace(",", "").replace("_", "").strip()
    if not text.isdigit():
        raise CommandError(
            _("Invalid number for %(option)s: %(value)s (expected a whole number).")
            % {"option": option, "value": value},
            returncode=2,
        )
    return int(text)


class Command(OneLineErrorCommand):
    help = "The dues owed for one month by a member of a category, and the rule that gives it."

    def add_arguments(self, parser):
        parser.add_argument("--on", required=True, help="a day of the month, YYYY-MM-DD")
        parser.add_argument("--category", required=True, help=", ".join(CATEGORIES))
        parser.add_argument("--base", help="salary base, benefit or pension in đồng")
        parser.add_argument("--region", help="minimum-wage region 1-4 (other members from 2026)")
        parser.add_argument("--birth", help="date of birth YYYY-MM-DD (retirement age)")
        parser.add_argument("--sex", choices=["male", "female"], default="male", help="for the retirement age")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def error(self, message: str):
        raise CommandError(message, returncode=2)

    def handle(self, *args, on, category, base, region, birth, sex, format, **options):
        day = _date(on, "--on")
        if category not in CATEGORIES:
            self.error(
                _("Unknown dues category %(value)s (one of: %(choices)s).")
                % {"value": category, "choices": ", ".join(CATEGORIES)}
            )
        try:
            result = quote(
                on=day,
                category=category,
                base=_int(base, "--base"),
                region=_int(region, "--region"),
                birth_date=_date(birth, "--birth") if birth else None,
                sex=sex,
            )
        except ValidationError as error:
            self.error(" ".join(error.messages))
        if format == "json":
            self.stdout.write(json.dumps(result.as_dict() | {"on": day.isoformat()}, ensure_ascii=False))
            return
        self.stdout.write(f"{format_int(result.amount)} đ — {result.rule}: {result.explanation}")
