"""Several organizations picked by searching (the organizations an inspection covers): each picked one is a ticked
box, what is sent is validated against the form's scoped queryset, and a typed name works without a script."""

import pytest
from django import forms
from django.http import QueryDict
from django.utils import translation

from dangvu.lib.forms import OrganizationsSearchField
from dangvu.organizations.models import Organization
from dangvu.organizations.tests.factories import make_org

pytestmark = pytest.mark.django_db


class _SubjectsForm(forms.Form):
    subjects = OrganizationsSearchField(queryset=Organization.objects.none(), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subjects"].queryset = Organization.objects.filter(path__startswith=user.organization.path)


def _data(picked=(), typed=""):
    data = QueryDict(mutable=True)
    data.setlist("subjects", [str(pk) for pk in picked])
    if typed:
        data["subjects_q"] = typed
    return data


def test_the_organizations_picked_are_kept_in_order_of_the_queryset_and_shown_ticked(personas):
    form = _SubjectsForm(_data([personas.cell_a1.pk, personas.cell_a2.pk]), user=personas.secretary_a)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["subjects"]) == {personas.cell_a1, personas.cell_a2}
    html = str(form["subjects"])
    assert html.count('type="checkbox" name="subjects"') == 2 and html.count("checked") == 2
    assert "Chi bộ Văn phòng" in html and "<option" not in html


def test_an_organization_outside_the_forms_scope_is_refused(personas):
    with translation.override("vi"):
        form = _SubjectsForm(_data([personas.cell_a1.pk, personas.org_b.pk]), user=personas.secretary_a)
        assert not form.is_valid()
        assert "không phải là một trong các lựa chọn" in form.errors["subjects"][0]
        assert not _SubjectsForm(_data(["1; drop"]), user=personas.secretary_a).is_valid()


def test_without_a_script_a_typed_name_with_one_match_is_added_to_those_picked(personas):
    form = _SubjectsForm(_data([personas.cell_a2.pk], typed="van phong"), user=personas.secretary_a)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["subjects"]) == {personas.cell_a1, personas.cell_a2}


def test_without_a_script_several_matches_are_listed_to_tick_and_the_ticked_one_is_taken(personas):
    for n in range(3):
        make_org(personas.org_a, name=f"Chi bộ Phòng {n}", code=f"P{n}")
    form = _SubjectsForm(_data(typed="chi bo phong"), user=personas.secretary_a)
    assert not form.is_valid() and "4" in form.errors["subjects"][0]  # and "Chi bộ Văn phòng"
    assert str(form["subjects"]).count('type="checkbox" name="subjects"') == 4
    second = Organization.objects.get(code="P1")
    ticked = _SubjectsForm(_data([second.pk], typed="chi bo phong"), user=personas.secretary_a)
    assert ticked.is_valid(), ticked.errors
    assert list(ticked.cleaned_data["subjects"]) == [second]


def test_a_typed_name_that_matches_nothing_says_so_in_vietnamese(personas):
    with translation.override("vi"):
        form = _SubjectsForm(_data(typed="khong co dau"), user=personas.secretary_a)
        assert not form.is_valid() and "khong co dau" in form.errors["subjects"][0]
