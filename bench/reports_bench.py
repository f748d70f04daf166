"""Time the compilation of a report and its DOCX/XLSX files, and count the queries of the compilation.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python bench/reports_bench.py --size bloc [--runs 5]

Prints one JSON object. In this one process after django.setup(), for the monthly report of 2025-04 and the
mid-term report of the 2020-2025 term (whose appendix needs the demo targets of targets/demo_data.py), each
step is timed separately (median of --runs runs after one warm-up run): `reports.compile.compile_report`,
`reports.docx_writer.write_docx` and, for the mid-term report, `reports.xlsx_writer.write_xlsx`. The queries
of one compile_report are counted with django.test.utils.CaptureQueriesContext.
"""

import argparse
import json

from indicators_bench import measured, query_count, run_facts
from pages import setup_django

CASES = [
    # label, kind, period key, writers
    ("monthly 2025-04", "monthly", "2025-04", ("docx",)),
    ("mid-term 2020-2025", "mid_term", "2020-2025", ("docx", "xlsx")),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="?", help="label of the data set (bloc, province)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django()

    from dangvu.reports.compile import compile_report
    from dangvu.reports.docx_writer import write_docx
    from dangvu.reports.xlsx_writer import write_xlsx

    writers = {"docx": write_docx, "xlsx": write_xlsx}
    result = {"size": args.size, **run_facts(), "cases": []}
    for label, kind, key, formats in CASES:

        def compile_it(kind=kind, key=key):
            return compile_report(kind=kind, period_key=key, organization=None)

        compiled = compile_it()
        case = {
            "label": label,
            "kind": kind,
            "period_key": key,
            "queries": query_count(compile_it),
            "appendix_rows": len(compiled.appendix),
            "compile": measured(compile_it, args.runs),
            "files": {},
        }
        for fmt in formats:
            case["files"][fmt] = measured(lambda fmt=fmt, doc=compiled: writers[fmt](doc), args.runs)
            case["files"][fmt]["bytes"] = len(writers[fmt](compiled))
        case["total_s"] = case["compile"]["median_s"] + sum(f["median_s"] for f in case["files"].values())
        result["cases"].append(case)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
