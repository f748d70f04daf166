"""Count the SQL queries of the main read pages, logged in as the demo committee staff (admin).

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python bench/querycount.py --size province

Prints one JSON object: {"size", "members", "organizations", "pages": [{"label", "path", "status",
"queries", "bytes"}]}. The point is to show that the number of queries per request does not grow with
the size of the data (compare the bloc and province outputs).
"""

import argparse
import json
import sys

from pages import member_list_pages, other_pages, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="?", help="label of the data set (bloc, province)")
    parser.add_argument("--username", default="admin")
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from dangvu.accounts.models import User
    from dangvu.members.models import ACTIVE_STATUSES, Member
    from dangvu.organizations.models import Organization

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=args.username))
    result = {
        "size": args.size,
        "members": Member.objects.filter(status__in=ACTIVE_STATUSES).count(),
        "organizations": Organization.objects.filter(deleted_at__isnull=True).count(),
        "pages": [],
    }
    for label, path in member_list_pages() + other_pages():
        headers = {"HTTP_HX_REQUEST": "true"} if label.startswith("htmx") else {}
        client.get(path, **headers)  # warm-up, so that one-off work (e.g. the session) is not counted
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, **headers)
        if response.status_code != 200:
            print(f"warning: {path} answered {response.status_code}", file=sys.stderr)
        result["pages"].append(
            {
                "label": label,
                "path": path,
                "status": response.status_code,
                "queries": len(ctx.captured_queries),
                "bytes": len(response.content),
            }
        )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
