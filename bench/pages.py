"""The pages the benchmarks request, shared by the bench scripts.

    python bench/pages.py   # prints LABEL<TAB>PATH lines: the member-list searches of the load test

Needs a seeded database (DATABASE_URL): the card-number and national-ID searches use a real member's numbers.
"""

import os
import sys
from pathlib import Path


def setup_django() -> None:
    # The application benchmarked: this checkout, or a clean export made by run.sh (BENCH_REF).
    sys.path.insert(0, os.environ.get("BENCH_APP_DIR") or str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
    os.environ.setdefault("DANGVU_DEV", "1")
    import django

    django.setup()


def sample_numbers() -> tuple[str, str]:
    """Card number and national ID of a current member about half-way through the table (deterministic)."""
    from dangvu.members.models import ACTIVE_STATUSES, Member

    current = Member.objects.filter(status__in=ACTIVE_STATUSES, card_number__isnull=False).order_by("pk")
    total = current.count()
    if not total:
        return "00000000", "000000000000"
    card, national_id = current.values_list("card_number", "national_id")[total // 2]
    return card, national_id or "000000000000"


REFERENCE_LABEL = "reference: public holidays page"


def member_list_pages() -> list[tuple[str, str]]:
    """(label, path) of the member-list requests: the load test runs each of them."""
    card, national_id = sample_numbers()
    return [
        ("q=nguyen van", "/members/?q=nguyen+van"),
        ("q=d (broad)", "/members/?q=d"),
        ("q=tran thi h", "/members/?q=tran+thi+h"),
        ("card number", f"/members/?q={card}"),
        ("national ID", f"/members/?q={national_id}"),
        ("no filter, first page", "/members/"),
        # Not a member-list search: the lightest logged-in page of the application (session, user, menu, a
        # small table), under the same load. It shows the floor that the framework and the machine set.
        (REFERENCE_LABEL, "/calendar/"),
    ]


def other_pages() -> list[tuple[str, str]]:
    """(label, path) of the other read pages whose queries are counted."""
    from dangvu.organizations.models import Organization

    alive = Organization.objects.filter(deleted_at__isnull=True).order_by("path")
    root = alive.first()
    district = alive.filter(depth=root.depth + 1).first() or root
    return [
        ("no filter, page 3", "/members/?page=3"),
        ("htmx partial, q=nguyen van", "/members/?q=nguyen+van"),
        ("organization tree", "/organizations/"),
        ("organization page, top committee", f"/organizations/{root.pk}/"),
        ("organization page, level 2", f"/organizations/{district.pk}/"),
    ]


if __name__ == "__main__":
    setup_django()
    for label, path in member_list_pages():
        print(f"{label}\t{path}")
