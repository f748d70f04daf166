"""Time the indicator registry (the full set and the member indicators) and check the member figures with DuckDB.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python bench/indicators_bench.py --size province [--runs 5] [--no-duckdb]

Prints one JSON object. Everything runs in this one process after django.setup(): each timing is the median
of --runs runs after one warm-up run. For each period (a year, a month) it records:

- the full set, `indicators.registry.compute(organization=None, start, end)`, and its query count for the
  whole tree, one level-2 organization and one cell (django.test.utils.CaptureQueriesContext);
- the member indicators alone, `compute(..., codes=MEMBER_CODES)`;
- the same member figures computed with DuckDB (a benchmark-only tool, `pip install duckdb`, not in the
  requirements) from a copy of the four tables it needs, and whether they equal the registry's.

DuckDB gets the tables through CSV files written from Python (its sqlite extension would need a download).
Only the columns the member indicators read are exported. Load average and the share of the machine's CPU
that was busy are recorded next to each timing, since the machine may be shared.
"""

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from pages import setup_django

PERIODS = {"year": ("2025-01-01", "2025-12-31"), "month": ("2025-04-01", "2025-04-30")}
MEMBER_CODES = [
    "members.total",
    "members.total_start",
    "members.probationary",
    "members.women",
    "members.ethnic_minority",
    "members.religious",
    "members.admitted",
    "members.made_full",
    "members.transferred_in",
    "members.transferred_out",
    "members.removed",
    "members.resigned",
    "members.expelled",
    "members.died",
]


def cpu_ticks() -> tuple[int, int]:
    """(total, idle) CPU ticks of the whole machine, from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]


def measured(func, runs: int) -> dict:
    """Median and all times (s) of `runs` calls after one warm-up, with load average and CPU busy (%)."""
    func()  # warm-up
    load = os.getloadavg()[0]
    before = cpu_ticks()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    after = cpu_ticks()
    total, idle = after[0] - before[0], after[1] - before[1]
    return {
        "runs": runs,
        "median_s": statistics.median(times),
        "times_s": [round(t, 4) for t in times],
        "load1": round(load, 2),
        "cpu_busy_pct": round(100 * (1 - idle / total)) if total else 0,
    }


def run_facts() -> dict:
    """When, and on how loaded a machine, a benchmark script started."""
    utc = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"measured_at": utc, "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def query_count(func) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


# --- DuckDB ---------------------------------------------------------------------------------------------------

TABLES = {
    # table: (columns exported, DuckDB column types)
    "organizations_organization": ("id, path", {"id": "BIGINT", "path": "VARCHAR"}),
    "members_member": (
        "id, sex, is_ethnic_minority, is_religious",
        {"id": "BIGINT", "sex": "VARCHAR", "is_ethnic_minority": "INTEGER", "is_religious": "INTEGER"},
    ),
    "members_membershipspell": (
        'id, member_id, organization_id, start, "end", probationary',
        {
            "id": "BIGINT",
            "member_id": "BIGINT",
            "organization_id": "BIGINT",
            "start": "DATE",
            "end": "DATE",
            "probationary": "INTEGER",
        },
    ),
    "members_memberevent": (
        "id, kind, on, organization_id, counterpart_id, transfer_mode, deleted_at IS NULL",
        {
            "id": "BIGINT",
            "kind": "VARCHAR",
            "on": "DATE",
            "organization_id": "BIGINT",
            "counterpart_id": "BIGINT",
            "transfer_mode": "VARCHAR",
            "alive": "INTEGER",
        },
    ),
}

# Open on D: start <= D and (end is null or end > D). The subtree is a path prefix.
STOCK_SQL = """
SELECT count(*) AS total,
       count(*) FILTER (WHERE s.probationary = 1) AS probationary,
       count(*) FILTER (WHERE m.sex = 'female') AS women,
       count(*) FILTER (WHERE m.is_ethnic_minority = 1) AS ethnic_minority,
       count(*) FILTER (WHERE m.is_religious = 1) AS religious
FROM members_membershipspell s
JOIN organizations_organization o ON o.id = s.organization_id
JOIN members_member m ON m.id = s.member_id
WHERE s.start <= $on AND (s."end" IS NULL OR s."end" > $on) AND starts_with(o.path, $prefix)
"""

# Events of the period, not deleted. "inside": the event's organization is in the subtree. A transfer out
# leaves the subtree unless its counterpart (null: another committee) is in it; a transfer out of a cell
# outside the subtree to a counterpart inside it is a transfer in from another cell.
FLOWS_SQL = """
WITH period AS (
    SELECT e.kind, e.transfer_mode = 'official' AS official,
           coalesce(starts_with(o.path, $prefix), false) AS inside,
           coalesce(starts_with(c.path, $prefix), false) AS counterpart_inside
    FROM members_memberevent e
    LEFT JOIN organizations_organization o ON o.id = e.organization_id
    LEFT JOIN organizations_organization c ON c.id = e.counterpart_id
    WHERE e.alive = 1 AND e."on" BETWEEN $start AND $end
)
SELECT count(*) FILTER (WHERE inside AND kind IN ('admitted', 'readmitted')) AS admitted,
       count(*) FILTER (WHERE inside AND kind = 'made_full') AS made_full,
       count(*) FILTER (WHERE inside AND kind = 'transferred_in' AND official)
     + count(*) FILTER (WHERE NOT inside AND kind = 'transferred_out' AND official AND counterpart_inside)
           AS transferred_in,
       count(*) FILTER (WHERE inside AND kind = 'transferred_out' AND official AND NOT counterpart_inside)
           AS transferred_out,
       count(*) FILTER (WHERE inside AND kind = 'removed') AS removed,
       count(*) FILTER (WHERE inside AND kind = 'resigned') AS resigned,
       count(*) FILTER (WHERE inside AND kind = 'expelled') AS expelled,
       count(*) FILTER (WHERE inside AND kind = 'died') AS died
FROM period
"""


def export_to_duckdb(directory: Path, threads: int | None):
    """A DuckDB in-memory database holding the four tables, loaded from CSV files written here."""
    import duckdb
    from django.db import connection

    db = duckdb.connect(":memory:")
    if threads:
        db.execute(f"SET threads = {int(threads)}")
    with connection.cursor() as cursor:
        for table, (columns, types) in TABLES.items():
            path = directory / f"{table}.csv"
            quoted = ", ".join(f'"{c.strip()}"' if c.strip() == "on" else c for c in columns.split(","))
            cursor.execute(f"SELECT {quoted} FROM {table}")  # noqa: S608 (fixed table and column names)
            with path.open("w", newline="") as out:
                writer = csv.writer(out)
                for row in cursor:
                    writer.writerow([int(v) if isinstance(v, bool) else ("" if v is None else v) for v in row])
            db.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = false, nullstr = '', columns = ?)",
                [str(path), types],
            )
    return db


def duckdb_members(db, prefix: str, start: dt.date, end: dt.date) -> dict[str, int]:
    stock_end = dict(
        zip(
            ("total", "probationary", "women", "ethnic_minority", "religious"),
            db.execute(STOCK_SQL, {"on": end, "prefix": prefix}).fetchone(),
            strict=True,
        )
    )
    total_start = db.execute(STOCK_SQL, {"on": start - dt.timedelta(days=1), "prefix": prefix}).fetchone()[0]
    cursor = db.execute(FLOWS_SQL, {"prefix": prefix, "start": start, "end": end})
    flows = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    out = {"members.total_start": total_start}
    out.update({f"members.{k}": v for k, v in stock_end.items()})
    out.update({f"members.{k}": v for k, v in flows.items()})
    return {code: out[code] for code in MEMBER_CODES}


def measure_period(start: dt.date, end: dt.date, subtrees: dict, db, runs: int) -> dict:
    """The timings, query counts and DuckDB check of one period (see the module docstring)."""
    from dangvu.indicators.registry import compute

    root, cell = subtrees["root"], subtrees["cell"]

    def full_set(org=None):
        return compute(organization=org, start=start, end=end)

    def members(org=None):
        return {k: int(v) for k, v in compute(organization=org, start=start, end=end, codes=MEMBER_CODES).items()}

    period = {"start": start.isoformat(), "end": end.isoformat()}
    period["full_set"] = measured(full_set, runs)
    period["queries"] = {
        label: query_count(lambda org=org: full_set(org))
        for label, org in (("whole tree", None), ("level 2", subtrees["level 2"]), ("cell", cell))
    }
    period["members_registry"] = measured(members, runs)
    period["member_queries"] = query_count(members)
    if db is None:
        return period

    def duck(org=root):
        return duckdb_members(db, org.path, start, end)

    registry, cell_registry, whole, in_cell = members(), members(cell), duck(), duck(cell)
    period["members_values"] = registry
    period["duckdb_equal"] = registry == whole and cell_registry == in_cell
    period["duckdb_mismatches"] = {
        code: [registry[code], whole[code]] for code in MEMBER_CODES if registry[code] != whole[code]
    } | {
        f"cell {code}": [cell_registry[code], in_cell[code]]
        for code in MEMBER_CODES
        if cell_registry[code] != in_cell[code]
    }
    period["members_duckdb"] = measured(duck, runs)
    db.execute("SET threads = 1")
    period["members_duckdb_1thread"] = measured(duck, runs)
    db.execute("RESET threads")
    period["ratio_registry_duckdb"] = period["members_registry"]["median_s"] / period["members_duckdb"]["median_s"]
    return period


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="?", help="label of the data set (bloc, province)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-duckdb", action="store_true")
    args = parser.parse_args()
    setup_django()

    from django.db.models import Exists, OuterRef

    from dangvu.indicators.registry import REGISTRY
    from dangvu.members.models import ACTIVE_STATUSES, Member, MembershipSpell
    from dangvu.organizations.models import Organization

    alive = Organization.objects.filter(deleted_at__isnull=True).order_by("path")
    root = alive.filter(depth=1).first()
    level2 = alive.filter(depth=2).first() or root
    has_spells = Exists(MembershipSpell.objects.filter(organization=OuterRef("pk"), end__isnull=True))
    cell = alive.filter(numchild=0).filter(has_spells).first() or root
    result = {
        "size": args.size,
        **run_facts(),
        "members": Member.objects.filter(status__in=ACTIVE_STATUSES).count(),
        "organizations": alive.count(),
        "indicators": len(REGISTRY),
        "member_codes": MEMBER_CODES,
        "subtrees": {"cell": cell.name, "level 2": level2.name},
        "periods": {},
    }
    db = directory = None
    if not args.no_duckdb:
        import duckdb

        directory = Path(tempfile.mkdtemp(prefix="bench2-duckdb-"))
        t0 = time.perf_counter()
        db = export_to_duckdb(directory, threads=None)
        result["duckdb"] = {"version": duckdb.__version__, "export_and_load_s": round(time.perf_counter() - t0, 2)}
        result["duckdb"]["threads"] = db.execute("SELECT current_setting('threads')").fetchone()[0]

    try:
        for name, (first, last) in PERIODS.items():
            start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
            subtrees = {"root": root, "level 2": level2, "cell": cell}
            result["periods"][name] = measure_period(start, end, subtrees, db, args.runs)
    finally:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
