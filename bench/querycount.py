"""Count the SQL queries of the main read pages, logged in as the demo committee staff (admin).

Run against a seeded database (DATABASE_URL); prints one JSON object:
{"size": ..., "members": ..., "organizations": ..., "pages": [{"label", "path", "status", "queries", "ms", "bytes"}]}

The point is to show that the number of queries per request does not grow with the size of the data.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
os.environ.setdefault("DANGVU_DEV", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from members.models import ACTIVE_STATUSES, Member  # noqa: E402
from organizations.models import Organization  # noqa: E402


def sample_card_number() -> str:
    """A card number of a current member about half-way through the table (deterministic for a seed)."""
    cards = Member.objects.filter(status__in=ACTIVE_STATUSES, card_number__isnull=False).order_by("pk")
    total = cards.count()
    return cards.values_list("card_number", flat=True)[total // 2] if total else "00000000"


def pages(card: str) -> list[tuple[str, str, dict]]:
    root = Organization.objects.filter(deleted_at__isnull=True).order_by("path").first()
    middle = Organization.objects.filter(deleted_at__isnull=True, depth=2).order_by("path").first() or root
    htmx = {"HTTP_HX_REQUEST": "true"}
    return [
        ("member list, first page", "/members/", {}),
        ("member list, page 3", "/members/?page=3", {}),
        ("member list, q=nguyen van", "/members/?q=nguyen+van", {}),
        ("member list, q=d (broad)", "/members/?q=d", {}),
        ("member list, q=tran thi h", "/members/?q=tran+thi+h", {}),
        ("member list, card number", f"/members/?q={card}", {}),
        ("member list, htmx partial q=nguyen van", "/members/?q=nguyen+van", htmx),
        ("organization tree", "/organizations/", {}),
        ("organization page (top committee)", f"/organizations/{root.pk}/", {}),
        ("organization page (depth 2)", f"/organizations/{middle.pk}/", {}),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="?", help="label of the data set (bloc, province)")
    parser.add_argument("--username", default="admin")
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=args.username))
    card = sample_card_number()
    result = {
        "size": args.size,
        "members": Member.objects.filter(status__in=ACTIVE_STATUSES).count(),
        "organizations": Organization.objects.filter(deleted_at__isnull=True).count(),
        "pages": [],
    }
    for label, path, headers in pages(card):
        client.get(path, **headers)  # warm caches (templates, translations, session) before counting
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(path, **headers)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            print(f"warning: {path} answered {response.status_code}", file=sys.stderr)
        result["pages"].append(
            {
                "label": label,
                "path": path,
                "status": response.status_code,
                "queries": len(ctx.captured_queries),
                "ms": round(elapsed, 1),
                "bytes": len(response.content),
            }
        )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
