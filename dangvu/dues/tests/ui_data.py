"""Data the screen tests share: cell A1's two members with dues categories, and its runs of some months of 2025."""

import datetime as dt

from dangvu.dues import services
from dangvu.dues.models import Category
from dangvu.members.models import Member


def cell_with_runs(personas, months=(dt.date(2025, 3, 1),)):
    """Cell A1: member A insured on 8,000,000 đ, the cell secretary's member a student; the runs of `months`."""
    secretary = Member.objects.get(pk=personas.cell_secretary.member_id)
    services.set_profile(
        member=personas.member_a,
        category=Category.INSURED,
        base_amount=8_000_000,
        valid_from=dt.date(2024, 1, 1),
        user=None,
    )
    services.set_profile(
        member=secretary, category=Category.STUDENT, base_amount=None, valid_from=dt.date(2024, 1, 1), user=None
    )
    runs = [services.make_run(organization=personas.cell_a1, month=m, user=None) for m in months]
    return secretary, runs
