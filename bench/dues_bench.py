"""Benchmark of the party dues: the monthly run of a province and the dues indicators for a year.

    DATABASE_URL=sqlite:////tmp/dangvu-bench-run/province.sqlite3 python bench/dues_bench.py \
        --month 2026-10 [--doc docs/benchmarks.md]

Uses a database seeded by `seed_demo --size province` (about 60,000 current members). It writes dues rows into
it. Steps:

1. when the members have no dues category yet (a demo seeded before the dues app), the demo's units and
   categories (`dues.demo_data`, bulk);
2. the runs of the eleven months before `--month` for every cell (`services.make_subtree_runs`, one call a
   month) and payments for them (about 97 % paid, bulk), so the indicators have a year to read;
3. the figure: `make_subtree_runs` of the whole province for `--month` (one call: every cell's run and
   lines in one bulk insert each): wall time, queries, runs and lines;
4. re-making one cell's month (`remake_run`), its time;
5. the six dues indicators (`indicators.registry.compute`) for the year ending with `--month`: the whole tree,
   the first district committee and the first base organization, median of 3, with their queries.

Prints one JSON object; with --doc, writes its section of docs/benchmarks.md (between its markers).
"""

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from pages import setup_django

BEGIN = "<!-- dues bench: begin -->"
END = "<!-- dues bench: end -->"
CODES = ["dues.due", "dues.collected", "dues.collected_pct", "dues.members_in_arrears", "dues.kept", "dues.remitted"]


class Counter:
    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


def timed(func):
    from django.db import connection

    counter = Counter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        result = func()
    return result, time.perf_counter() - started, counter.queries


def pay_month(rng, month: dt.date) -> None:
    """Payments for about 97 % of the month's lines, in the month, in one bulk insert."""
    from dangvu.dues.models import DuesLine, DuesPayment
    from dangvu.lib import bulk

    lines = DuesLine.objects.filter(month=month).values_list("member_id", "run__organization_id", "amount_due")
    rows = []
    for member_id, org_id, due in lines.iterator(chunk_size=5000):
        if rng.random() < 0.97:
            paid_on = month + dt.timedelta(days=rng.randrange(2, 26))
            rows.append((member_id, org_id, month.isoformat(), due, paid_on.isoformat(), "cash", ""))
    columns = ("member_id", "organization_id", "month", "amount", "paid_on", "channel", "reference")
    bulk.insert_tuples(DuesPayment, columns, rows)


def prepare(rng, first: dt.date, month: dt.date) -> dict:
    """Categories when missing, the runs and payments of the months before `month`."""
    from collections import Counter as Tally

    from django.db import transaction

    from dangvu.dues import demo_data, rules, services
    from dangvu.dues.models import DuesProfile, DuesRun
    from dangvu.lib.dates import add_months
    from dangvu.members.models import Member, MembershipSpell
    from dangvu.organizations.models import Organization

    root = Organization.objects.get(depth=1)
    facts = {"profiles_made": 0, "months_prepared": 0}
    with transaction.atomic():
        if not DuesProfile.objects.exists():
            tally = Tally()
            members = {
                p: (b, s, r) for p, b, s, r in Member.all_objects.values_list("pk", "date_of_birth", "sex", "retired")
            }
            ids = set(MembershipSpell.objects.values_list("member_id", flat=True))
            demo_data._units(rng, tally)
            demo_data._profiles(rng, ids, members, month, tally)
            facts["profiles_made"] = tally["DuesProfile"]
    current = first
    while current < month:
        if not DuesRun.objects.filter(month=current).exists():
            with transaction.atomic():
                services.make_subtree_runs(organization=root, month=current, user=None)
                pay_month(rng, current)
            facts["months_prepared"] += 1
        current = add_months(current, 1)
    facts["rule_of_month"] = rules.dues_rules_on(month).code
    return facts


def run(month: dt.date) -> dict:
    from django.db import connection, transaction

    from dangvu.dues import services
    from dangvu.dues.models import DuesLine, DuesPayment, DuesRun
    from dangvu.indicators.registry import compute
    from dangvu.lib.dates import add_months
    from dangvu.members.models import ACTIVE_STATUSES, Member
    from dangvu.organizations.models import Organization

    rng = random.Random("dues-bench")
    first = add_months(month, -11)
    load = os.getloadavg()[0]
    facts = prepare(rng, first, month)
    root = Organization.objects.get(depth=1)
    # A second bench run measures the same month again.
    DuesPayment.all_objects.filter(month=month).delete()
    DuesRun.objects.filter(month=month).delete()
    with transaction.atomic():
        runs, seconds, queries = timed(lambda: services.make_subtree_runs(organization=root, month=month, user=None))
    lines = DuesLine.objects.filter(month=month).count()
    cell_run = DuesRun.objects.filter(month=month).order_by("-members_count").first()
    with transaction.atomic():
        _, remake_seconds, remake_queries = timed(
            lambda: services.remake_run(run=cell_run, reason="Bench: lập lại", user=None)
        )
    with transaction.atomic():
        pay_month(rng, month)
    end = add_months(month, 1) - dt.timedelta(days=1)
    district = Organization.objects.filter(depth=2, kind="committee").order_by("path").first()
    base = Organization.objects.filter(kind__in=["base_party_committee", "base_cell"]).order_by("path").first()
    indicators = []
    for label, org in (
        ("whole province", None),
        ("first district committee", district),
        ("first base organization", base),
    ):
        if org is None and label != "whole province":
            continue
        times, values, count = [], None, 0
        for _ in range(3):
            values, seconds_i, count = timed(
                lambda org=org: compute(organization=org, start=first, end=end, codes=CODES)
            )
            times.append(seconds_i)
        indicators.append(
            {
                "subtree": label,
                "ms": round(statistics.median(times) * 1000),
                "queries": count,
                "values": {k: (float(v) if not isinstance(v, int) else v) for k, v in values.items()},
            }
        )
    return {
        "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": round(load, 2),
        "database": connection.vendor,
        "current_members": Member.objects.filter(status__in=ACTIVE_STATUSES).count(),
        "month": month.isoformat()[:7],
        "year": f"{first:%m/%Y}-{month:%m/%Y}",
        **facts,
        "run": {"runs": len(runs), "lines": lines, "seconds": round(seconds, 2), "queries": queries},
        "remake": {
            "members": cell_run.members_count if cell_run else 0,
            "ms": round(remake_seconds * 1000),
            "queries": remake_queries,
        },
        "indicators": indicators,
    }


def markdown(result: dict) -> str:
    run_, remake = result["run"], result["remake"]
    run_cells = f"{run_['runs']:,} | {run_['lines']:,} | {run_['seconds']} s | {run_['queries']}"
    remake_cells = f"1 | {remake['members']} | {remake['ms']} ms | {remake['queries']}"
    rows = "\n".join(
        f"| {i['subtree']} | {i['ms']:,} | {i['queries']} | {i['values']['dues.collected_pct']} | "
        f"{i['values']['dues.members_in_arrears']:,} |"
        for i in result["indicators"]
    )
    return f"""{BEGIN}
## Party dues (issue 18)

bench/dues_bench.py on `province` data ({result["database"]}), measured on {result["measured_at"]} (load average at
start {result["load_average"]}): {result["current_members"]:,} current members; runs of the year {result["year"]}
({result["months_prepared"]} months prepared by the bench, about 97 % paid).

| step | runs | lines | wall time | queries |
| --- | ---: | ---: | ---: | ---: |
| monthly run of the province, {result["month"]} ({result["rule_of_month"]}) | {run_cells} |
| re-making the largest cell's month | {remake_cells} |

The six dues indicators for the year (median of 3):

| subtree | ms | queries | collected % | members in arrears |
| --- | ---: | ---: | ---: | ---: |
{rows}

Of the whole province's year, `dues.members_in_arrears` takes about two thirds (it compares each of the year's
~730,000 lines with the payments of its member and month, through the (member, month) index), the shares up the
tree about a fifth (the payments grouped by organization and month, then the tree bottom-up in Python); due and
collected are two sums. A subtree reads only its own runs' lines.
{END}"""


def write_doc(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--month", default="2026-10", help="YYYY-MM, the month of the run")
    parser.add_argument("--doc", help="write the section of this Markdown file")
    args = parser.parse_args()
    setup_django()
    month = dt.date.fromisoformat(args.month + "-01")
    result = run(month)
    print(json.dumps(result, ensure_ascii=False))
    if args.doc:
        write_doc(Path(args.doc), markdown(result))


if __name__ == "__main__":
    sys.exit(main())
