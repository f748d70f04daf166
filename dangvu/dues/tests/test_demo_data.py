"""The demo's dues: a category for every member, runs from January 2024 under both rules, about 97% paid on
time, some arrears, one removal proposal, and the quarters settled with collected = kept + remitted."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F, Sum

from dangvu.dues import rules
from dangvu.dues.models import DuesLine, DuesPayment, DuesProfile, DuesRun, Remittance, RemovalProposal
from dangvu.indicators.registry import compute
from dangvu.members.models import ACTIVE_STATUSES, Member

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_dues_under_each_rule_mostly_paid_on_time():
    call_command("seed_demo", "--size", "small", "--seed", "11", stdout=StringIO())
    current = Member.objects.filter(status__in=ACTIVE_STATUSES)
    assert not current.exclude(pk__in=DuesProfile.objects.values("member_id")).exists()
    months = sorted(set(DuesRun.objects.values_list("month", flat=True)))
    assert months[0] == dt.date(2024, 1, 1) and months[-1] == dt.date(2026, 10, 1) and len(months) == 34
    assert set(DuesLine.objects.values_list("rule", flat=True)) == {rules.QD_342, rules.QD_01}
    for run in DuesRun.objects.order_by("?")[:30]:
        assert run.total_due == (run.lines.aggregate(total=Sum("amount_due"))["total"] or 0)
        assert run.members_count == run.lines.count()
    lines = DuesLine.objects.count()
    paid = DuesPayment.objects.values_list("month", "paid_on")
    on_time = sum(1 for month, paid_on in paid if paid_on <= rules.last_day(month))
    assert 0.95 <= on_time / lines <= 0.99
    values = compute(organization=None, start=dt.date(2026, 1, 1), end=dt.date(2026, 10, 31))
    assert values["dues.members_in_arrears"] > 0
    assert values["dues.collected"] == values["dues.kept"] + values["dues.remitted"]
    assert RemovalProposal.objects.count() == 1
    assert Remittance.objects.exists()
    assert not Remittance.objects.exclude(collected=F("kept") + F("remitted")).exists()
