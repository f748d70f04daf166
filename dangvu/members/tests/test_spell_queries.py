import datetime as dt

import pytest

from dangvu.members.models import MembershipSpell
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.tests.factories import make_org

D = dt.date
pytestmark = pytest.mark.django_db


def _spell(member, organization, start, end=None):
    return MembershipSpell.objects.create(member=member, organization=organization, start=start, end=end)


def _open(spell, day) -> bool:
    return MembershipSpell.objects.filter(pk=spell.pk).open_on(day).exists()


def test_a_spell_counts_its_member_on_its_start_day(personas):
    spell = _spell(personas.member_a, personas.cell_a2, D(2030, 1, 10), D(2030, 2, 10))
    assert _open(spell, D(2030, 1, 10))
    assert not _open(spell, D(2030, 1, 9))


def test_a_spell_no_longer_counts_its_member_on_its_end_day(personas):
    spell = _spell(personas.member_a, personas.cell_a2, D(2030, 1, 10), D(2030, 2, 10))
    assert _open(spell, D(2030, 2, 9))
    assert not _open(spell, D(2030, 2, 10))


def test_a_spell_without_an_end_stays_open_on_every_later_day(personas):
    spell = _spell(personas.member_a, personas.cell_a2, D(2030, 1, 10))
    assert _open(spell, D(2030, 1, 10))
    assert _open(spell, D(2099, 12, 31))
    assert not _open(spell, D(2030, 1, 9))


def test_open_on_agrees_with_the_spells_the_personas_were_admitted_with(personas):
    # member_a and member_b were admitted on 2 March 2020: nobody is counted the day before.
    assert not MembershipSpell.objects.open_on(D(2020, 3, 1)).exists()
    assert set(MembershipSpell.objects.open_on(D(2026, 1, 1)).values_list("member_id", flat=True)) == {
        personas.member_a.pk,
        personas.member_b.pk,
        personas.cell_secretary.member_id,
    }


def test_in_subtree_takes_the_organization_and_everything_below_it_only(personas):
    on = D(2026, 1, 1)
    members = lambda org: set(  # noqa: E731
        MembershipSpell.objects.open_on(on).in_subtree(org).values_list("member_id", flat=True)
    )
    a1 = {personas.member_a.pk, personas.cell_secretary.member_id}
    assert members(personas.committee) == a1 | {personas.member_b.pk}
    assert members(personas.org_a) == a1
    assert members(personas.cell_a1) == a1
    assert members(personas.cell_a2) == set()
    assert members(personas.org_b) == {personas.member_b.pk}


def test_in_subtree_does_not_take_a_sibling_whose_path_starts_alike(personas):
    # Paths grow by fixed-width steps: a prefix test reaches descendants, never a sibling.
    sibling = make_org(personas.org_a, kind=OrganizationKind.CELL, name="Chi bộ Kế toán", code="A3")
    spell = _spell(personas.member_b, sibling, D(2030, 1, 1))
    in_a1 = MembershipSpell.objects.in_subtree(personas.cell_a1)
    assert not in_a1.filter(pk=spell.pk).exists()
    assert MembershipSpell.objects.in_subtree(personas.org_a).filter(pk=spell.pk).exists()


def test_in_subtree_of_none_is_the_whole_tree(personas):
    assert MembershipSpell.objects.in_subtree(None).count() == MembershipSpell.objects.count() > 0


def test_the_related_manager_of_a_member_answers_open_on_too(personas):
    spells = personas.member_a.spells.open_on(D(2026, 1, 1))
    assert [s.organization for s in spells] == [personas.cell_a1]
