"""Write docs/benchmarks.md from the raw results of bench/run.sh.

python bench/report.py --results /tmp/dangvu-bench-run/results --out docs/benchmarks.md
"""

import argparse
import json
from pathlib import Path

P95_GOAL_MS = 100
# A single-client run keeps at most one core of two busy (server and wrk together): more means something
# else was running on the machine.
SINGLE_BUSY_LIMIT = 65
SEED_GOAL_S = 30

FINDINGS = """\
## Findings on the member list (profiling of 2026-11-22, second session)

Written by hand from bench/breakdown.py, cProfile and EXPLAIN QUERY PLAN on province data, on the code of
that day; the tables above are regenerated on every run, these notes are not.

- **SQL is no longer where the time goes.** A search of the whole tree now costs about 1 ms of SQL: the page
  of ids walks `member_list_order_idx` (sort key, id, status, deleted flag, cell, search text) in the
  list's order and stops after 51 matches; the count is read once per search and data version and then
  remembered (`ProbingPaginator`, key from `member_list_count_key`); a whole card number or national ID
  goes through its unique index; a search whose first page is not full is never counted (its length is the
  count). A first, uncounted search still scans the covering index once for its count: 9 to 15 ms at
  province size.
- **What is left is Django.** In-process, with the full middleware: the lightest logged-in page
  (`/calendar/`: session, user, menu, a small table) takes 4.3 ms; the member list with one row (a card
  number) 9.5 ms (the filter form's widgets are about 2.5 ms of it); the member list with 50 rows 16.7 ms
  (the 50 rows, with their links, dates and names, about 7 ms).
- **Why 20 clients cannot get p95 ≤ 100 ms on these 2 cores.** wrk keeps 20 requests in flight, so each
  waits for about 20 / (requests per second). p95 ≤ 100 ms needs about 250 requests/s from 2 cores shared
  with wrk: at most about 8 ms of CPU per request, HTTP included. The reference row shows the floor: the
  lightest page serves about 350 requests/s with p95 about 70 ms. A page of 50 members costs two to three
  times that page. Reaching the goal would need the rows and the form rendered outside Django's template
  engine, or a cache of whole pages, or more cores; none of these was done.
- **Sync workers.** On 2 cores, gunicorn's threaded workers (`-w 2 --threads 2`) doubled the p95 of the
  same page against sync workers (`-w 2`), since the threads of a process share its GIL: the benchmark and
  the README now use sync workers.
"""

INDICATOR_FINDINGS = """\
## Findings on the indicators (profiling of 2026-11-30)

Written by hand from `CaptureQueriesContext` timings and EXPLAIN QUERY PLAN on province data (SQLite, quiet
machine), on the code of that day; the tables above are regenerated on every run, these notes are not.

- **The full set for a year went from 1.04 s (2026-11-22, first session) to 0.29 s, then to 0.07 s** (a month:
  0.50 s, 0.16 s, 0.06 s). First: the meetings keep their attendance counts (`Meeting.attendance_expected/
  present`, written by `meeting_record`); the spells carry the member columns the stocks break down by, so
  both stocks of a period come from one query over one covering index; the events of a period are counted
  from a covering index; counts are `COUNT(1)`, which SQLite answers from the index. Then (this session,
  driven by the country size): "members who studied / were inspected in the period" read activity tables
  (`members/activity.py`: one row per member, year and organization with a bit per month), a count of a few
  thousand index entries instead of 340,000 attendance rows (0.10 s → 3 ms); whole-tree queries skip the
  join to the organizations (`Computation.whole_tree`).
- **SQLite's choice of index matters more than the SQL.** For the whole tree, "has an organization" written
  `IS NOT NULL` made SQLite read the `(start, end)` index and then every row (46 ms for the stocks); written
  `organization_id > 0` it reads the covering index that leads with the organization (17 ms); and the stocks
  of the whole tree now test the spell's open end, `COALESCE(end, 9999-12-31)`, which has an index of its own
  (`spell_stock_until_idx`): one range that skips the spells closed before the period (12 ms).
- **Registry against DuckDB.** The 14 member indicators take about 20 ms (4 queries: the top committee, the
  "only tree" test, the stocks, the flows) against DuckDB's 13 ms: 1.4 to 1.6 times. DuckDB 2.0.1 on this
  machine is faster than the 16 to 25 ms of 2026-11-22, which had put the registry at 2.3 times before the
  open-end index.
- **The report goals are met with margin at bloc size**; compile_report is mostly the full set of
  indicators, so it follows section 4.
"""


def within_goal(result: dict) -> bool:
    """A run meets the goal only if requests finished and their p95 is within it (wrk reports 0 for none)."""
    return result["requests"] > 0 and result["non_200"] == 0 and result["p95_ms"] <= P95_GOAL_MS


def disturbance(results: Path) -> list[str]:
    """A warning when other work was using the CPU during the single-process steps of the run."""
    steps, disturbed = 0, 0
    for size in ("bloc", "province"):
        steps += 1
        seeding = json.loads((results / f"seed-{size}.wall.json").read_text())
        disturbed += seeding.get("cpu_busy_pct", 0) > SINGLE_BUSY_LIMIT
    for line in (results / "load.tsv").read_text().splitlines():
        fields = line.split("\t")
        if fields[2] == "c1":
            steps += 1
            disturbed += int(fields[5]) > SINGLE_BUSY_LIMIT
    for timing in in_process_timings(results):
        steps += 1
        disturbed += timing["cpu_busy_pct"] > SINGLE_BUSY_LIMIT
    if not disturbed:
        return []
    return [
        f"> **This run was disturbed.** Something else was using the CPU during {disturbed} of the {steps}",
        "> single-process steps (seeding, single-client runs, in-process timings: *CPU busy* above "
        f"{SINGLE_BUSY_LIMIT} %). Read its times as upper",
        "> bounds, and rerun `bash bench/run.sh` on a quiet machine for figures to compare. The query",
        "> counts do not depend on load.",
        "",
    ]


def optional_json(path: Path) -> dict | None:
    return json.loads(path.read_text()) if path.exists() and path.stat().st_size else None


def in_process_timings(results: Path) -> list[dict]:
    """The single-process timings of sections 4 and 5 (not DuckDB with several threads, which may use both cores)."""
    out = []
    for size in ("bloc", "province"):
        data = optional_json(results / f"indicators-{size}.json")
        for period in (data or {}).get("periods", {}).values():
            out += [period[k] for k in ("full_set", "members_registry", "members_duckdb_1thread") if k in period]
        data = optional_json(results / f"reports-{size}.json")
        for case in (data or {}).get("cases", []):
            out += [case["compile"], *case["files"].values()]
    return out


def read_json_line(path: Path) -> dict:
    """The last line of a file that is a JSON object (seed_demo prints its counts last)."""
    for line in reversed(path.read_text().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON line in {path}")


def wrk_result(path: Path) -> dict:
    for line in path.read_text().splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise ValueError(f"no BENCH_JSON line in {path} (wrk failed?)")


def table(headers: list[str], rows: list[list], align: str = "") -> list[str]:
    align = align or "l" + "r" * (len(headers) - 1)
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def n(value: float | int) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def machine(results: Path) -> dict[str, str]:
    facts = {}
    for line in (results / "machine.txt").read_text().splitlines():
        key, _, value = line.partition(": ")
        facts[key] = value
    return facts


def section_machine(results: Path, settings: str) -> list[str]:
    facts = machine(results)
    date = (results / "date").read_text().strip()
    rows = [[k, v] for k, v in facts.items()]
    rows.append(["load average (1, 5, 15 min) at start", (results / "loadavg-start").read_text().strip()])
    rows.append(["whole run", f"{(results / 'run-seconds').read_text().strip()} s"])
    rows.append(["load runs", settings])
    out = [
        "## Machine and run",
        "",
        f"Run on {date}. Every figure on this page comes from this run, unless a section gives its own date.",
        "",
        *table(["what", "value"], rows, "ll"),
        "`free -h`:",
        "",
        "```",
        (results / "free.txt").read_text().rstrip(),
        "```",
        "",
        "The machine has 2 cores. The load generator, the server and anything else running at the same",
        "time (for example another developer's test suite) share them. The load tables give the",
        "1-minute load average at the start of each run, so that a disturbed run can be spotted.",
        "",
    ]
    return out


def section_seeding(results: Path) -> list[str]:
    rows = []
    verdict = ""
    for size in ("bloc", "province"):
        counts = read_json_line(results / f"seed-{size}.log")
        wall = json.loads((results / f"seed-{size}.wall.json").read_text())
        db_mb = int((results / f"dbsize-{size}").read_text()) / 1e6
        goal = ""
        busy = wall.get("cpu_busy_pct", 0)
        cpu = f"{busy} %" + (" (disturbed?)" if busy > SINGLE_BUSY_LIMIT else "")
        if size == "bloc":
            met = wall["seed_wall_s"] <= SEED_GOAL_S
            goal = f"≤ {SEED_GOAL_S} s: {'met' if met else '**missed**'}"
            verdict = (
                f"Goal for bloc, {SEED_GOAL_S} s or less: **{'met' if met else 'missed'}**"
                f" ({n(wall['seed_wall_s'])} s)."
            )
        rows.append(
            [
                size,
                n(wall["seed_wall_s"]),
                n(float(counts["seconds"])),
                n(wall["migrate_s"]),
                n(counts["current_members"]),
                n(counts["Member"]),
                n(counts["MemberEvent"]),
                n(counts["MembershipSpell"]),
                n(counts["Organization"]),
                f"{db_mb:,.0f} MB",
                cpu,
                goal or "informational",
            ]
        )
    province = read_json_line(results / "seed-province.log")
    rate = province["current_members"] / float(province["seconds"])
    province_mb = int((results / "dbsize-province").read_text()) / 1e6
    scale = 5_600_000 / province["current_members"]
    return [
        "## 1. Seeding time",
        "",
        "`manage.py seed_demo --size SIZE --seed 1` on a freshly migrated, empty SQLite database. *Wall* is",
        "the whole command, with Python start-up and the printing of the logins. *seed_demo* is the",
        '`"seconds"` field that the command prints. Rows are what the command reports creating.',
        "Seeding starts once the CPU has been idle for 3 s (the script waits at most 120 s). It runs in one",
        "process, so *CPU busy* (the machine's 2 cores during the seeding) should be near 50 %. Above",
        f"{SINGLE_BUSY_LIMIT} %, something else was running and the time is too high.",
        "",
        *table(
            [
                "size",
                "wall (s)",
                "seed_demo (s)",
                "migrate (s)",
                "current members",
                "Member rows",
                "MemberEvent rows",
                "MembershipSpell rows",
                "organizations",
                "database",
                "CPU busy",
                "goal",
            ],
            rows,
            "lrrrrrrrrrrl",
        ),
        verdict,
        "",
        "The *country* size (5.6 M current members, 700 chunks) is not run here because it is not feasible",
        f"on this machine. At the province rate ({rate:,.0f} current members seeded per second, one",
        f"thread), it would take about {5_600_000 / rate / 3600:,.1f} hours and need about",
        f"{province_mb * scale / 1000:,.0f} GB of SQLite. It is meant for a PostgreSQL server; the country",
        "benchmark (`bash bench/country.sh`) copies a seeded province inside PostgreSQL instead.",
        "",
    ]


def section_load(results: Path) -> list[str]:
    runs: dict[str, list] = {"c20": [], "c20think": [], "c1": []}
    for line in (results / "load.tsv").read_text().splitlines():
        label, path, kind, file, waited, busy = line.split("\t")
        result = wrk_result(results / file)
        runs[kind if kind in runs else "c20"].append((label, path, (int(waited), int(busy)), result))
    facts = machine(results)

    def rows(kind: str) -> list[list]:
        out = []
        for label, path, (_, busy), r in runs[kind]:
            met = within_goal(r)
            out.append(
                [
                    label,
                    f"`{path}`",
                    n(r["requests"]),
                    n(r["rps"]),
                    n(r["p50_ms"]),
                    n(r["p95_ms"]),
                    n(r["p99_ms"]),
                    n(r["max_ms"]),
                    r["non_200"] + r["socket_errors"] + r["timeouts"],
                    f"{busy} %" + (" (disturbed?)" if kind == "c1" and busy > SINGLE_BUSY_LIMIT else ""),
                    "met" if met else ("**missed**" if r["requests"] else "**missed** (no request finished)"),
                ]
            )
        return out

    headers = [
        "search",
        "path",
        "requests",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors",
        "CPU busy",
        f"p95 ≤ {P95_GOAL_MS} ms",
    ]
    searches = {kind: [run for run in found if not run[0].startswith("reference:")] for kind, found in runs.items()}
    met20 = sum(within_goal(r) for *_, r in searches["c20"])
    met1 = sum(within_goal(r) for *_, r in searches["c1"])
    total = len(searches["c20"])
    waited = sum(w for _, _, (w, _), _ in runs["c1"])
    return [
        "## 2. Member list with a search, under load (province data)",
        "",
        "The load is `GET /members/?q=…` on the province data set (SQLite, WAL), logged in as `admin`",
        "(committee staff, so every member is in scope). The session cookie comes from the real login",
        "form (bench/login.py), which also checks that each URL answers 200 and not the login page.",
        f"The server is gunicorn, {facts.get('gunicorn', '')}, over loopback. The client is wrk with",
        "bench/latency.lua, which prints the percentiles from `done()` (`latency:percentile(95)`) and",
        "counts every answer other than 200. Each search gets a warm-up, then a measured run with 20",
        "connections on 2 wrk threads, then a run with one connection (service time without queueing).",
        "The wrk timeout is 30 s, so slow answers are measured, not dropped. *Errors* adds up non-200",
        "answers, socket errors and timeouts. The last row is not a search: it is the lightest logged-in",
        "page of the application (`/calendar/`: session, user, menu, a small table) under the same load, the",
        "floor that Django, the server and the 2 cores set for any page. It is not counted in the goal.",
        "",
        "The machine is shared, so before each search the script waits until the CPU has been idle for",
        f"3 s, at most 60 s (this run waited {waited} s in all). *CPU busy* is how busy the machine's 2",
        "cores were during the measured run. It is near 100 % with 20 clients. With 1 client it should stay",
        f"near 50 %, and above {SINGLE_BUSY_LIMIT} % something else was running.",
        "",
        f"Goal: p95 ≤ {P95_GOAL_MS} ms with 20 clients. **{'Met' if met20 == total else 'Not met'}**:",
        f"{met20} of {total} searches are within the goal with 20 clients, and {met1} of {total} with 1 client.",
        "",
        "### 20 concurrent clients",
        "",
        *table(headers, rows("c20"), "llrrrrrrrrl"),
        *(
            [
                "### 20 users at work (each reads a page for 1 s before the next request)",
                "",
                "Not the goal's measure: the same 20 connections, each waiting 1 s after an answer before its",
                "next request, as people do when they read a list (wrk's `delay()`; the wait is not in the",
                "latencies). It shows the latency 20 working users would see on this machine.",
                "",
                *table(headers, rows("c20think"), "llrrrrrrrrl"),
            ]
            if runs["c20think"]
            else []
        ),
        "### 1 client (no queueing)",
        "",
        *table(headers, rows("c1"), "llrrrrrrrrl"),
    ]


def section_breakdown(results: Path) -> list[str]:
    data = json.loads((results / "breakdown-province.json").read_text())
    rows = []
    for page in data["pages"]:
        slowest = page["sql"][0] if page["sql"] else {"ms": 0, "sql": ""}
        rows.append(
            [
                page["label"],
                n(page["total_ms"]),
                n(page["sql_ms"]),
                n(page["template_ms"]),
                n(page["other_ms"]),
                page["queries"],
                f"{n(slowest['ms'])} ms: `{slowest['sql'][:60]}…`",
            ]
        )
    return [
        "## Where the time of one request goes (province data)",
        "",
        f"bench/breakdown.py runs each page {data['runs']} times in-process through Django's test client,",
        "with the full middleware stack and no network. The table gives medians in ms. *SQL* is the time in",
        "`execute` and the fetches, wherever it happens: the member page is a lazy queryset that runs while",
        "the template renders. *Template* is template rendering without that SQL. *Other* is middleware,",
        "view and forms.",
        "",
        *table(["page", "total", "SQL", "template", "other", "queries", "slowest query"], rows, "lrrrrrl"),
    ]


def section_queries(results: Path) -> list[str]:
    sizes = [json.loads((results / f"queries-{size}.json").read_text()) for size in ("bloc", "province")]
    by_label = {}
    for data in sizes:
        for page in data["pages"]:
            by_label.setdefault(page["label"], {"path": page["path"]})[data["size"]] = page
    rows = []
    for label, pages in by_label.items():
        bloc, province = pages.get("bloc", {}), pages.get("province", {})
        same = bloc.get("queries") == province.get("queries")
        rows.append(
            [
                label,
                bloc.get("queries", "–"),
                province.get("queries", "–"),
                "yes" if same else "**no**",
                f"{bloc.get('bytes', 0) / 1000:,.0f} / {province.get('bytes', 0) / 1000:,.0f} kB",
            ]
        )
    bloc, province = sizes
    return [
        "## 3. SQL queries per request",
        "",
        "bench/querycount.py requests each page with Django's test client, logged in as `admin`, and counts",
        "the statements with `django.test.utils.CaptureQueriesContext`. It makes one warm-up request before",
        f"the counted one. Bloc: {n(bloc['members'])} current members and {n(bloc['organizations'])}",
        f"organizations. Province: {n(province['members'])} current members and",
        f"{n(province['organizations'])} organizations. Paths with numbers (card, national ID, organization",
        "pages) use a real member or organization of each data set.",
        "",
        *table(["page", "bloc", "province", "same count", "HTML size bloc / province"], rows, "lrrcr"),
        "The member list takes 6 queries: session, user, the organizations for the filter (2), the first",
        "page of ids and the rows of the page. When the first page is full it also reads the data version",
        "(3 queries, each the end of a primary-key index) and, unless that count is remembered, counts: 9 or",
        "10. The organization tree takes 5 queries at any size, but its HTML grows with the tree: it lists",
        "every visible organization.",
        "",
    ]


FULL_SET_GOAL_S = 0.5
DUCKDB_RATIO_GOAL = 2
MONTHLY_GOAL_S = 2
MID_TERM_GOAL_S = 5
COUNTRY_GOAL_S = 5.0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def spread(timing: dict) -> str:
    times = timing["times_s"]
    return f"{ms(min(times))}–{ms(max(times))}"


def conditions(timing: dict) -> str:
    busy = timing["cpu_busy_pct"]
    return f"{timing['load1']:.2f} / {busy} %" + (" (disturbed?)" if busy > SINGLE_BUSY_LIMIT else "")


def section_indicators(results: Path) -> list[str]:
    sizes = [d for d in (optional_json(results / f"indicators-{s}.json") for s in ("bloc", "province")) if d]
    if not sizes:
        return []
    full_rows, query_rows, duck_rows = [], [], []
    for data in sizes:
        for name, period in data["periods"].items():
            full = period["full_set"]
            goal = "informational"
            if data["size"] == "province":
                goal = "met" if full["median_s"] <= FULL_SET_GOAL_S else "**missed**"
            label = f"{name} ({period['start']} – {period['end']})"
            full_rows.append([data["size"], label, ms(full["median_s"]), spread(full), conditions(full), goal])
            q = period["queries"]
            query_rows.append(
                [data["size"], name, q["cell"], q["level 2"], q["whole tree"], period.get("member_queries", "–")]
            )
            if "members_duckdb" in period:
                reg, duck, one = period["members_registry"], period["members_duckdb"], period["members_duckdb_1thread"]
                ratio = period["ratio_registry_duckdb"]
                ratio1 = reg["median_s"] / one["median_s"]
                duck_rows.append(
                    [
                        data["size"],
                        name,
                        f"{ms(reg['median_s'])} ({conditions(reg)})",
                        ms(duck["median_s"]),
                        ms(one["median_s"]),
                        f"{ratio:,.1f}×",
                        f"{ratio1:,.1f}×",
                        "yes" if period["duckdb_equal"] else f"**no**: {period['duckdb_mismatches']}",
                        "met" if ratio <= DUCKDB_RATIO_GOAL else "**missed**",
                    ]
                )
    first = sizes[0]
    runs = first["periods"]["year"]["full_set"].get("runs", 5)
    counts = {(r[2], r[3]) for r in query_rows}
    constant = len({r[2] for r in query_rows}) == 1 and len({r[3] for r in query_rows}) == 1
    if constant:
        query_note = [
            "The count is the same for a cell, a level-2 organization and every size of data: it does not grow",
            "with the organizations. For the whole tree, `compute(organization=None)` first looks up the top",
            "committee (one query more), and skips the transfers in from other cells of the committee, since",
            "the whole committee has none (one query less).",
        ]
    else:
        query_note = [f"**The count varies** with the subtree or the data ({sorted(counts)}): see the table."]
    out = [
        "## 4. Indicator registry",
        "",
        f"bench/indicators_bench.py, measured on {first['measured_at']} (load average at start"
        f" {first['loadavg_start']}). In one Python process after `django.setup()`, it times",
        f"`indicators.registry.compute(organization=None, start, end)`, the full set of {first['indicators']}",
        f"indicators for the whole tree, on SQLite. The table gives the median of {runs} runs after one",
        "warm-up run, in ms, the fastest and slowest run, and the 1-minute load average and how busy the",
        f"machine's 2 cores were during the {runs} runs (one process: near 50 %; above {SINGLE_BUSY_LIMIT} %,",
        "something else was running).",
        "",
        f"Goal: the full set at province size in {FULL_SET_GOAL_S} s or less.",
        "",
        *table(
            ["size", "period", "median ms", "range ms", "load / CPU busy", f"≤ {FULL_SET_GOAL_S} s"],
            full_rows,
            "llrrrl",
        ),
        "### Queries of one computation",
        "",
        "The statements of one `compute()` of the full set, counted with `CaptureQueriesContext`, for a",
        f"single cell ({', '.join(sorted({d['subtrees']['cell'] for d in sizes}))}), the first level-2",
        "organization and the whole tree. *Members only* is `compute(codes=[the 14 member indicators])`.",
        "",
        *table(
            ["size", "period", "one cell", "level 2", "whole tree", "members only, whole tree"], query_rows, "llrrrr"
        ),
        *query_note,
        "",
    ]
    if duck_rows:
        duck = first.get("duckdb", {})
        out += [
            "### Member indicators: the registry against DuckDB",
            "",
            "The 14 member indicators (members.total, total_start, probationary, women, ethnic_minority,",
            "religious, admitted, made_full, transferred_in, transferred_out, removed, resigned, expelled,",
            "died) timed alone with `compute(..., codes=[…])` on SQLite, and the same figures computed with",
            f"DuckDB {duck.get('version', '')} in memory from a copy of the columns they read of",
            "members_membershipspell, members_memberevent, members_member and organizations_organization",
            "(exported from the SQLite database through CSV files, since DuckDB's sqlite extension needs a",
            "download). The DuckDB SQL is in bench/indicators_bench.py: two stock queries (spells open on the",
            "last day and on the day before the first) and one query over the period's events. DuckDB is a",
            "benchmark-only tool (`pip install duckdb`), not an application requirement. Copying the tables",
            "into DuckDB took "
            + ", ".join(f"{d['duckdb']['export_and_load_s']} s ({d['size']})" for d in sizes if "duckdb" in d)
            + " and is not included in the times.",
            "Before timing, the script checks that DuckDB's 14 figures equal the registry's, for the whole",
            "tree and for one cell.",
            "",
            f"Goal: the registry within {DUCKDB_RATIO_GOAL}× DuckDB (DuckDB with its default"
            f" {duck.get('threads', '')} threads; the ratio with DuckDB on 1 thread is given too).",
            "",
            *table(
                [
                    "size",
                    "period",
                    "registry ms (load / CPU busy)",
                    "DuckDB ms",
                    "DuckDB 1 thread ms",
                    "ratio",
                    "ratio, 1 thread",
                    "same figures",
                    f"≤ {DUCKDB_RATIO_GOAL}×",
                ],
                duck_rows,
                "llrrrrrll",
            ),
        ]
    out += [
        "### Country size",
        "",
        "The country size (5.6 M current members, on PostgreSQL) is measured by its own script,",
        "`bash bench/country.sh` (30 to 60 minutes, tens of GB), which writes",
        "[benchmarks-country.md](benchmarks-country.md).",
        "",
    ]
    return out


COUNTRY_FINDINGS = """\
## Findings (profiling of 2026-11-30)

Written by hand from one `compute()` of the full set for 2025 on this database with `CaptureQueriesContext`
(2.6 s in all, 24 queries); the tables above are regenerated on every run, these notes are not.

- *CPU busy* is high because PostgreSQL runs parallel workers on both cores: here it does not mean that
  something else was running (the machine was otherwise idle).
- On 2026-11-22 the year took 26.6 s: the members who studied (11.0 s, 31 M attendance rows of the year
  checked against 5.6 M open spells) and the distinct inspected members (8.2 s) took two thirds of it. Both now
  read activity tables (`education.StudiedYear`, `inspections.InspectedYear`, see `members/activity.py`): one row
  per member, year and organization with a bit per month of activity and a bit per month's end at which the
  member was counted there, kept by the services. A report's period is then one count over an index with no
  join: 0.20 s and 0.06 s. Whole-tree queries no longer join the organizations for their path
  (`Computation.whole_tree`), the member ratings count from a partial index `(season, organization, grade)`,
  and the server runs with JIT off (its compilation cost 50-250 ms a query, about 1 s of the year).
- The two stocks of the period (last day, day before the first) were one index-only scan over all 14.5 M
  spells ever recorded (0.92 s); for the whole tree they now read a range of the index `spell_stock_until_idx`
  on the spell's open end, `COALESCE(end, 9999-12-31)`, which skips the spells closed before the period:
  0.48 s (5.9 M index entries).
- What is left, by time: the member ratings (0.51 s: 5.6 M ratings of the season), the stocks (0.48 s), the
  badges due (0.32 s), the meetings (0.25 s), the inspections (0.25 s), then 19 queries under 0.21 s each.
  The month reads the same stocks and ratings.
- A period that cuts a month, such as the dashboard's year to date (2026-01-01 – 2026-11-22, measured by hand
  the same way): 2.0 s, 26 queries; the two extra queries look up the members the cut concerns (none here).
"""


def country_page(results: Path) -> list[str]:
    """docs/benchmarks-country.md, from the results of bench/country.sh."""
    data = json.loads((results / "indicators-country.json").read_text())
    scale = json.loads((results / "scale-up.json").read_text()) if (results / "scale-up.json").exists() else {}
    seed_s = (
        (results / "seed-province.seconds").read_text().strip() if (results / "seed-province.seconds").exists() else "?"
    )
    size = (results / "database-size").read_text().strip()
    version = (results / "server-version").read_text().strip()
    rows, query_rows = [], []
    for name, period in data["periods"].items():
        full, members = period["full_set"], period["members_registry"]
        goal = "met" if full["median_s"] <= COUNTRY_GOAL_S else "**missed**"
        label = f"{name} ({period['start']} – {period['end']})"
        rows.append([label, ms(full["median_s"]), spread(full), ms(members["median_s"]), conditions(full), goal])
        q = period["queries"]
        query_rows.append([name, q["cell"], q["level 2"], q["whole tree"], period.get("member_queries", "–")])
    tables = scale.get("tables", {})
    biggest = sorted(tables.items(), key=lambda item: -item[1]["copied"])[:6]
    return [
        "# Benchmarks at country size (PostgreSQL)",
        "",
        "Generated by `bash bench/country.sh`; do not edit by hand. "
        f"Measured on {data['measured_at']} (load average at start {data['loadavg_start']}), on the same",
        f"2-core machine as [benchmarks.md](benchmarks.md), PostgreSQL {version} (shared_buffers 4 GB,",
        "work_mem 128 MB, fsync off: a benchmark server, not a production one).",
        "",
        "## The data",
        "",
        "`seed_demo --size province --seed 1` on PostgreSQL"
        f" ({seed_s} s), then bench/scale_up.py copied the province {scale.get('copies', '?')} more times under",
        f"the top committee inside PostgreSQL ({scale.get('copy_s', '?')} s, then VACUUM ANALYZE; total"
        f" {scale.get('total_s', '?')} s). The result: {data['members']:,} current members in",
        f"{data['organizations']:,} organizations, a database of {size}. The largest copied tables: "
        + ", ".join(f"{table} +{info['copied']:,} rows" for table, info in biggest)
        + ". How the copy is made, and which tables are not copied (none of them is read by an indicator),"
        " is in the docstring of bench/scale_up.py.",
        "",
        "## The full set of indicators",
        "",
        f"bench/indicators_bench.py --no-duckdb: `compute(organization=None, start, end)`, the full set of"
        f" {data['indicators']} indicators for the whole tree, median of {full.get('runs', 3)} runs after one",
        f"warm-up, in ms; *members only* is the 14 member indicators alone. Goal: {COUNTRY_GOAL_S} s or less.",
        "",
        *table(
            ["period", "full set ms", "range ms", "members only ms", "load / CPU busy", f"≤ {COUNTRY_GOAL_S} s"],
            rows,
            "lrrrll",
        ),
        "### Queries of one computation",
        "",
        *table(["period", "one cell", "level 2", "whole tree", "members only, whole tree"], query_rows, "lrrrr"),
        "The same counts as at bloc and province size on SQLite ([benchmarks.md](benchmarks.md), section 4):",
        "they do not grow with the data.",
        "",
        COUNTRY_FINDINGS,
    ]


def section_reports(results: Path) -> list[str]:
    sizes = [d for d in (optional_json(results / f"reports-{s}.json") for s in ("bloc", "province")) if d]
    if not sizes:
        return []
    rows = []
    for data in sizes:
        for case in data["cases"]:
            files = case["files"]
            goal_s = MONTHLY_GOAL_S if case["kind"] == "monthly" else MID_TERM_GOAL_S
            if data["size"] == "bloc":
                goal = f"≤ {goal_s} s: " + ("met" if case["total_s"] <= goal_s else "**missed**")
            else:
                goal = "informational"
            rows.append(
                [
                    data["size"],
                    case["label"],
                    case["queries"],
                    f"{ms(case['compile']['median_s'])} ({conditions(case['compile'])})",
                    ms(files["docx"]["median_s"]) if "docx" in files else "–",
                    ms(files["xlsx"]["median_s"]) if "xlsx" in files else "–",
                    ms(case["total_s"]),
                    case["appendix_rows"],
                    goal,
                ]
            )
    first = sizes[0]
    return [
        "## 5. Report compilation and files",
        "",
        f"bench/reports_bench.py, measured on {first['measured_at']} (load average at start"
        f" {first['loadavg_start']}). In one process, it times",
        "`reports.compile.compile_report(kind=…, period_key=…, organization=None)` (which computes the full",
        "indicator set of section 4 and fills the sentences), then `reports.docx_writer.write_docx` and, for",
        "the mid-term report, `reports.xlsx_writer.write_xlsx`, each the median of 5 runs after one warm-up",
        "run, in ms. *Total* adds up the medians. The queries are those of one `compile_report`. The mid-term",
        "report's appendix is the progress of the 2020-2025 term's targets (seeded by targets/demo_data.py).",
        "",
        f"Goals, bloc: the monthly report to DOCX in {MONTHLY_GOAL_S} s or less, the mid-term report to DOCX",
        f"and XLSX in {MID_TERM_GOAL_S} s or less.",
        "",
        *table(
            [
                "size",
                "report",
                "queries",
                "compile ms (load / CPU busy)",
                "DOCX ms",
                "XLSX ms",
                "total ms",
                "appendix rows",
                "goal",
            ],
            rows,
            "llrrrrrrl",
        ),
        *report_query_note(sizes),
        "",
    ]


def report_query_note(sizes: list[dict]) -> list[str]:
    by_case: dict[str, set] = {}
    for data in sizes:
        for case in data["cases"]:
            by_case.setdefault(case["label"], set()).add(case["queries"])
    if len(sizes) < 2:
        return ["(Only one size measured: no comparison of the query counts.)"]
    if all(len(v) == 1 for v in by_case.values()):
        return [
            "Each report takes the same number of queries at bloc and province size: its figures come from",
            "the registry, whose queries do not grow with the organizations.",
        ]
    return ["**The query count differs** between bloc and province size: see the table."]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, help="results of bench/run.sh")
    parser.add_argument("--country", type=Path, help="results of bench/country.sh (writes the country page)")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--settings", default="", help="description of the load-run durations")
    args = parser.parse_args()
    if args.country:
        args.out.write_text("\n".join(country_page(args.country)))
        return
    if args.results is None:
        parser.error("--results or --country is required")
    lines = [
        "# Benchmarks",
        "",
        "Generated by `bash bench/run.sh` (also `make bench`) from its own fresh SQLite databases. Do not",
        "edit this page by hand: rerun the script. The script takes 8 to 30 minutes on 2 cores and needs",
        "no manual step. Its raw results are left in `$BENCH_WORK/results` (default `/tmp/dangvu-bench-run/results`).",
        "",
        *disturbance(args.results),
        *section_machine(args.results, args.settings),
        *section_seeding(args.results),
        *section_load(args.results),
        *section_breakdown(args.results),
        *section_queries(args.results),
        *section_indicators(args.results),
        *section_reports(args.results),
        FINDINGS,
        INDICATOR_FINDINGS,
    ]
    args.out.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
