"""The monthly run: frozen lines per cell and month, made once, re-made only on purpose and audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.dues import rules, services
from dangvu.dues.models import DuesLine, DuesRun
from dangvu.members.tests.factories import admit

D = dt.date


@pytest.fixture
def cell(personas):
    p = personas
    services.set_unit(organization=p.org_a, region=2, user=p.staff)
    services.set_profile(
        member=p.member_a, category="insured", base_amount=9_000_000, valid_from=D(2020, 1, 1), user=p.staff
    )
    return p


def _line(run, member):
    return DuesLine.objects.get(run=run, member=member)


def test_a_run_freezes_one_line_per_member_with_how_it_was_computed(cell):
    run = services.make_run(organization=cell.cell_a1, month=D(2026, 3, 17), user=cell.staff)
    assert run.month == D(2026, 3, 1)
    assert run.rule == rules.QD_01
    assert run.members_count == 2 == run.lines.count()
    line = _line(run, cell.member_a)
    assert (line.category, line.base_amount, line.amount_due, line.rule) == ("insured", 9_000_000, 90_000, rules.QD_01)
    # The secretary has no category: counted as "other" in the region of the cell's base organization (2).
    other = run.lines.exclude(member=cell.member_a).get()
    assert (other.category, other.base_amount, other.amount_due) == ("other", 4_730_000, 14_190)
    assert run.total_due == 90_000 + 14_190


def test_the_months_either_side_of_the_rule_change_use_their_own_rule(cell):
    january = services.make_run(organization=cell.cell_a1, month=D(2026, 1, 1), user=cell.staff)
    february = services.make_run(organization=cell.cell_a1, month=D(2026, 2, 1), user=cell.staff)
    assert (january.rule, february.rule) == (rules.QD_342, rules.QD_01)
    other = january.lines.exclude(member=cell.member_a).get()
    assert other.amount_due == 5_000


def test_a_later_change_of_category_never_rewrites_a_made_month(cell):
    run = services.make_run(organization=cell.cell_a1, month=D(2026, 3, 1), user=cell.staff)
    services.set_profile(
        member=cell.member_a, category="insured", base_amount=20_000_000, valid_from=D(2026, 1, 1), user=cell.staff
    )
    assert _line(run, cell.member_a).amount_due == 90_000
    april = services.make_run(organization=cell.cell_a1, month=D(2026, 4, 1), user=cell.staff)
    assert _line(april, cell.member_a).amount_due == 200_000


def test_a_month_is_made_once_and_a_second_make_is_refused(cell):
    services.make_run(organization=cell.cell_a1, month=D(2026, 3, 1), user=cell.staff)
    with pytest.raises(ValidationError) as refused:
        services.make_run(organization=cell.cell_a1, month=D(2026, 3, 1), user=cell.staff)
    assert "month" in refused.value.message_dict
    assert DuesRun.objects.filter(organization=cell.cell_a1).count() == 1


def test_re_making_needs_a_reason_and_is_audited_with_the_old_and_new_totals(cell):
    run = services.make_run(organization=cell.cell_a1, month=D(2026, 3, 1), user=cell.staff)
    services.set_profile(
        member=cell.member_a, category="pensioner", base_amount=6_000_000, valid_from=D(2026, 3, 1), user=cell.staff
    )
    with pytest.raises(ValidationError):
        services.remake_run(run=run, reason="  ", user=cell.staff)
    remade = services.remake_run(run=run, reason="Sai ngạch lương", user=cell.staff)
    assert remade.remade_at is not None and remade.remake_reason == "Sai ngạch lương"
    assert _line(remade, cell.member_a).amount_due == 30_000
    assert remade.lines.count() == 2
    history = list(remade.history.order_by("history_date"))
    assert [h.total_due for h in history] == [90_000 + 14_190, 30_000 + 14_190]
    assert history[-1].history_change_reason == "Sai ngạch lương"
    assert history[-1].history_user == cell.staff


@pytest.mark.parametrize(
    ("organization", "month", "field"),
    [
        ("org_a", D(2026, 3, 1), "organization"),
        ("cell_a1", D(2026, 12, 1), "month"),
        ("cell_a1", D(2010, 1, 1), "month"),
    ],
)
def test_a_run_is_refused_for_a_committee_a_month_not_begun_or_before_the_rules(cell, organization, month, field):
    with pytest.raises(ValidationError) as refused:
        services.make_run(organization=getattr(cell, organization), month=month, user=cell.staff)
    assert field in refused.value.message_dict


def test_a_subtree_run_makes_every_cell_of_the_month_in_one_go_skipping_those_made(cell):
    services.make_run(organization=cell.cell_a1, month=D(2026, 5, 1), user=cell.staff)
    admit(cell.cell_a2, full_name="Phạm Văn Dũng", national_id="001085000009")
    made = services.make_subtree_runs(organization=cell.committee, month=D(2026, 5, 1), user=cell.staff)
    assert {r.organization_id for r in made} == {cell.cell_a2.pk, cell.org_b.pk}
    assert DuesLine.objects.filter(month=D(2026, 5, 1)).count() == 4
    assert all(r.history.count() == 1 for r in DuesRun.objects.all())


def test_the_region_of_the_cells_unit_wins_over_its_base_organizations(cell):
    services.set_unit(organization=cell.cell_a1, region=4, user=cell.staff)
    run = services.make_run(organization=cell.cell_a1, month=D(2026, 3, 1), user=cell.staff)
    assert run.lines.exclude(member=cell.member_a).get().amount_due == 11_100


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"category": "insured", "base_amount": None}, "base_amount"),
        ({"category": "nope", "base_amount": None}, "category"),
        ({"category": "other", "base_amount": None, "valid_from": D(1900, 1, 1)}, "valid_from"),
        ({"category": "other", "base_amount": None, "exemption": "hardship"}, "exemption"),
    ],
)
def test_a_category_is_refused_without_what_it_needs(personas, args, field):
    args = {"valid_from": D(2026, 1, 1)} | args
    with pytest.raises(ValidationError) as refused:
        services.set_profile(member=personas.member_a, user=personas.staff, **args)
    assert field in refused.value.message_dict


def test_a_unit_refuses_a_region_outside_1_to_4_and_a_treasurer_from_elsewhere(personas):
    with pytest.raises(ValidationError):
        services.set_unit(organization=personas.cell_a1, region=5, user=personas.staff)
    with pytest.raises(ValidationError):
        services.set_unit(organization=personas.cell_a1, region=1, treasurer=personas.member_b, user=personas.staff)
    unit = services.set_unit(organization=personas.cell_a1, region=3, treasurer=personas.member_a, user=personas.staff)
    assert (unit.region, unit.treasurer) == (3, personas.member_a)
