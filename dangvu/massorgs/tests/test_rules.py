"""The rules of the mass-organization records, one row per rule with its source.

Each bad input is refused with a Vietnamese message naming the field, and nothing is written.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from dangvu.massorgs import selectors, services
from dangvu.massorgs.models import EmulationRegistration, MassOrgFigures, SkilledMobilisationModel

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 11, 22)
GOOD = {"bases": 3, "members": 40, "grade_1": 8, "grade_2": 20, "grade_3": 10, "grade_4": 2}


def _figures(p, **overrides):
    data = {"by": None, "organization": p.org_a, "kind": "youth_union", "year": 2025, "period": "year", "today": TODAY}
    data.update(GOOD)
    data.update(overrides)
    return services.figures_save(**data)


FIGURE_RULES = [
    ("counts-cannot-be-negative (issue 3 item 10)", {"members": -1}, "members", "âm"),
    ("introduced-cannot-be-negative", {"youth_introduced": -3}, "youth_introduced", "âm"),
    (
        "admitted-not-more-than-introduced (issue 3 item 10)",
        {"youth_introduced": 2, "youth_admitted": 3},
        "youth_admitted",
        "không thể vượt số được giới thiệu",
    ),
    ("grade-counts-not-more-than-members (issue 3 item 10)", {"grade_2": 30}, "grade_1", "không thể vượt"),
    ("bases-not-more-than-members (each base has a member)", {"bases": 41}, "bases", "không thể nhiều hơn"),
    ("year-not-in-the-future", {"year": 2027}, "year", "2026"),
    ("period-has-begun", {"year": 2026, "period": "h1", "today": D(2025, 12, 31)}, "year", "2025"),
]


@pytest.mark.parametrize(("rule", "overrides", "field", "words"), FIGURE_RULES, ids=[r[0] for r in FIGURE_RULES])
def test_figures_breaking_a_rule_are_refused_and_nothing_is_written(personas, rule, overrides, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _figures(personas, **overrides)
    assert words in " ".join(refused.value.message_dict[field])
    assert MassOrgFigures.all_objects.count() == 0


def test_figures_are_kept_per_base_organization(personas):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _figures(personas, organization=personas.cell_a1)
    assert "tổ chức cơ sở đảng" in " ".join(refused.value.message_dict["organization"])


def test_the_same_period_cannot_be_recorded_twice_but_can_be_restored_after_a_delete(personas):
    first = _figures(personas)
    with pytest.raises(ValidationError):
        _figures(personas)
    services.figures_delete(figures=first, by=None)
    second = _figures(personas)
    with pytest.raises(ValidationError):
        services.figures_restore(figures=first, by=None, today=TODAY)
    services.figures_delete(figures=second, by=None)
    services.figures_restore(figures=first, by=None, today=TODAY)
    assert MassOrgFigures.objects.get().pk == first.pk


def _model(p, **overrides):
    data = {
        "by": None,
        "organization": p.org_a,
        "year": 2025,
        "level": "base",
        "kind": "model",
        "name": "Ngày thứ bảy vì dân",
        "today": TODAY,
    }
    data.update(overrides)
    return services.model_save(**data)


MODEL_RULES = [
    (
        "recognition-date-within-the-year (dates within the period)",
        {"recognised_on": D(2024, 12, 30)},
        "recognised_on",
        "2025",
    ),
    (
        "recognition-date-not-in-the-future",
        {"year": 2026, "recognised_on": D(2026, 12, 1)},
        "recognised_on",
        "tương lai",
    ),
    ("name-required", {"name": "  "}, "name", "tên"),
]


@pytest.mark.parametrize(("rule", "overrides", "field", "words"), MODEL_RULES, ids=[r[0] for r in MODEL_RULES])
def test_a_model_breaking_a_rule_is_refused(personas, rule, overrides, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _model(personas, **overrides)
    assert words in " ".join(refused.value.message_dict[field])
    assert SkilledMobilisationModel.all_objects.count() == 0


def _registration(p, **overrides):
    data = {
        "by": None,
        "organization": p.org_a,
        "year": 2025,
        "kind": "grassroots_democracy",
        "registered": True,
        "registered_on": D(2025, 2, 3),
        "today": TODAY,
    }
    data.update(overrides)
    return services.registration_save(**data)


REGISTRATION_RULES = [
    ("registered-needs-a-date", {"registered_on": None}, "registered_on", "Nhập ngày"),
    ("not-registered-has-no-date", {"registered": False}, "registered_on", "không có ngày"),
    ("date-within-the-year (dates within the period)", {"registered_on": D(2024, 12, 20)}, "registered_on", "2025"),
]


@pytest.mark.parametrize(
    ("rule", "overrides", "field", "words"), REGISTRATION_RULES, ids=[r[0] for r in REGISTRATION_RULES]
)
def test_a_registration_breaking_a_rule_is_refused(personas, rule, overrides, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _registration(personas, **overrides)
    assert words in " ".join(refused.value.message_dict[field])
    assert EmulationRegistration.all_objects.count() == 0


def test_aggregates_for_the_indicators(personas):
    _figures(personas, youth_introduced=3, youth_admitted=2)
    _figures(personas, organization=personas.org_b, bases=1, members=10, grade_1=2, grade_2=5, grade_3=3, grade_4=0)
    _model(personas)
    _model(personas, level="bloc", kind="exemplar", name="Tập thể Văn phòng")
    _registration(personas)
    totals = selectors.mass_org_totals(organization=personas.committee, year=2025)
    assert totals["youth_union"]["members"] == 50
    assert totals["youth_union"]["youth_admitted"] == 2
    assert totals["youth_union"]["units"] == 2
    assert selectors.models_by_level(organization=personas.committee, year=2025) == {
        "base": {"model": 1},
        "bloc": {"exemplar": 1},
    }
    assert selectors.registration_share(organization=personas.committee, year=2025, kind="grassroots_democracy") == (
        1,
        2,
    )
