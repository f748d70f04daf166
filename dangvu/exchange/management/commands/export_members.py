"""Export every member record (all statuses) in the register layout.

python manage.py export_members --format xlsx|csv --output FILE [--user USERNAME]
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from dangvu.accounts.models import User
from dangvu.exchange.exporting import export_members_for
from dangvu.members.models import Member
from dangvu.members.selectors import MemberFilters, member_list


class Command(BaseCommand):
    help = "Export party members to XLSX or CSV with Vietnamese headers."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument("--output", required=True)
        parser.add_argument("--user", help="Export what this user sees; default: the whole registry.")

    def handle(self, *args, format, output, user=None, **options):
        if user:
            by = User.objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"No such user: {user}")
            members = member_list(user=by, filters=MemberFilters(status="all"))
        else:
            by = None
            members = Member.objects.order_by("sort_key", "pk")
        with translation.override(settings.LANGUAGE_CODE):
            data = export_members_for(user=by, members=members, fmt=format, scope="status=all (command line)")
        with open(output, "wb") as handle:
            handle.write(data)
        self.stdout.write(f"{members.count()} → {output}")
