"""Benchmark of the member import and export at 100.000 rows (figures for docs/benchmarks.md).

    DANGVU_DEV=1 python -m exchange.benchmarks [--rows 100000] [--db /tmp/bench-exchange.sqlite3]

Builds a fresh SQLite database with a small tree, writes a register workbook of N new members,
then runs each measured phase in its own process so that its peak memory is its own:
check (dry run), import (commit), re-import of the same file (nothing changes), and the
export of all members to XLSX and to CSV. Prints one JSON line per phase.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

CELLS = 40


def _setup(db: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DANGVU_DEV", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
    import django

    django.setup()


def prepare(rows: int, db: Path, workbook: Path) -> None:
    import datetime as dt
    import random

    from django.core.management import call_command

    from dangvu.exchange.columns import MEMBER_COLUMNS
    from dangvu.exchange.exporting import member_title, write_xlsx
    from dangvu.organizations.models import OrganizationKind
    from dangvu.organizations.services import organization_found

    call_command("migrate", verbosity=0)
    root = organization_found(
        parent=None, code="BENCH", name="Đảng bộ thử tải", kind="committee", on=dt.date(1970, 1, 1), by=None
    )
    base = organization_found(
        parent=root,
        code="BB",
        name="Đảng bộ cơ sở thử tải",
        kind=OrganizationKind.BASE_PARTY_COMMITTEE,
        on=dt.date(1970, 1, 1),
        by=None,
    )
    for n in range(CELLS):
        organization_found(
            parent=base, code=f"BC{n:02d}", name=f"Chi bộ {n}", kind="cell", on=dt.date(1970, 1, 1), by=None
        )
    rng = random.Random(7)
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc"]
    givens = ["An", "Bình", "Cường", "Dũng", "Giang", "Hương", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý"]

    def people():
        for n in range(rows):
            born = dt.date(1950 + rng.randrange(50), rng.randrange(1, 13), rng.randrange(1, 29))
            admitted = dt.date(born.year + 20 + rng.randrange(15), rng.randrange(1, 13), rng.randrange(1, 29))
            admitted = min(admitted, dt.date(2024, 1, 1))
            middle = rng.choice(middles)
            yield {
                "full_name": f"{rng.choice(families)} {middle} {rng.choice(givens)}",
                "sex": "Nữ" if middle == "Thị" else "Nam",
                "date_of_birth": born,
                "ethnicity": "Kinh",
                "religion": "Không",
                "hometown": "Xã Bình An, huyện Châu Thành, tỉnh Kiên Giang",
                "card_number": f"{10_000_000 + n}",
                "national_id": f"0{n:011d}",
                "organization": f"BC{n % CELLS:02d}",
                "admitted_on": admitted,
                "admission_document_no": f"{n % 900 + 1}-QĐ/ĐU",
                "ceremony_on": admitted,
                "made_full_on": dt.date(admitted.year + 1, admitted.month, admitted.day),
                "full_document_no": f"{n % 900 + 1}-QĐ/ĐU",
            }

    with open(workbook, "wb") as out:
        write_xlsx(out, [c for c in MEMBER_COLUMNS if not c.export_only], people(), title=member_title())


def phase(name: str, workbook: Path, output: Path) -> dict:
    from dangvu.exchange.columns import MEMBER_COLUMNS
    from dangvu.exchange.exporting import export_members_bytes
    from dangvu.exchange.reading import open_table
    from dangvu.exchange.services import import_members
    from dangvu.members.models import Member

    started = time.perf_counter()
    result: dict = {"phase": name}
    if name in ("check", "import", "reimport"):
        table = open_table(workbook, name=workbook.name, columns=MEMBER_COLUMNS)
        report = import_members(table=table, by=None, commit=name != "check")
        result.update(rows=report.rows, created=report.created, skipped=report.skipped, bad=report.bad_rows)
    else:
        fmt = name.removeprefix("export_")
        data = export_members_bytes(Member.objects.order_by("sort_key", "pk"), fmt=fmt, sensitive=True)
        output.with_suffix(f".{fmt}").write_bytes(data)
        result.update(rows=Member.objects.count(), bytes=len(data))
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-exchange.sqlite3"))
    parser.add_argument("--phase")
    args = parser.parse_args()
    workbook = args.db.with_suffix(".xlsx")
    output = args.db.with_name(args.db.stem + "-export")
    if args.phase:
        _setup(args.db)
        print(json.dumps(phase(args.phase, workbook, output)))  # noqa: T201
        return
    for leftover in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm"), workbook):
        leftover.unlink(missing_ok=True)
    _setup(args.db)
    started = time.perf_counter()
    prepare(args.rows, args.db, workbook)
    prepared = {"phase": "prepare", "rows": args.rows, "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(prepared))  # noqa: T201
    for name in ("check", "import", "reimport", "export_xlsx", "export_csv"):
        command = [sys.executable, "-m", "dangvu.exchange.benchmarks", "--rows", str(args.rows), "--db", str(args.db)]
        subprocess.run([*command, "--phase", name], check=True)


if __name__ == "__main__":
    main()
