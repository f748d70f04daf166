import datetime as dt

import pytest
from django.test.utils import override_settings
from django.urls import reverse

from dangvu.massorgs import services

pytestmark = pytest.mark.django_db


def _add(p, years):
    for year in years:
        for kind in ("youth_union", "trade_union", "veterans"):
            services.figures_save(
                by=None, organization=p.org_a, kind=kind, year=year, period="year", bases=1, members=5
            )
        services.model_save(
            by=None, organization=p.org_a, year=year, level="base", kind="model", name=f"Mô hình {year}"
        )
        services.registration_save(
            by=None,
            organization=p.org_b,
            year=year,
            kind="mass_mobilisation",
            registered=True,
            registered_on=dt.date(year, 1, 15),
        )


@pytest.mark.parametrize("url_name", ["massorgs:figures_list", "massorgs:model_list", "massorgs:registration_list"])
def test_the_list_pages_keep_a_constant_query_count(client, personas, django_assert_max_num_queries, url_name):
    client.force_login(personas.staff)
    counts = []
    for years, page_size in ((range(2024, 2026), 2), (range(2018, 2024), 10)):
        _add(personas, years)
        with override_settings(PAGE_SIZE=page_size), django_assert_max_num_queries(12) as captured:
            response = client.get(reverse(url_name))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_refused_form_shows_the_vietnamese_rule_beside_the_field(client, personas):
    client.force_login(personas.secretary_a)
    data = {
        "organization": personas.org_a.pk,
        "year": 2025,
        "kind": "youth_union",
        "period": "year",
        "bases": 2,
        "members": 10,
        "grade_1": 0,
        "grade_2": 0,
        "grade_3": 0,
        "grade_4": 0,
        "youth_introduced": 1,
        "youth_admitted": 2,
    }
    response = client.post(reverse("massorgs:figures_create"), data)
    assert response.status_code == 200
    assert "không thể vượt số được giới thiệu" in response.content.decode()
