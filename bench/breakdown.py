"""Where the time of one request goes: SQL, template rendering, and the rest (middleware, view, forms).

Runs each page N times in-process through Django's test client (the full middleware stack, no network),
logged in as the demo committee staff (admin), and prints one JSON object with medians per page:
{"size": ..., "pages": [{"label", "path", "total_ms", "sql_ms", "template_ms", "other_ms", "queries",
 "sql": [{"ms", "sql"}]}]}

- sql_ms: time inside cursor.execute and the fetches, wherever it happens (the member page is a lazy queryset that runs
  while the template renders; it is counted here, not under template_ms);
- template_ms: time in Template.render minus the SQL that ran during it;
- other_ms: the rest (middleware: session, auth, locale, csrf, htmx, history; the view; the forms).
"""

import argparse
import json
import statistics
import sys
import time

from pages import member_list_pages, other_pages, setup_django


class Clock:
    """Accumulates SQL time and template time (exclusive of SQL) for one request."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.sql = 0.0
        self.template = 0.0
        self.queries: list[tuple[float, str]] = []
        self._render_depth = 0
        self._sql_in_render = 0.0

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.add_sql(elapsed)
            self.queries.append((elapsed, sql))

    def add_sql(self, elapsed: float) -> None:
        self.sql += elapsed
        if self._render_depth:
            self._sql_in_render += elapsed

    def wrap_fetches(self, cursor_class) -> None:
        """Count fetches as SQL time too: SQLite computes rows lazily, so much of a query runs while fetching."""
        clock = self

        def timed(name):
            def fetch(cursor, *args):
                started = time.perf_counter()
                try:
                    return getattr(cursor.cursor, name)(*args)
                finally:
                    clock.add_sql(time.perf_counter() - started)

            return fetch

        for name in ("fetchone", "fetchmany", "fetchall"):
            setattr(cursor_class, name, timed(name))

    def wrap_render(self, render):
        clock = self

        def timed_render(template, context=None, request=None):
            clock._render_depth += 1
            outer = clock._render_depth == 1
            if outer:
                clock._sql_in_render = 0.0
            started = time.perf_counter()
            try:
                return render(template, context, request)
            finally:
                clock._render_depth -= 1
                if outer:
                    clock.template += time.perf_counter() - started - clock._sql_in_render

        return timed_render


def measure(client, clock: Clock, path: str, runs: int, headers: dict) -> dict:
    client.get(path, **headers)  # warm-up: templates compiled, translations loaded, connection open
    totals, sqls, templates, counts = [], [], [], []
    slowest: list[tuple[float, str]] = []
    for _ in range(runs):
        clock.reset()
        started = time.perf_counter()
        response = client.get(path, **headers)
        totals.append(time.perf_counter() - started)
        sqls.append(clock.sql)
        templates.append(clock.template)
        counts.append(len(clock.queries))
        slowest = clock.queries
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
    total, sql, template = (statistics.median(v) * 1000 for v in (totals, sqls, templates))
    return {
        "path": path,
        "total_ms": round(total, 1),
        "sql_ms": round(sql, 1),
        "template_ms": round(template, 1),
        "other_ms": round(max(total - sql - template, 0.0), 1),
        "queries": max(counts),
        "sql": [
            {"ms": round(ms * 1000, 1), "sql": text[:300]}
            for ms, text in sorted(slowest, key=lambda q: q[0], reverse=True)[:3]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="?")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--username", default="admin")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        help="LABEL=PATH (default: the member-list searches of the load test and the organization tree)",
    )
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.db.backends.utils import CursorWrapper
    from django.template.backends.django import Template
    from django.test import Client

    from dangvu.accounts.models import User

    pages = [spec.partition("=")[::2] for spec in args.page]
    if not pages:
        pages = member_list_pages() + [p for p in other_pages() if p[0] == "organization tree"]
    clock = Clock()
    clock.wrap_fetches(CursorWrapper)
    Template.render = clock.wrap_render(Template.render)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=args.username))
    result = {"size": args.size, "runs": args.runs, "pages": []}
    with connection.execute_wrapper(clock.execute):
        for label, path in pages:
            headers = {"HTTP_HX_REQUEST": "true"} if label.startswith("htmx") else {}
            result["pages"].append({"label": label, **measure(client, clock, path, args.runs, headers)})
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
