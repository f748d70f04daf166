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
## Findings (profiling of 2026-11-22)

These notes come from profiling the code of that day (bench/breakdown.py, EXPLAIN QUERY PLAN, pyinstrument);
the tables above are regenerated on every run, these notes are not.

- **Where the time goes.** On province data one member-list request spends about 90 % of its time in SQL,
  in two statements over the whole `members_member` table (89,410 rows, 33 MB): the paginator's
  `COUNT(*)` and the page query. Template rendering is about 10 ms and middleware, view and form about
  5 ms. Both statements use the index `(status, probation_ends_on)` for `status IN ('probationary',
  'full')`, which matches 68 % of the rows, so SQLite reads nearly every member through the index, one
  random table lookup at a time. The page query then sorts every match in a temporary B-tree
  (`ORDER BY sort_key, id`) to keep 50 rows. The database has no `sqlite_stat1` (ANALYZE was never run),
  so the planner cannot tell that the status index is a poor choice.
- **Why 20 clients see 1 to 2 seconds.** The closed-loop wrk clients queue behind 2 cores. At about 150
  ms of CPU per request, the machine serves about 12 requests/s, and by Little's law 20 clients then
  wait 20 / 12 ≈ 1.7 s on average. Meeting p95 ≤ 100 ms with 20 concurrent clients on 2 cores needs
  about 5 ms of CPU per request. Even a single client (the second table) is over the goal on province
  data.
- **Card-number search finds nothing on demo data.** `demo/seed.py::_save_people` calls
  `apply_personal_derivations(member)`, which builds `search_text`, before it sets `member.card_number`.
  So no seeded member has the card number in `search_text`, and a card-number search returns no rows.
  The row measured here is a full scan that finds nothing. The national-ID row measures a real hit.
- **Organization tree.** It always takes 5 queries, but it renders every visible organization: 3,049
  rows at province size. The page takes about 0.5 s, mostly template rendering.
- Fixes proposed, with their measured effect in a scratch copy: see the final section.
"""

INDICATOR_FINDINGS = """\
## Findings on the indicators and reports (profiling of 2026-11-22)

Written by hand from one profiled `compute()` of the full set for 2025 on province data (SQLite,
`CaptureQueriesContext` timings and EXPLAIN QUERY PLAN), on the code of that day; the tables above are
regenerated on every run, these notes are not. The machine was shared with a CI run (load average 3 to
3.6 on 2 cores) throughout, so absolute times are upper bounds; the proportions below held across runs.

- **Where the full set's time goes (province, year: 1.45 s, 1.41 s of it in SQL).** Three queries of
  other apps take 0.94 s: the distinct members who attended a study session (`education`, 0.40 s:
  `COUNT(DISTINCT member_id)` over 685,239 `education_studyattendance` rows with two `IN` subqueries,
  which SQLite runs member by member), the meeting attendance counts (`meetings`, 0.35 s: 1.8 M
  `meetings_attendance` rows read meeting by meeting) and the distinct inspected members (`inspections`,
  0.19 s: the subject members joined to `members_membershipspell` three times, then a temporary B-tree for
  the DISTINCT). The two member stock queries take 0.15 s each. The other 24 queries take about 0.1 s
  together. The inspection query also looks wrong, not only slow (`inspections/indicators.py`, lines
  40-45): its three chained `.filter()` calls on `member__spells` make three separate joins, so the start,
  the end and the organization of the spell can come from three different spells of the member. A month
  is cheaper (0.8 s) because fewer meetings, sessions and events fall in it, but the
  stock queries cost the same for any period.
- **Registry against DuckDB, member indicators.** The figures are identical. The registry spends its
  time in the two stock queries: for each organization of the subtree SQLite walks the spells index
  `(organization, start, end)`, then reads each spell row and each member row by rowid (one random
  lookup per counted member, for `sex`, `is_ethnic_minority`, `is_religious`), while DuckDB scans and
  hash-joins the columns. In a scratch copy of the bloc database, a covering index on the spells
  `(organization_id, start, end, probationary, member_id)` and one on the members `(id, sex,
  is_ethnic_minority, is_religious, political_theory_level)`, then `ANALYZE`, took the 14 member
  indicators from about 75 ms to about 41 ms (one noisy measurement). That is still about 3× DuckDB.
  Closing the rest needs fewer rows read per computation, e.g. the member attributes copied onto
  `MembershipSpell`, or counts kept per organization and day.
- **The report goals are met with margin at bloc size**; compile_report is mostly the full set of
  indicators, so it follows section 4 (province: about 0.8 s for a monthly report, 2.4 s for the
  mid-term report). The mid-term report takes 23 queries more than the monthly one for the target
  appendix, at any size.
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
        f"{province_mb * scale / 1000:,.0f} GB of SQLite. It is meant for a PostgreSQL server.",
        "",
    ]


def section_load(results: Path) -> list[str]:
    runs: dict[str, list] = {"c20": [], "c1": []}
    for line in (results / "load.tsv").read_text().splitlines():
        label, path, kind, file, waited, busy = line.split("\t")
        result = wrk_result(results / file)
        runs[kind if kind == "c1" else "c20"].append((label, path, (int(waited), int(busy)), result))
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
        "The member list takes 6 queries: session, user, the organizations for the filter (2), the",
        "paginator's count and the page. A search with no match needs 5, because there is no page to",
        "fetch. The organization tree takes 5 queries at any size, but its HTML grows with the tree: it",
        "lists every visible organization.",
        "",
    ]


FULL_SET_GOAL_S = 0.5
DUCKDB_RATIO_GOAL = 2
MONTHLY_GOAL_S = 2
MID_TERM_GOAL_S = 5
COUNTRY_MEMBERS = 5_600_000


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
    province_full = []
    for data in sizes:
        for name, period in data["periods"].items():
            full = period["full_set"]
            goal = "informational"
            if data["size"] == "province":
                province_full.append(full["median_s"])
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
    by_size = {d["size"]: d for d in sizes}
    counts = {(r[2], r[3]) for r in query_rows}
    constant = len({r[2] for r in query_rows}) == 1 and len({r[3] for r in query_rows}) == 1
    if constant:
        query_note = [
            "The count is the same for a cell, a level-2 organization and every size of data: it does not grow",
            "with the organizations. The whole tree takes one query more: `compute(organization=None)` first",
            "looks up the top committee.",
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
    province = by_size.get("province")
    seed = results / "seed-province.log"
    if province and seed.exists():
        counts = read_json_line(seed)
        rate = counts["current_members"] / float(counts["seconds"])
        factor = COUNTRY_MEMBERS / province["members"]
        out += [
            "### Country size",
            "",
            "The country size (5.6 M current members, on PostgreSQL) cannot be measured here: seeding it at",
            f"the measured province rate ({rate:,.0f} current members per second) would take about",
            f"{COUNTRY_MEMBERS / rate / 3600:,.0f} hours, and the machine has no PostgreSQL server. The",
            "registry's queries scan the spells and events of the period within the subtree, so their cost",
            f"grows about linearly with the data: {factor:,.0f} times the province data would put the full set",
            f"at roughly {max(province_full) * factor:,.0f} s on this machine with SQLite. That is an",
            "extrapolation, not a measurement; PostgreSQL with parallel scans or a pre-aggregated table would",
            "change it.",
            "",
        ]
    return out


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
    parser.add_argument("--results", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--settings", default="", help="description of the load-run durations")
    parser.add_argument(
        "--fixes",
        type=Path,
        default=Path(__file__).with_name("fixes.md"),
        help="hand-written section appended at the end (proposed fixes and their measured effect)",
    )
    args = parser.parse_args()
    lines = [
        "# Benchmarks",
        "",
        "Generated by `bash bench/run.sh` (also `make bench`) from its own fresh SQLite databases. Do not",
        "edit this page by hand: rerun the script. The script takes 8 to 30 minutes on 2 cores and needs",
        "no manual step. Its raw results are left in `/tmp/dangvu-bench-run/results`.",
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
    if args.fixes.exists():
        lines.append(args.fixes.read_text().rstrip() + "\n")
    args.out.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
