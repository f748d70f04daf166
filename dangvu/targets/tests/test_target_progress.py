import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dangvu.indicators.registry import compute
from dangvu.members.tests.factories import admit
from dangvu.targets.models import Aggregation, Direction, TargetGroup
from dangvu.targets.selectors import aggregate, status_of, term_progress
from dangvu.targets.services import manual_actual_enter, target_save, term_create

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def term(personas):
    return term_create(
        organization=personas.committee, start_year=2020, end_year=2025, resolution="NQ Đại hội XII", by=personas.staff
    )


def _target(term, code="members.admitted", aggregation=Aggregation.SUM, resolution=Decimal(3), **extra):
    return target_save(
        term=term,
        by=None,
        variants={"resolution": resolution, "province": None, "stretch": None},
        plans={},
        number="1",
        group=TargetGroup.ORGANIZATION,
        content="Kết nạp đảng viên",
        unit="đảng viên",
        direction=extra.pop("direction", Direction.AT_LEAST),
        indicator_code=code,
        aggregation=aggregation,
        order=0,
    )


@pytest.mark.parametrize(
    ("actual", "target", "direction", "status"),
    [
        (Decimal(120), Decimal(100), Direction.AT_LEAST, "exceeded"),
        (Decimal(100), Decimal(100), Direction.AT_LEAST, "achieved"),
        (Decimal("99.99"), Decimal(100), Direction.AT_LEAST, "not_achieved"),
        (Decimal("0.5"), Decimal(1), Direction.AT_MOST, "achieved"),
        (Decimal(2), Decimal(1), Direction.AT_MOST, "not_achieved"),
        (None, Decimal(1), Direction.AT_LEAST, ""),
    ],
)
def test_the_remark_is_exceeded_achieved_or_not_achieved(actual, target, direction, status):
    assert status_of(actual=actual, target=target, direction=direction) == status


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [(Aggregation.SUM, Decimal(9)), (Aggregation.AVERAGE, Decimal("3.00")), (Aggregation.LATEST, Decimal(4))],
)
def test_yearly_values_aggregate_over_the_term(aggregation, expected):
    assert aggregate([Decimal(2), Decimal(3), Decimal(4)], aggregation) == expected


def test_actuals_come_from_the_indicator_registry_year_by_year(term, personas):
    admit(personas.cell_a1, full_name="Lê Văn Một", on=D(2021, 3, 1), full=False)
    admit(personas.cell_a2, full_name="Lê Văn Hai", on=D(2021, 9, 1), full=False)
    target = _target(term)
    row = term_progress(term=term, today=D(2026, 11, 22))[0]
    assert row.target == target
    for year in term.years:
        registry = compute(
            organization=personas.committee, start=D(year, 1, 1), end=D(year, 12, 31), codes=["members.admitted"]
        )["members.admitted"]
        assert row.yearly[year] == registry
    assert row.yearly[2021] == 2 and row.yearly[2020] == 3  # the personas' 3 members were admitted on 02/3/2020
    assert row.total == 5
    assert row.main.percent == Decimal("166.67") and row.main.status == "exceeded"


def test_a_hand_entered_actual_replaces_the_computed_value_of_its_year(term, personas):
    target = _target(term)
    manual_actual_enter(target=target, year=2020, value=Decimal(10), source="Báo cáo năm 2020", by=personas.staff)
    row = term_progress(term=term, today=D(2026, 11, 22))[0]
    assert row.yearly[2020] == 10 and 2020 in row.manual_years
    assert row.total == 10


def test_the_current_year_counts_to_date(personas):
    term = term_create(organization=personas.committee, start_year=2025, end_year=2030, resolution="", by=None)
    _target(term)
    row = term_progress(term=term, today=D(2026, 11, 22))[0]
    assert row.part_year == 2026
    assert row.yearly[2027] is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start_year": 2025, "end_year": 2020}, "end_year"),
        ({"start_year": 2020, "end_year": 2040}, "end_year"),
        ({"start_year": 2021, "end_year": 2026}, "start_year"),
    ],
)
def test_impossible_terms_are_refused(term, personas, kwargs, field):
    with pytest.raises(ValidationError) as error:
        term_create(organization=personas.committee, resolution="", by=None, **kwargs)
    assert field in error.value.message_dict


def test_an_unknown_indicator_is_refused(term):
    with pytest.raises(ValidationError) as error:
        _target(term, code="members.khong_co")
    assert "indicator_code" in error.value.message_dict


def test_an_actual_for_a_year_outside_the_term_is_refused(term):
    target = _target(term, code="")
    with pytest.raises(ValidationError):
        manual_actual_enter(target=target, year=2019, value=Decimal(1), source="", by=None)


def test_the_term_page_runs_a_constant_number_of_queries(client, personas, term):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(personas.staff)
    counts = []
    for n in (1, 4):
        for i in range(n):
            _target(term, code="members.total" if i % 2 == 0 else "", aggregation=Aggregation.LATEST)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("targets:term", kwargs={"pk": term.pk})).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_target_form_names_indicators_in_vietnamese_by_group_with_the_code_as_a_hint():
    from dangvu.targets.forms import TargetForm

    choices = TargetForm(years=[2021, 2022]).fields["indicator_code"].choices
    groups = [label for label, items in choices[1:]]
    assert groups[0] == "Công tác chính trị, tư tưởng"
    organization = dict(choices)["Công tác tổ chức xây dựng Đảng"]
    label = dict(organization)["members.admitted"]
    assert label.endswith(" — members.admitted") and not label.startswith("members.")
