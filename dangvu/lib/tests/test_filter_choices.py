"""The organization filter of a list at province size: the levels above the cells, quickly written, and a cell
asked for by a link still filters."""

import pytest

from dangvu.lib import filter_choices
from dangvu.meetings.forms import MeetingFilterForm

pytestmark = pytest.mark.django_db


def test_a_big_scope_offers_the_levels_above_the_cells_and_the_cell_asked_for(personas, monkeypatch):
    monkeypatch.setattr(filter_choices, "FILTER_OPTIONS_LIMIT", 3)
    form = MeetingFilterForm({"organization": str(personas.cell_a2.pk)}, user=personas.staff)
    html = str(form["organization"])
    assert personas.org_a.name in html and personas.org_b.name in html and personas.committee.name in html
    assert personas.cell_a1.name not in html
    assert f'<option value="{personas.cell_a2.pk}" selected>{personas.cell_a2.name}</option>' in html
    assert form.is_valid() and form.filters().organization == personas.cell_a2


def test_a_small_scope_offers_every_organization(personas):
    html = str(MeetingFilterForm(None, user=personas.staff)["organization"])
    assert all(o.name in html for o in (personas.committee, personas.org_a, personas.cell_a1, personas.cell_a2))
    assert 'name="organization"' in html and 'id="id_organization"' in html


def test_a_cell_outside_the_scope_is_refused_with_the_usual_message(personas):
    form = MeetingFilterForm({"organization": str(personas.org_b.pk)}, user=personas.secretary_a)
    assert not form.is_valid() and "organization" in form.errors
