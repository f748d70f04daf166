"""Shares kept and remitted up the tree by the rule of the month, and the six dues indicators: at every level
collected = kept + remitted, and a subtree's figures are the sums of its parts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dangvu.dues import services
from dangvu.dues.models import Remittance
from dangvu.dues.shares import subtree_flows
from dangvu.indicators.registry import compute

D = dt.date
MARCH = D(2026, 3, 1)
CODES = ["dues.due", "dues.collected", "dues.collected_pct", "dues.members_in_arrears", "dues.kept", "dues.remitted"]


@pytest.fixture
def paid(personas):
    p = personas
    services.set_profile(
        member=p.member_a, category="insured", base_amount=9_000_000, valid_from=D(2020, 1, 1), user=p.staff
    )
    for cell in (p.cell_a1, p.cell_a2, p.org_b):
        services.make_run(organization=cell, month=MARCH, user=p.staff)
    services.record_payment(member=p.member_a, month=MARCH, amount=90_000, paid_on=D(2026, 3, 9), user=p.staff)
    services.record_payment(member=p.member_b, month=MARCH, amount=10_000, paid_on=D(2026, 3, 9), user=p.staff)
    return p


def test_each_level_keeps_its_share_and_remits_the_rest_up(paid):
    p = paid
    flows = subtree_flows(organization=p.committee, start=MARCH, end=D(2026, 3, 31)).by_organization
    # cell A1 keeps 30%, the base committee A 70%, the base cell B 70%, the committee 50% (QĐ 342's shares).
    assert (flows[p.cell_a1.pk].kept, flows[p.cell_a1.pk].remitted) == (27_000, 63_000)
    assert (flows[p.org_a.pk].collected, flows[p.org_a.pk].kept, flows[p.org_a.pk].remitted) == (63_000, 44_100, 18_900)
    assert (flows[p.org_b.pk].kept, flows[p.org_b.pk].remitted) == (7_000, 3_000)
    assert (flows[p.committee.pk].collected, flows[p.committee.pk].kept) == (21_900, 10_950)
    for flow in flows.values():
        assert flow.collected == flow.kept + flow.remitted


def test_a_base_organization_of_a_commune_keeps_ninety_percent(paid):
    p = paid
    services.set_unit(organization=p.org_a, region=1, in_commune=True, user=p.staff)
    flows = subtree_flows(organization=p.org_a, start=MARCH, end=D(2026, 3, 31)).by_organization
    assert (flows[p.org_a.pk].kept, flows[p.org_a.pk].remitted) == (56_700, 6_300)


def test_a_cells_share_is_the_provinces_setting(paid, settings):
    settings.DANGVU_DUES_CELL_SHARE = 50
    flows = subtree_flows(organization=paid.cell_a1, start=MARCH, end=D(2026, 3, 31))
    assert (flows.kept, flows.remitted) == (45_000, 45_000)


def test_settling_a_period_records_the_balanced_remittance_and_again_recomputes_it(paid):
    p = paid
    row = services.settle_period(
        organization=p.org_a, period_start=D(2026, 1, 1), period_end=D(2026, 3, 31), user=p.staff
    )
    assert (row.collected, row.kept, row.remitted, row.kept_share) == (63_000, 44_100, 18_900, Decimal(70))
    services.record_payment(member=p.member_a, month=D(2026, 2, 1), amount=90_000, paid_on=D(2026, 4, 1), user=p.staff)
    again = services.settle_period(
        organization=p.org_a, period_start=D(2026, 1, 1), period_end=D(2026, 3, 31), user=p.staff
    )
    assert again.pk == row.pk and again.collected == 126_000
    assert Remittance.objects.count() == 1 and again.history.count() == 2
    with pytest.raises(ValidationError):
        services.settle_period(
            organization=p.org_a, period_start=D(2026, 1, 2), period_end=D(2026, 3, 31), user=p.staff
        )


def test_the_indicators_balance_at_every_level_and_a_subtree_is_the_sum_of_its_parts(paid):
    p = paid
    figures = {
        org: compute(organization=org, start=D(2026, 1, 1), end=D(2026, 12, 31), codes=CODES)
        for org in (p.committee, p.org_a, p.cell_a1, p.cell_a2, p.org_b)
    }
    for values in figures.values():
        assert values["dues.collected"] == values["dues.kept"] + values["dues.remitted"]
    top, a, b = figures[p.committee], figures[p.org_a], figures[p.org_b]
    assert top["dues.collected"] == 100_000 and top["dues.remitted"] == 10_950
    for code in ("dues.due", "dues.collected", "dues.members_in_arrears"):
        assert top[code] == a[code] + b[code], code
        assert a[code] == figures[p.cell_a1][code] + figures[p.cell_a2][code], code
    committee_keeps = 10_950
    assert top["dues.kept"] == committee_keeps + a["dues.kept"] + b["dues.kept"]
    # The secretary of A1 and member_b (10,000 of 15,930) are in arrears.
    assert (a["dues.members_in_arrears"], b["dues.members_in_arrears"]) == (1, 1)
    assert top["dues.due"] == 90_000 + 15_930 + 15_930
    assert top["dues.collected_pct"] == Decimal("82.06")
    assert compute(organization=None, start=D(2026, 1, 1), end=D(2026, 12, 31), codes=CODES) == top


def test_a_payment_made_after_the_period_leaves_the_member_in_arrears_for_that_period(paid):
    p = paid
    services.record_payment(member=p.member_b, month=MARCH, amount=5_930, paid_on=D(2026, 4, 2), user=p.staff)
    march = compute(organization=p.org_b, start=MARCH, end=D(2026, 3, 31), codes=["dues.members_in_arrears"])
    year = compute(organization=p.org_b, start=MARCH, end=D(2026, 12, 31), codes=["dues.members_in_arrears"])
    assert (march["dues.members_in_arrears"], year["dues.members_in_arrears"]) == (1, 0)
