"""Invariants of the indicator registry on generated data, for many organizations and periods (issue 4 §1)."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from dangvu.indicators.registry import REGISTRY, compute, percentage
from dangvu.organizations.models import Organization

pytestmark = pytest.mark.django_db
D = dt.date

PERIODS = [
    (D(2016, 1, 1), D(2016, 12, 31)),
    (D(2021, 1, 1), D(2021, 6, 30)),
    (D(2023, 4, 1), D(2023, 4, 30)),
    (D(2024, 1, 1), D(2025, 12, 31)),
    (D(2026, 10, 1), D(2026, 10, 31)),
]
STOCKS = [
    "members.total",
    "members.total_start",
    "members.probationary",
    "members.women",
    "members.ethnic_minority",
    "members.religious",
]
ADDITIVE_FLOWS = [
    "members.admitted",
    "members.made_full",
    "members.removed",
    "members.resigned",
    "members.expelled",
    "members.died",
    "members.badges_awarded",
]


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--size", "small", "--seed", "11", stdout=StringIO())


def _orgs():
    root = Organization.objects.get(depth=1)
    bases = list(Organization.objects.filter(depth=2).order_by("path")[:4])
    cells = list(Organization.objects.filter(kind="cell").order_by("path")[:3])
    return [None, root, *bases, *cells]


def test_members_at_the_end_equal_the_start_plus_the_flows(demo):
    checked = 0
    for org in _orgs():
        for start, end in PERIODS:
            v = compute(organization=org, start=start, end=end)
            expected = (
                v["members.total_start"]
                + v["members.admitted"]
                + v["members.transferred_in"]
                - v["members.transferred_out"]
                - v["members.removed"]
                - v["members.resigned"]
                - v["members.expelled"]
                - v["members.died"]
            )
            assert v["members.total"] == expected, (org, start, end)
            checked += 1
    assert checked == len(_orgs()) * len(PERIODS)


def test_a_subtree_counts_the_sum_of_its_children(demo):
    for parent in Organization.objects.filter(depth__lte=2, numchild__gt=0).order_by("path")[:6]:
        children = list(Organization.objects.get_children(parent))
        for start, end in PERIODS:
            whole = compute(organization=parent, start=start, end=end)
            parts = [compute(organization=child, start=start, end=end) for child in children]
            for code in STOCKS + ADDITIVE_FLOWS:
                assert whole[code] == sum(p[code] for p in parts), (parent.code, code, start)
            # Transfers between two children are internal to the parent, so only the net flow adds up.
            net = whole["members.transferred_in"] - whole["members.transferred_out"]
            assert net == sum(p["members.transferred_in"] - p["members.transferred_out"] for p in parts)


def test_every_rate_is_its_numerator_over_its_denominator_rounded_half_up(demo):
    rates = [i for i in REGISTRY.values() if i.is_rate]
    assert rates
    for org in _orgs()[:4]:
        for start, end in PERIODS:
            v = compute(organization=org, start=start, end=end)
            for r in rates:
                numerator, denominator = v[r.numerator], v[r.denominator]
                expected = (
                    (Decimal(numerator) * 100 / denominator).quantize(Decimal("0.01"), "ROUND_HALF_UP")
                    if denominator
                    else Decimal("0.00")
                )
                assert v[r.code] == expected


@pytest.mark.parametrize(
    ("n", "d", "expected"),
    [
        (1, 8, "12.50"),
        (2, 3, "66.67"),
        (1, 6, "16.67"),
        (79605, 1000000, "7.96"),
        (1, 0, "0.00"),
        (7261, 7261, "100.00"),
    ],
)
def test_percentages_round_half_up_to_two_decimals(n, d, expected):
    assert percentage(n, d) == Decimal(expected)


def test_the_whole_set_runs_a_number_of_queries_that_does_not_grow_with_the_tree(demo, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    cell = Organization.objects.filter(kind="cell").first()
    base = Organization.objects.get(depth=2, path=cell.path[:8])
    for org in [cell, base, Organization.objects.get(depth=1)]:
        with CaptureQueriesContext(connection) as captured:
            compute(organization=org, start=D(2025, 1, 1), end=D(2025, 12, 31))
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]  # a cell and its base organization: the same queries
    # The whole committee asks once whether it is the only tree (then no query needs to join the organizations)
    # and skips one: no cell of the committee lies outside it to transfer members in from.
    assert counts[2] == counts[0]
    assert counts[0] <= 40  # a fixed budget: a few grouped queries per app


def test_the_command_prints_one_json_object_of_every_indicator(demo):
    out = StringIO()
    call_command("indicators", "--from", "2025-01-01", "--to", "2025-12-31", stdout=out)
    values = json.loads(out.getvalue())
    assert set(values) == set(REGISTRY)
    direct = compute(organization=None, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert values["members.total"] == direct["members.total"]


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2025-02-30", "--to", "2025-12-31"],
        ["--from", "2025-01-01", "--to", "hôm nay"],
        ["--from", "2025-12-31", "--to", "2025-01-01"],
        ["--org", "KHONG-CO", "--from", "2025-01-01", "--to", "2025-12-31"],
        ["--code", "members.khong_co", "--from", "2025-01-01", "--to", "2025-12-31"],
    ],
)
def test_bad_arguments_get_a_one_line_vietnamese_error_and_status_2(db, args, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("indicators", *args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("Lỗi")


def test_organization_counts_follow_the_tree_as_it_stood(demo):
    root = Organization.objects.get(depth=1)
    v = compute(organization=root, start=D(2025, 1, 1), end=D(2025, 12, 31))
    bases = Organization.objects.filter(depth=2, kind__in=["base_party_committee", "base_cell"])
    assert v["organizations.base_total"] == bases.count()
    assert v["organizations.cells_total"] == Organization.objects.filter(kind="cell").count()
    before = compute(organization=root, start=D(1970, 1, 1), end=D(1970, 12, 31))
    assert before["organizations.base_total"] == 0


def test_every_indicator_is_documented(settings):
    from pathlib import Path

    text = (Path(settings.BASE_DIR) / "docs" / "indicators.md").read_text(encoding="utf-8")
    for code, ind in REGISTRY.items():
        assert f"`{code}`" in text, code
        assert ind.doc, code


def test_a_subset_of_codes_gives_the_values_of_the_whole_set(demo):
    """Shared queries count only what a computation wants (the theory levels join the stock query only when
    asked for); asking for a few codes, or a rate alone, must give the same figures as the whole set."""
    start, end = D(2025, 1, 1), D(2025, 12, 31)
    whole = compute(organization=None, start=start, end=end)
    for codes in (
        ["members.total", "members.women", "members.total_start"],
        ["members.theory_advanced", "members.theory_elementary"],
        ["members.women_pct"],
        ["meetings.attendance_pct", "members.transferred_in"],
    ):
        assert compute(organization=None, start=start, end=end, codes=codes) == {c: whole[c] for c in codes}


# Periods that cut a month: a year to date, a half-month, a span over two years.
CUT_PERIODS = [
    (D(2025, 1, 1), D(2025, 11, 22)),
    (D(2025, 3, 15), D(2025, 8, 10)),
    (D(2024, 2, 10), D(2024, 2, 20)),
    (D(2024, 6, 16), D(2025, 3, 14)),
]


def test_members_who_studied_or_were_inspected_equal_the_count_over_the_rows(demo, monkeypatch):
    """The months kept per member and year (members.activity) give what the attendance and subject rows give,
    for whole months and for periods that cut a month."""
    codes = ["education.study_members", "inspection.members"]
    periods = PERIODS + CUT_PERIODS
    kept = {
        (org, start): compute(organization=org, start=start, end=end, codes=codes)
        for org in _orgs()
        for start, end in periods
    }
    monkeypatch.setattr("dangvu.members.activity.whole_months", lambda start, end: None)
    from_rows = {
        (org, start): compute(organization=org, start=start, end=end, codes=codes)
        for org in _orgs()
        for start, end in periods
    }
    assert kept == from_rows
    assert all(kept[(None, D(2024, 1, 1))][code] > 0 for code in codes)
    assert all(kept[(None, start)][code] > 0 for start in (D(2025, 1, 1), D(2025, 3, 15)) for code in codes)
