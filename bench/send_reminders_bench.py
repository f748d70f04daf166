"""Benchmark of `send_reminders` (notifications): time, memory and queries of a day that sends many notifications.

    DATABASE_URL=sqlite:////tmp/dangvu-bench-run/province.sqlite3 python bench/send_reminders_bench.py \
        --size province [--doc docs/benchmarks.md]

Uses a database seeded by `seed_demo --size <size>` (bench/run.sh makes bloc and province ones; this runs last,
since it writes notifications into it). Steps:

1. (in a child process, so its memory is not counted) member portal accounts for 90 % of the current members
   when the demo has fewer, with an e-mail address for every second account (unusable passwords, bulk);
2. two bench triggers registered in this process, and a rule for each: `bench.cell_meeting` (one occurrence
   per cell holding members, audience: the cell's members; like meetings.meeting_upcoming) and
   `bench.member_due` (one occurrence per current member, audience: the member; like
   members.probation_ending), both "inbox and e-mail", with Django's dummy mail backend (every e-mail is
   built and "sent", nothing leaves the machine);
3. `send_reminders --on D --format json` (stdout counted, not kept): wall time, queries (counted by an
   execute wrapper, not stored), peak RSS above the process' RSS before the run (ru_maxrss), notifications;
4. the same command again for D: 0 new expected, its time;
5. the command for D+1 under tracemalloc: the peak of Python allocations (slower under tracing: its time is
   not the figure of step 3).

Prints one JSON object; with --doc, writes its section of docs/benchmarks.md (between its markers).
"""

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from pages import setup_django

BEGIN = "<!-- send_reminders bench: begin -->"
END = "<!-- send_reminders bench: end -->"
ACCOUNT_SHARE = 0.9


def prepare_accounts() -> dict:
    """Accounts for 90 % of the current members (if the demo made fewer), e-mail for every second one."""
    from django.db import transaction

    from dangvu.accounts.models import Role, User
    from dangvu.members.models import ACTIVE_STATUSES, Member

    current = Member.objects.filter(status__in=ACTIVE_STATUSES, deleted_at__isnull=True)
    total = current.count()
    have = User.objects.filter(member__in=current).count()
    wanted = int(total * ACCOUNT_SHARE)
    created = 0
    with transaction.atomic():
        missing = current.filter(account__isnull=True).order_by("pk").values_list("pk", flat=True)
        batch = []
        for member_id in missing.iterator(chunk_size=2000):
            if have + created + len(batch) >= wanted:
                break
            email = f"dv{member_id}@example.invalid" if member_id % 2 else ""
            batch.append(
                User(username=f"bench{member_id}", password="!", role=Role.MEMBER, member_id=member_id, email=email)
            )
            if len(batch) == 2000:
                User.objects.bulk_create(batch)
                created += len(batch)
                batch = []
        if batch:
            User.objects.bulk_create(batch)
            created += len(batch)
    return {"members": total, "accounts_before": have, "accounts_created": created}


def register_triggers() -> None:
    from django.utils.translation import gettext_lazy as _

    from dangvu.members.models import ACTIVE_STATUSES, Member
    from dangvu.notifications.triggers import Occurrence, trigger
    from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization

    @trigger("bench.cell_meeting", _("Bench: cell meeting"), audiences=("cell_members",))
    def cell_meeting(anchor):
        cells = Organization.objects.filter(
            kind__in=MEMBER_HOLDING_KINDS, ended_on__isnull=True, deleted_at__isnull=True
        )
        for pk, name in cells.values_list("pk", "name").iterator(chunk_size=2000):
            yield Occurrence(
                key=f"bench-meeting:{pk}:{anchor}",
                on=anchor,
                title=f"Họp chi bộ: {name}",
                organization_id=pk,
                url="/handbook/",
            )

    @trigger("bench.member_due", _("Bench: member due"), audiences=("member",))
    def member_due(anchor):
        members = Member.objects.filter(status__in=ACTIVE_STATUSES, deleted_at__isnull=True)
        rows = members.values_list("pk", "organization_id", "full_name").iterator(chunk_size=2000)
        for pk, organization_id, name in rows:
            yield Occurrence(
                key=f"bench-member:{pk}:{anchor}",
                on=anchor,
                title=f"Nhắc việc: {name}",
                organization_id=organization_id,
                member_id=pk,
                url="/handbook/",
            )


def ensure_rules() -> None:
    from dangvu.notifications.models import Rule

    for code, audience in (("bench.cell_meeting", "cell_members"), ("bench.member_due", "member")):
        Rule.objects.get_or_create(
            trigger=code, audience=audience, offset_days=0, defaults={"name": code, "channel": "both"}
        )


class Counter:
    def __init__(self):
        self.lines = 0

    def write(self, text):
        self.lines += text.count("\n")

    def flush(self):
        pass


def run_command(day: dt.date) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from dangvu.notifications.models import Notification

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    before = Notification.objects.count()
    sink, err = Counter(), Counter()
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        call_command("send_reminders", "--on", day.isoformat(), "--format", "json", stdout=sink, stderr=err)
    seconds = time.perf_counter() - started
    return {
        "day": day.isoformat(),
        "seconds": round(seconds, 2),
        "queries": queries,
        "json_lines": sink.lines,
        "created": Notification.objects.count() - before,
    }


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def write_doc(path: Path, result: dict) -> None:
    first, second, traced = result["first"], result["second"], result["traced"]
    rate = first["created"] / first["seconds"] if first["seconds"] else 0
    section = "\n".join(
        [
            BEGIN,
            "## send_reminders (notifications)",
            "",
            f"bench/send_reminders_bench.py on `{result['size']}` data, measured on {result['measured_at']} "
            f"(load average at start {result['load_average']}): {result['members']:,} current members, "
            f"{result['accounts']:,} portal accounts ({result['accounts_pct']} %), every second one with an e-mail "
            "address; two bench rules (one occurrence per cell to its members, one per member to the member), both "
            "to the inbox and by e-mail (Django's dummy backend: messages built, nothing sent), chunks of 1,000.",
            "",
            "| run | notifications created | wall time (s) | queries | peak memory |",
            "| --- | ---: | ---: | ---: | --- |",
            f"| first run of day D | {first['created']:,} | {first['seconds']} | {first['queries']:,} | "
            f"RSS +{first['rss_growth_mb']} MB (peak {first['rss_peak_mb']} MB) |",
            f"| same day again | {second['created']:,} | {second['seconds']} | {second['queries']:,} | |",
            f"| day D+1 under tracemalloc | {traced['created']:,} | {traced['seconds']} (traced) | "
            f"{traced['queries']:,} | Python peak {traced['tracemalloc_peak_mb']} MB |",
            "",
            f"{rate:,.0f} notifications a second; {first['queries'] / max(first['created'], 1) * 1000:.0f} queries "
            "per 1,000 notifications (a constant number per chunk). The second run of the same day creates nothing "
            "and sends nothing: it reads the occurrences again and the database refuses every key.",
            END,
        ]
    )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="province")
    parser.add_argument("--day", default="2026-10-20", help="day D (YYYY-MM-DD)")
    parser.add_argument("--doc", help="write the section into this Markdown file")
    parser.add_argument("--prepare-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    setup_django()
    if args.prepare_only:
        print(json.dumps(prepare_accounts()))
        return
    prepared = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--prepare-only"], check=True, capture_output=True, text=True
        ).stdout.splitlines()[-1]
    )
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    register_triggers()
    ensure_rules()
    from dangvu.accounts.models import User
    from dangvu.members.models import ACTIVE_STATUSES

    accounts = User.objects.filter(member__status__in=ACTIVE_STATUSES, is_active=True).count()
    day = dt.date.fromisoformat(args.day)
    load = os.getloadavg()[0]
    rss_before = rss_mb()
    first = run_command(day)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first["rss_peak_mb"] = round(peak)
    first["rss_growth_mb"] = round(peak - rss_before)
    second = run_command(day)
    tracemalloc.start()
    traced = run_command(day + dt.timedelta(days=1))
    traced["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    tracemalloc.stop()
    result = {
        "size": args.size,
        "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": round(load, 2),
        "members": prepared["members"],
        "accounts": accounts,
        "accounts_pct": round(100 * accounts / max(prepared["members"], 1), 1),
        "prepared": prepared,
        "first": first,
        "second": second,
        "traced": traced,
    }
    print(json.dumps(result, ensure_ascii=False))
    if args.doc:
        write_doc(Path(args.doc), result)


if __name__ == "__main__":
    main()
