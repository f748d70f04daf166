"""The 20 main screens of a committee office on province data: page weight, time and queries, in-process.

    cp /tmp/duescore/province.sqlite3 /tmp/screens.sqlite3
    DATABASE_URL=sqlite:////tmp/screens.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/screens.sqlite3 python bench/screens_bench.py --write

Uses a database seeded by `seed_demo --size province` (61,014 current members), migrated to this code. Each
screen is requested through Django's test client (full middleware stack, no network), logged in as the
province's committee staff (`admin`): one cold request, then `--repeat` timed requests (three for a screen
slower than a second, one for a screen slower than ten seconds: the run stays within about ten minutes). For
each screen: the size of the HTML (KB), the median and p90 in ms, the number of SQL queries. Goals (issue 15):
at most 200 KB and a median of at most 300 ms.

The records a screen needs and the demo lacks (a report of the province, a round of its base organizations)
are made inside one transaction that is rolled back at the end: the database is left as it was.

Prints one JSON object. `--write` writes the section "Main screens, province data" of docs/benchmarks.md
(between its markers), with the figures of bench/screens_before.json (the code before issue 15's fixes) beside
this run's. `--save-before` stores this run as those "before" figures. `--only dashboard,rating` measures only
the screens whose label has one of the words (to check a fix; not with --write).
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pages import setup_django

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
BEFORE = Path(__file__).resolve().parent / "screens_before.json"
BEGIN = "<!-- screens bench: begin -->"
END = "<!-- screens bench: end -->"
GOAL_KB = 200
GOAL_MS = 300


class Counter:
    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


def picks(today: dt.date) -> dict:
    """The records the screens open: deterministic choices in the seeded province."""
    from django.db.models import Count, Q

    from dangvu.dues.models import DuesRun
    from dangvu.members.models import ACTIVE_STATUSES, Member
    from dangvu.organizations.models import Organization
    from dangvu.ratings.models import RatingSeason
    from dangvu.ratings.services import base_organization_of
    from dangvu.targets.models import Term

    alive = Organization.objects.filter(deleted_at__isnull=True, ended_on__isnull=True)
    root = alive.filter(depth=1).order_by("path").first()
    # A cell of about 30 current members: the sheet the "rate a cell of 30 members" speaks of.
    cells = (
        alive.filter(kind="cell")
        .annotate(n=Count("members", filter=Q(members__status__in=ACTIVE_STATUSES, members__deleted_at__isnull=True)))
        .filter(n__gte=25, n__lte=40)
        .order_by("path")
    )
    cell = cells.first() or alive.filter(kind="cell").order_by("path").first()
    base = base_organization_of(cell)
    current = Member.objects.filter(status__in=ACTIVE_STATUSES, deleted_at__isnull=True).order_by("pk")
    member = current[current.count() // 2]
    season = RatingSeason.objects.filter(organization=root).order_by("-year").first()
    term = Term.objects.filter(organization=root).order_by("-start_year").first()
    made = DuesRun.objects.filter(organization=cell).order_by("-month").first()
    dues_month = made.month if made else today.replace(day=1)
    return {
        "root": root,
        "cell": cell,
        "base": base,
        "member": member,
        "season": season,
        "term": term,
        "dues_month": dues_month,
    }


def make_missing(chosen: dict, today: dt.date) -> dict:
    """A monthly report of the province and a round of all its base organizations, when the demo has none."""
    from dangvu.accounts.models import User
    from dangvu.organizations.models import Organization
    from dangvu.reports import services
    from dangvu.reports.models import Report, Round
    from dangvu.reports.periods import Kind

    root = chosen["root"]
    admin = User.objects.get(username="admin")
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    report = Report.objects.filter(organization=root).order_by("-pk").first() or services.report_create(
        organization=root, kind=Kind.MONTHLY, period_key=last_month, by=admin, today=today
    )
    bases = Organization.objects.filter(
        deleted_at__isnull=True, ended_on__isnull=True, kind__in=("base_party_committee", "base_cell")
    )
    round_ = Round.objects.filter(organization=root).order_by("-pk").first() or services.round_open(
        organization=root,
        kind=Kind.MONTHLY,
        period_key=last_month,
        due_on=today + dt.timedelta(days=10),
        participants=bases.filter(path__startswith=root.path),
        by=admin,
    )
    return {"report": report, "round": round_}


def screens(chosen: dict, today: dt.date) -> list[tuple[str, str]]:
    """(label, path) of the 20 screens."""
    from dangvu.members.models import EventKind

    member, cell, base = chosen["member"], chosen["cell"], chosen["base"]
    season, term = chosen["season"], chosen["term"]
    dues_month = chosen["dues_month"]
    rows = [
        ("dashboard", "/dashboard/"),
        ("organization tree", "/organizations/"),
        ("member list", "/members/"),
        ("member detail", f"/members/{member.pk}/"),
        ("member form (new)", "/members/new/"),
        ("transfer form", f"/members/{member.pk}/events/{EventKind.TRANSFERRED_OUT}/"),
        ("appointment form", "/cadres/appointments/new/"),
        ("political-standard conclusion form", "/cadres/conclusions/new/"),
        ("candidates list", "/candidates/"),
        ("rating sheet of a cell", f"/ratings/seasons/{season.pk}/cells/{cell.pk}/sheet/"),
        (
            "rating sheet of a base organization",
            f"/ratings/seasons/{season.pk}/bases/{base.pk}/sheet/" if season else "",
        ),
        ("reports list", "/reports/"),
        ("report detail", f"/reports/{chosen['report'].pk}/"),
        ("round board", f"/reports/rounds/{chosen['round'].pk}/"),
        ("meetings list", "/meetings/"),
        ("inspections list", "/inspections/"),
        ("targets of the term", f"/targets/{term.pk}/" if term else "/targets/"),
        ("dues month of a cell", f"/dues/org/{cell.pk}/{dues_month.year}/{dues_month.month}/"),
        ("congresses", "/votes/congresses/"),
        ("calendar", "/calendar/"),
    ]
    return rows


def measure(client, path: str, repeat: int) -> dict:
    from django.db import connection

    def one():
        counter = Counter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = client.get(path)
            body = response.content
        return response.status_code, len(body), (time.perf_counter() - started) * 1000, counter.queries

    status, size, cold_ms, _queries = one()
    # Slow screens get fewer timed requests, so that the whole run stays within about ten minutes.
    runs = repeat if cold_ms < 1000 else min(repeat, 3) if cold_ms < 10_000 else 1
    timings, queries = [], []
    for _ in range(runs):
        status, size, ms, count = one()
        timings.append(ms)
        queries.append(count)
    timings.sort()
    return {
        "path": path,
        "status": status,
        "kb": round(size / 1024, 1),
        "cold_ms": round(cold_ms, 1),
        "median_ms": round(statistics.median(timings), 1),
        "p90_ms": round(timings[min(len(timings) - 1, int(0.9 * len(timings)))], 1),
        "queries": max(queries),
        "runs": runs,
    }


def run(repeat: int, username: str, only: list[str] | None = None) -> dict:
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from dangvu.accounts.models import User
    from dangvu.members.models import ACTIVE_STATUSES, Member

    today = timezone.localdate()
    started = time.perf_counter()
    result = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": _commit(),
        "load": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "members": Member.objects.filter(status__in=ACTIVE_STATUSES, deleted_at__isnull=True).count(),
        "screens": [],
    }
    with transaction.atomic():
        chosen = picks(today)
        chosen.update(make_missing(chosen, today))
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        for label, path in screens(chosen, today):
            if only and not any(word in label for word in only):
                continue
            row = {"label": label, **measure(client, path, repeat)}
            print(f"{label}: {row}", file=sys.stderr)
            result["screens"].append(row)
        transaction.set_rollback(True)
    result["seconds"] = round(time.perf_counter() - started)
    return result


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True)
    except OSError:
        return "?"
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _goal(row: dict | None) -> str:
    if not row:
        return ""
    missed = [what for what, bad in (("KB", row["kb"] > GOAL_KB), ("ms", row["median_ms"] > GOAL_MS)) if bad]
    return "met" if not missed else "**missed** (" + ", ".join(missed) + ")"


def _fig(row: dict | None, key: str) -> str:
    if not row:
        return "–"
    value = row[key]
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def section(after: dict, before: dict | None) -> str:
    lines = [
        BEGIN,
        "## Main screens, province data",
        "",
        "Generated by `python bench/screens_bench.py --write` (its docstring says how to run it). "
        f"{after['members']:,} current members. Each screen is requested in-process through Django's test "
        "client as the province's committee staff (`admin`): one cold request, then the timed ones (median and "
        "p90). *KB* is the HTML alone (CSS and scripts are cached files). Goals of issue 15: at most "
        f"{GOAL_KB} KB and a median of at most {GOAL_MS} ms. The machine has 2 cores shared with other work "
        "(see the load average of each run): timings move with it, page weights and query counts do not. "
        "The before run was made while four other sessions ran their tests on the same 2 cores, so its "
        "timings are about twice what a quiet machine gives. "
        "",
        "",
    ]
    runs = [("Before", before)] if before else []
    runs.append(("After" if before else "This run", after))
    for name, data in runs:
        lines.append(
            f"- *{name}*: {data['date']}, commit {data['commit']}, load average {data['load']}, "
            f"the whole run {data['seconds']} s."
        )
    lines += ["", *(_table_with_before(after, before) if before else _table(after))]
    met = sum(1 for r in after["screens"] if _goal(r) == "met")
    lines += ["", f"Goals met by {met} of {len(after['screens'])} screens.", "", END]
    return "\n".join(lines)


def _table_with_before(after: dict, before: dict) -> list[str]:
    before_rows = {r["label"]: r for r in before["screens"]}
    lines = [
        "| screen | KB before | KB after | median ms before | median ms after | p90 ms after | cold ms after "
        "| queries before | queries after | goal (after) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in after["screens"]:
        old = before_rows.get(row["label"])
        lines.append(
            f"| {_label(row)} | {_fig(old, 'kb')} | {_fig(row, 'kb')} | {_fig(old, 'median_ms')} "
            f"| {_fig(row, 'median_ms')} | {_fig(row, 'p90_ms')} | {_fig(row, 'cold_ms')} | {_fig(old, 'queries')} "
            f"| {_fig(row, 'queries')} | {_goal(row)} |"
        )
    return lines


def _table(run: dict) -> list[str]:
    lines = [
        "| screen | path | KB | median ms | p90 ms | cold ms | queries | goal |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in run["screens"]:
        lines.append(
            f"| {_label(row)} | `{row['path']}` | {_fig(row, 'kb')} | {_fig(row, 'median_ms')} | {_fig(row, 'p90_ms')} "
            f"| {_fig(row, 'cold_ms')} | {_fig(row, 'queries')} | {_goal(row)} |"
        )
    return lines


def _label(row: dict) -> str:
    return row["label"] + ("" if row["status"] == 200 else f" (HTTP {row['status']})")


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + text + rest.split(END, 1)[1]
    else:
        doc = doc.rstrip("\n") + "\n\n" + text + "\n"
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per screen (a third when slow)")
    parser.add_argument("--username", default="admin")
    parser.add_argument("--only", default="", help="comma-separated words: only the screens whose label has one")
    parser.add_argument("--write", action="store_true", help="write the section of docs/benchmarks.md")
    parser.add_argument("--save-before", action="store_true", help="store this run as the 'before' figures")
    args = parser.parse_args()
    setup_django()
    result = run(args.repeat, args.username, [w.strip() for w in args.only.split(",") if w.strip()])
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.save_before:
        result["commit"] += " (before issue 15's fixes)"
        BEFORE.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.write and not args.only:
        before = json.loads(BEFORE.read_text(encoding="utf-8")) if BEFORE.exists() and not args.save_before else None
        write_doc(section(result, before))


if __name__ == "__main__":
    main()
