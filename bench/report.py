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
    if not disturbed:
        return []
    return [
        f"> **This run was disturbed.** Something else was using the CPU during {disturbed} of the {steps}",
        "> single-process steps (seeding, single-client runs: *CPU busy* above "
        f"{SINGLE_BUSY_LIMIT} %). Read its times as upper",
        "> bounds, and rerun `bash bench/run.sh` on a quiet machine for figures to compare. The query",
        "> counts do not depend on load.",
        "",
    ]


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
        f"Run on {date}. Every figure on this page comes from this run.",
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
    met20 = sum(within_goal(r) for *_, r in runs["c20"])
    met1 = sum(within_goal(r) for *_, r in runs["c1"])
    total = len(runs["c20"])
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
        "answers, socket errors and timeouts.",
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
        "edit this page by hand: rerun the script. The script takes 6 to 25 minutes on 2 cores and needs",
        "no manual step. Its raw results are left in `/tmp/dangvu-bench-run/results`.",
        "",
        *disturbance(args.results),
        *section_machine(args.results, args.settings),
        *section_seeding(args.results),
        *section_load(args.results),
        *section_breakdown(args.results),
        *section_queries(args.results),
        FINDINGS,
    ]
    if args.fixes.exists():
        lines.append(args.fixes.read_text().rstrip() + "\n")
    args.out.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
