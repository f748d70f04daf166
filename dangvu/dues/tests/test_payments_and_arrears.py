"""Payments per member and month (late or in advance), arrears of one, two and three months, the removal
proposal at three months without a good reason, and the reminder that warns the cell."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.dues import reminders, selectors, services
from dangvu.dues.models import DuesPayment, RemovalProposal
from dangvu.members.models import Member

D = dt.date
MONTHS = [D(2026, m, 1) for m in range(1, 11)]


@pytest.fixture
def year(personas):
    """Runs of January to October 2026 for cell A1 (member_a 90,000 a month; the secretary 15,930 or 5,000)."""
    p = personas
    services.set_profile(
        member=p.member_a, category="insured", base_amount=9_000_000, valid_from=D(2020, 1, 1), user=p.staff
    )
    for month in MONTHS:
        services.make_run(organization=p.cell_a1, month=month, user=p.staff)
    return p


def _pay(p, member, month, amount, paid_on=None, **extra):
    return services.record_payment(
        member=member, month=month, amount=amount, paid_on=paid_on or month.replace(day=10), user=p.staff, **extra
    )


def _pay_all_but(p, member, skipped):
    for month in MONTHS:
        if month not in skipped:
            line = member.dues_lines.get(month=month)
            _pay(p, member, month, line.amount_due)


def test_a_payment_is_recorded_for_the_month_in_the_cell_of_the_months_run(year):
    payment = _pay(year, year.member_a, D(2026, 3, 15), 90_000, paid_on=D(2026, 5, 2), reference="")
    assert (payment.month, payment.organization_id, payment.channel) == (D(2026, 3, 1), year.cell_a1.pk, "cash")
    assert payment.history.get().history_user == year.staff


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"paid_on": D(2026, 12, 1)}, "paid_on"),  # the future
        ({"month": D(2028, 1, 1), "paid_on": D(2026, 11, 1)}, "month"),  # more than 12 months in advance
        ({"channel": "bank"}, "channel"),
    ],
)
def test_a_payment_is_refused_with_the_field_named(year, args, field):
    args = {"member": year.member_a, "month": D(2026, 3, 1), "amount": 90_000, "paid_on": D(2026, 3, 5)} | args
    with pytest.raises(ValidationError) as refused:
        services.record_payment(user=year.staff, **args)
    assert field in refused.value.message_dict


def test_a_portal_reference_is_recorded_once_and_an_advance_payment_is_taken(year):
    _pay(year, year.member_a, D(2026, 11, 1), 90_000, paid_on=D(2026, 10, 20), channel="portal", reference="TX-1")
    with pytest.raises(ValidationError) as refused:
        _pay(year, year.member_a, D(2026, 12, 1), 90_000, paid_on=D(2026, 10, 20), channel="portal", reference="TX-1")
    assert "reference" in refused.value.message_dict
    assert DuesPayment.objects.filter(reference="TX-1").count() == 1


def test_arrears_count_the_unpaid_months_one_two_and_three(year):
    p = year
    secretary = Member.objects.filter(organization=p.cell_a1).exclude(pk=p.member_a.pk).get()
    _pay_all_but(p, p.member_a, {D(2026, 2, 1), D(2026, 6, 1), D(2026, 9, 1)})
    _pay_all_but(p, secretary, {D(2026, 4, 1)})
    rows = {r.member.pk: r for r in selectors.arrears(user=p.staff, year=2026, on=D(2026, 11, 22))}
    assert rows[p.member_a.pk].count == 3 and rows[p.member_a.pk].may_propose_removal
    assert rows[secretary.pk].count == 1 and not rows[secretary.pk].may_propose_removal
    # As of 10 July only two of member_a's months had ended unpaid.
    early = {r.member.pk: r for r in selectors.arrears(user=p.staff, year=2026, on=D(2026, 7, 10))}
    assert early[p.member_a.pk].unpaid_months == [D(2026, 2, 1), D(2026, 6, 1)]


def test_a_late_payment_clears_the_month_from_the_day_it_is_made(year):
    p = year
    _pay_all_but(p, p.member_a, {D(2026, 2, 1)})
    _pay(p, p.member_a, D(2026, 2, 1), 90_000, paid_on=D(2026, 4, 3))
    before = {r.member.pk for r in selectors.arrears(user=p.staff, year=2026, on=D(2026, 4, 2))}
    after = {r.member.pk for r in selectors.arrears(user=p.staff, year=2026, on=D(2026, 4, 3))}
    assert p.member_a.pk in before and p.member_a.pk not in after


def test_arrears_are_seen_only_inside_the_users_scope(year):
    p = year
    assert selectors.arrears(user=p.secretary_b, year=2026, on=D(2026, 11, 22)) == []
    mine = selectors.arrears(user=p.plain_member, year=2026, on=D(2026, 11, 22))
    assert [r.member.pk for r in mine] == [p.member_a.pk]
    cell = selectors.arrears(user=p.cell_secretary, year=2026, on=D(2026, 11, 22))
    assert len(cell) == 2


def test_removal_is_proposed_at_three_months_without_good_reason_and_only_once(year):
    p = year
    _pay_all_but(p, p.member_a, {D(2026, 2, 1), D(2026, 6, 1), D(2026, 9, 1)})
    services.record_unpaid_reason(member=p.member_a, month=D(2026, 6, 1), reason="Ốm nằm viện", user=p.staff)
    with pytest.raises(ValidationError):
        services.propose_removal(member=p.member_a, year=2026, user=p.staff)
    p.member_a.dues_lines.filter(month=D(2026, 10, 1)).update(amount_due=95_000)  # October now short by 5,000
    proposal = services.propose_removal(member=p.member_a, year=2026, user=p.staff, note="Chi bộ đề nghị")
    assert proposal.unpaid_months == ["2026-02", "2026-09", "2026-10"]
    assert (proposal.organization_id, proposal.state) == (p.cell_a1.pk, "proposed")
    with pytest.raises(ValidationError):
        services.propose_removal(member=p.member_a, year=2026, user=p.staff)
    assert RemovalProposal.objects.count() == 1


def test_a_reason_needs_words(year):
    with pytest.raises(ValidationError) as refused:
        services.record_unpaid_reason(member=year.member_a, month=D(2026, 6, 1), reason=" ", user=year.staff)
    assert "reason" in refused.value.message_dict


def test_a_members_year_shows_each_months_due_how_it_was_computed_and_what_was_paid(year):
    p = year
    _pay(p, p.member_a, D(2026, 3, 1), 50_000, paid_on=D(2026, 3, 3))
    _pay(p, p.member_a, D(2026, 3, 1), 40_000, paid_on=D(2026, 4, 8))
    months = selectors.member_dues(member=p.member_a, year=2026)
    assert len(months) == 12
    march = months[2]
    assert (march.due, march.paid, march.paid_on, march.is_paid, march.late) == (
        90_000, 90_000, D(2026, 4, 8), True, True
    )  # fmt: skip
    assert "1%" in march.how and march.rule
    assert months[11].line is None and months[11].due == 0


def test_the_cell_is_warned_on_the_first_of_the_month_after_the_third_unpaid_month(year):
    p = year
    _pay_all_but(p, p.member_a, {D(2026, 2, 1), D(2026, 6, 1), D(2026, 9, 1)})
    secretary = Member.objects.filter(organization=p.cell_a1).exclude(pk=p.member_a.pk).get()
    _pay_all_but(p, secretary, set())
    assert list(reminders.arrears_three_months(D(2026, 9, 1))) == []  # only two months ended by then
    assert list(reminders.arrears_three_months(D(2026, 10, 2))) == []  # not the first of a month
    [occurrence] = reminders.arrears_three_months(D(2026, 10, 1))
    assert occurrence.member_id == p.member_a.pk and occurrence.organization_id == p.cell_a1.pk
    assert occurrence.key == f"dues:arrears:{p.member_a.pk}:2026"
    assert reminders.unpaid_counts(year=2026, on=D(2026, 10, 1), member_id=p.member_a.pk).exists()


def test_the_warning_is_no_longer_due_once_the_removal_is_proposed(year):
    from dangvu.notifications.triggers import TRIGGERS

    p = year
    _pay_all_but(p, p.member_a, {D(2026, 2, 1), D(2026, 6, 1), D(2026, 9, 1)})
    key = f"dues:arrears:{p.member_a.pk}:2026"
    assert TRIGGERS["dues.arrears"].still_due(key)
    services.propose_removal(member=p.member_a, year=2026, user=p.staff)
    assert not TRIGGERS["dues.arrears"].still_due(key)
    assert all(o.member_id != p.member_a.pk for o in reminders.arrears_three_months(D(2026, 11, 1)))
